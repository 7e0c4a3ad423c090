package cn.gd.xueshi.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.hours.Credit;
import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.hours.LedgerRules;
import cn.gd.xueshi.hours.Source;
import cn.gd.xueshi.hours.YearRules;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewOutcome;
import cn.gd.xueshi.review.ReviewState;

/**
 * What a decision on a declaration does, in the decision's transaction: a confirmed one is credited
 * through the ledger's door on the reference {@code declaration:<id>} (a refusal there, such as a
 * closed year, undoes the decision); a returned one changes nothing in the ledger.
 */
@ApplicationScoped
public class DeclarationOutcome implements ReviewOutcome {

    private final HourLedger ledger;
    private final YearRules rules;
    private final java.time.Clock clock;

    public DeclarationOutcome(HourLedger ledger, YearRules rules, java.time.Clock clock) {
        this.ledger = ledger;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public ReviewKind kind() {
        return ReviewKind.DECLARATION;
    }

    /** A declaration of a closed year is not handed in (it could never be confirmed). */
    @Override
    public Uni<List<String>> submissionRefusals(long declarationId) {
        return Declaration.<Declaration>findById(declarationId).map(d -> {
            LedgerRules.Refusal closed = LedgerRules.refusal(new Credit(d.professionalId, d.year, d.category, d.hours,
                    Source.DECLARATION, reference(d.id), d.title, "-", clock.instant()), rules.rule(d.year), LocalDate.now(clock));
            return closed == null ? List.of() : List.of(closed.detail());
        });
    }

    @Override
    public Uni<Void> decided(long declarationId, ReviewState to, Instant at, Actor by) {
        if (to != ReviewState.APPROVED) {
            return Uni.createFrom().voidItem();
        }
        return Declaration.<Declaration>findById(declarationId).flatMap(d -> ledger.credit(new Credit(d.professionalId, d.year,
                d.category, d.hours, Source.DECLARATION, reference(d.id), d.title, by.name(), at))).replaceWithVoid();
    }

    static String reference(long declarationId) {
        return "declaration:" + declarationId;
    }
}
