package cn.gd.xueshi.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.hours.HoursRevoked;
import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.identity.Placements;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewOutcome;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.shared.Clocks;
import cn.gd.xueshi.shared.ProblemException;

/**
 * A confirmed year issues its certificate, in the confirmation's transaction: a record with the
 * next number and the hours as they stand (the PDF follows, rendered by {@link CertificateRenderer});
 * any certificate of that year still in force is superseded. Revoked hours revoke the certificate
 * built on them.
 */
@ApplicationScoped
public class CertificateIssuer implements ReviewOutcome, HoursRevoked {

    private final HourLedger ledger;
    private final Placements placements;

    public CertificateIssuer(HourLedger ledger, Placements placements) {
        this.ledger = ledger;
        this.placements = placements;
    }

    @Override
    public ReviewKind kind() {
        return ReviewKind.YEAR_CONFIRMATION;
    }

    @Override
    public Uni<Void> decided(long completionId, ReviewState to, Instant at, Actor by) {
        if (to != ReviewState.APPROVED) {
            return Uni.createFrom().voidItem();
        }
        return YearCompletion.<YearCompletion>findById(completionId).flatMap(y -> placements.of(y.professionalId)
                .flatMap(place -> ledger.records(List.of(y.professionalId), y.year).flatMap(records -> {
                    var record = records.get(y.professionalId);
                    if (record == null || !record.complete()) {
                        throw ProblemException.conflict("requirement-not-met", "学时未达到年度要求，不能确认。");
                    }
                    return Certificate.update("state = ?1 where professionalId = ?2 and year = ?3 and state = ?4",
                            Certificate.State.SUPERSEDED, y.professionalId, y.year, Certificate.State.VALID)
                            .chain(() -> Certificate.count("professionalId = ?1 and year = ?2", y.professionalId, y.year))
                            .flatMap(versions -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                    "select nextval('certificate_serial')", Object.class).getSingleResult()).flatMap(serial -> {
                                        Certificate c = new Certificate();
                                        c.number = CertificateNumber.of(y.year, ((Number) serial).longValue());
                                        c.completionId = y.id;
                                        c.professionalId = y.professionalId;
                                        c.year = y.year;
                                        c.version = versions.intValue() + 1;
                                        c.state = Certificate.State.VALID;
                                        c.name = place.name();
                                        c.idNumberMasked = IdNumber.mask(place.idNumber());
                                        c.employerName = place.employerName() == null ? "（无工作单位）" : place.employerName();
                                        c.publicHours = record.earned().publicHours();
                                        c.professionalHours = record.earned().professional();
                                        c.electiveHours = record.earned().elective();
                                        c.totalHours = record.earned().total();
                                        c.issuedAt = at;
                                        c.issuedOn = LocalDate.ofInstant(at, Clocks.PROVINCE);
                                        return c.persist();
                                    }));
                })).replaceWithVoid());
    }

    /** HR revoked hours of a year: a certificate of that year still in force no longer stands. */
    @Override
    public Uni<Void> revoked(long professionalId, int year, String reason, String by, Instant at) {
        return Certificate.update("state = ?1, revokedAt = ?2, revokedBy = ?3, revokedReason = ?4 "
                + "where professionalId = ?5 and year = ?6 and state = ?7", Certificate.State.REVOKED, at, by,
                "所依据的学时已被撤销：" + reason, professionalId, year, Certificate.State.VALID).replaceWithVoid();
    }
}
