package cn.gd.xueshi.staff;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.declaration.DeclarationService;
import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.identity.Employments;
import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.identity.Person;
import cn.gd.xueshi.identity.StaffOutcome;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.shared.sheet.SheetException;

/**
 * An employer administrator's staff: imports and single additions (placed by identity's
 * {@link Employments}), leaving, and the unit's standing for a year (hours from the ledger, pending
 * ones from declarations). Every method takes the unit {@link StaffScope} resolved.
 */
@ApplicationScoped
public class StaffService {

    private final Employments employments;
    private final HourLedger ledger;
    private final DeclarationService declarations;
    private final Clock clock;

    public StaffService(Employments employments, HourLedger ledger, DeclarationService declarations, Clock clock) {
        this.employments = employments;
        this.ledger = ledger;
        this.declarations = declarations;
        this.clock = clock;
    }

    public Uni<StaffViews.StaffImportReport> importFile(long unit, byte[] body, String by) {
        StaffSheet.Result sheet;
        try {
            sheet = StaffSheet.read(body, LocalDate.now(clock));
        } catch (SheetException e) {
            throw ProblemException.unprocessable("unreadable-sheet", e.getMessage());
        }
        List<Person> people = sheet.accepted().stream().map(StaffSheet.Row::person).toList();
        return employments.place(unit, people, by).map(placed -> {
            List<StaffViews.RowOutcome> rows = new ArrayList<>();
            for (int i = 0; i < placed.size(); i++) {
                Employments.Placed p = placed.get(i);
                rows.add(new StaffViews.RowOutcome(sheet.accepted().get(i).rowNumber(), p.outcome(), p.professionalId(), p.reason()));
            }
            sheet.refused().forEach(r -> rows.add(new StaffViews.RowOutcome(r.rowNumber(), StaffOutcome.REFUSED, null, r.reason())));
            rows.sort(Comparator.comparingInt(StaffViews.RowOutcome::row));
            Map<StaffOutcome, Integer> counts = new EnumMap<>(StaffOutcome.class);
            rows.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
            return new StaffViews.StaffImportReport(counts.getOrDefault(StaffOutcome.CREATED, 0), counts.getOrDefault(StaffOutcome.LINKED, 0),
                    counts.getOrDefault(StaffOutcome.MOVED, 0), counts.getOrDefault(StaffOutcome.UNCHANGED, 0),
                    counts.getOrDefault(StaffOutcome.REFUSED, 0), rows);
        });
    }

    /** One person, by the rules of a row; a refusal is a 422 with the row's reason. */
    public Uni<StaffViews.RowOutcome> add(long unit, String name, String idNumber, String sector, String titleLevel, String city,
            String by) {
        Person person;
        try {
            person = StaffRules.person(name, idNumber, sector, titleLevel, city, LocalDate.now(clock));
        } catch (StaffRules.Refused e) {
            throw ProblemException.unprocessable("invalid-person", e.getMessage());
        }
        return employments.place(unit, List.of(person), by).map(placed -> {
            Employments.Placed p = placed.get(0);
            if (p.outcome() == StaffOutcome.REFUSED) {
                throw ProblemException.unprocessable("person-refused", p.reason());
            }
            return new StaffViews.RowOutcome(1, p.outcome(), p.professionalId(), null);
        });
    }

    /** Ends the person's employment in the unit today; 404 when they are not in it. */
    public Uni<Void> remove(long unit, long professionalId, String by) {
        return employments.end(unit, professionalId, by).invoke(ended -> StaffScope.requireMember(ended, professionalId))
                .replaceWithVoid();
    }

    public int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    @WithSession
    public Uni<StaffViews.Standing> standing(long unit, int year, int offset, int limit) {
        return employments.members(unit, offset, limit).flatMap(members -> {
            List<Long> ids = members.members().stream().map(Employments.Member::professionalId).toList();
            return ledger.records(ids, year).flatMap(records -> declarations.pendingHours(ids, year).map(pending -> {
                List<StaffViews.Member> staff = members.members().stream().map(m -> new StaffViews.Member(m.professionalId(), m.name(),
                        IdNumber.mask(m.idNumber()), m.sector(), m.sector().label, m.titleLevel(), m.titleLevel().label, m.cityCode(),
                        m.since(), StaffStanding.of(records.get(m.professionalId()),
                                pending.getOrDefault(m.professionalId(), Map.<Category, BigDecimal>of())))).toList();
                return new StaffViews.Standing(unit, year, members.total(), offset, limit, staff);
            }));
        });
    }
}
