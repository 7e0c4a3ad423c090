package cn.gd.xueshi.certificate;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.hours.YearRecord;
import cn.gd.xueshi.hours.YearRule;
import cn.gd.xueshi.hours.YearRules;
import cn.gd.xueshi.identity.Placements;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.media.ObjectStore;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewAction;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewPolicy;
import cn.gd.xueshi.review.ReviewService;
import cn.gd.xueshi.review.ReviewSubject;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.review.ReviewViews;
import cn.gd.xueshi.shared.Clocks;
import cn.gd.xueshi.shared.ProblemException;

/**
 * Yearly completion and certificates: a year whose requirement is met is handed in for its owner
 * and confirmed through the review mechanism by whoever the policy names (the unit, or for the
 * education and health sectors the sector's authority); the confirmation issues the certificate
 * ({@link CertificateIssuer}), whose signed PDF is rendered once into object storage
 * ({@link CertificateRenderer}). Verification is public; revocation is HR's.
 */
@ApplicationScoped
public class CertificateService {

    static final int MAX_CONFIRMATIONS = 1_000;

    private final HourLedger ledger;
    private final YearRules rules;
    private final Placements placements;
    private final ReviewService reviews;
    private final ObjectStore store;
    private final CertificateVerifier verifier;
    private final CertificateRenderer renderer;
    private final io.vertx.mutiny.core.Vertx vertx;
    private final Clock clock;

    public CertificateService(HourLedger ledger, YearRules rules, Placements placements, ReviewService reviews, ObjectStore store,
            CertificateVerifier verifier, CertificateRenderer renderer, io.vertx.mutiny.core.Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.renderer = renderer;
        this.ledger = ledger;
        this.rules = rules;
        this.placements = placements;
        this.reviews = reviews;
        this.store = store;
        this.verifier = verifier;
        this.clock = clock;
    }

    public enum Confirmed {
        /** Confirmed now; the certificate is issued. */
        CONFIRMED,
        /** Confirmed before; nothing changed. */
        ALREADY_CONFIRMED,
        /** Not confirmed; see the reason. */
        REFUSED
    }

    public record YearOutcome(long professionalId, Confirmed status, String certificateNumber, Integer httpStatus, String problem,
            String reason) {
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Clocks.PROVINCE);
    }

    /** Confirms the years of several people, each in its own transaction; one refusal leaves the others confirmed. */
    public Uni<List<YearOutcome>> confirm(Actor actor, int year, List<Long> professionalIds) {
        if (professionalIds == null || professionalIds.isEmpty() || professionalIds.size() > MAX_CONFIRMATIONS
                || professionalIds.stream().anyMatch(p -> p == null || p <= 0)) {
            throw ProblemException.unprocessable("invalid-selection", "请选择 1–" + MAX_CONFIRMATIONS + " 名人员（编号为正整数）。");
        }
        List<YearOutcome> outcomes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Long pid : new LinkedHashSet<>(professionalIds)) {
            chain = chain.chain(() -> confirmOne(actor, year, pid).invoke(outcomes::add).replaceWithVoid());
        }
        return chain.replaceWith(outcomes);
    }

    /** One person's year, in its own transaction; a refusal is an outcome, not a failure. */
    public Uni<YearOutcome> confirmOne(Actor actor, int year, long pid) {
        return Panache.withTransaction(() -> placements.of(pid).flatMap(place -> {
            if (place == null || !CompletionRules.mayConfirm(actor, place.scope())) {
                throw ProblemException.notFound("没有这名人员，或其不在您的确认范围内（编号 " + pid + "）。");
            }
            return Certificate.<Certificate>find("professionalId = ?1 and year = ?2 and state = ?3", pid, year, Certificate.State.VALID)
                    .firstResult().flatMap(issued -> issued != null
                            ? Uni.createFrom().item(new YearOutcome(pid, Confirmed.ALREADY_CONFIRMED, issued.number, 200, null, null))
                            : confirmNew(actor, year, pid, place));
        })).onFailure(ProblemException.class).recoverWithItem(e -> {
            ProblemException p = (ProblemException) e;
            return new YearOutcome(pid, Confirmed.REFUSED, null, p.status(), p.type(), p.detail());
        });
    }

    /** A year with no certificate in force: the policy, the deadline and the requirement, then the review and the issue. */
    private Uni<YearOutcome> confirmNew(Actor actor, int year, long pid, Placements.Placement place) {
        String notTheirs = ReviewPolicy.of(ReviewKind.YEAR_CONFIRMATION).refusal(actor,
                new ReviewSubject(ReviewKind.YEAR_CONFIRMATION, -1, place.scope()), ReviewAction.APPROVE);
        if (notTheirs != null) {
            throw ProblemException.forbidden("not-your-review", notTheirs);
        }
        YearRule rule = rules.rule(year);
        if (rule == null || today().isAfter(rule.confirmUntil())) {
            throw ProblemException.conflict("year-closed", rule == null ? year + " 年度没有学时要求。"
                    : year + " 年度已于 " + rule.confirmUntil() + " 截止确认。");
        }
        return ledger.records(List.of(pid), year).flatMap(records -> {
            YearRecord record = records.get(pid);
            if (record == null || !record.complete()) {
                List<String> gaps = record == null ? List.of("没有学时记录") : CompletionRules.shortfall(record);
                throw ProblemException.conflict("requirement-not-met", year + " 年度学时未达到要求：" + String.join("，", gaps) + "。");
            }
            return completion(pid, year, place.employerId()).flatMap(completionId -> reviews
                    .items(ReviewKind.YEAR_CONFIRMATION, List.of(completionId)).flatMap(items -> {
                        ReviewViews.Item item = items.get(completionId);
                        if (item != null && item.state() == ReviewState.APPROVED) {
                            return Certificate.<Certificate>find("completionId = ?1 and state = ?2", completionId,
                                    Certificate.State.VALID).firstResult().map(c -> new YearOutcome(pid, Confirmed.ALREADY_CONFIRMED,
                                            c == null ? null : c.number, 200, null, null));
                        }
                        return placements.accounts(List.of(pid)).flatMap(accounts -> accounts.containsKey(pid)
                                ? Uni.createFrom().item(accounts.get(pid)) : placements.platformAccount()).flatMap(owner -> {
                            Actor ownerActor = new Actor(owner, Set.of(Role.PROFESSIONAL), place.scope(), place.name() + "（平台代交）");
                            Uni<?> handedIn = item == null
                                    ? reviews.open(ReviewKind.YEAR_CONFIRMATION, completionId, place.name() + " " + year + " 年度学时",
                                            ownerActor, Role.PROFESSIONAL, place.scope())
                                            .chain(() -> reviews.submit(ReviewKind.YEAR_CONFIRMATION, completionId, ownerActor))
                                    : item.state() == ReviewState.SUBMITTED ? Uni.createFrom().voidItem()
                                    : reviews.submit(ReviewKind.YEAR_CONFIRMATION, completionId, ownerActor);
                            return handedIn.<ReviewViews.Item>chain(() -> reviews.decideSubject(ReviewKind.YEAR_CONFIRMATION, completionId, actor,
                                    ReviewAction.APPROVE, null))
                                    .chain(() -> Certificate.<Certificate>find("completionId = ?1 and state = ?2", completionId,
                                            Certificate.State.VALID).<Certificate>firstResult())
                                    .map(c -> new YearOutcome(pid, Confirmed.CONFIRMED, c.number, 200, null, null));
                        });
                    }));
        });
    }

    /** The completion row of a person's year, made once; racing confirmations wait here for each other. */
    private Uni<Long> completion(long pid, int year, Long employerId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                insert into year_completion (professional_id, year, employer_id, created_at) values (:pid, :year, :unit, :now)
                on conflict (professional_id, year) do nothing""").setParameter("pid", pid).setParameter("year", year)
                .setParameter("unit", employerId).setParameter("now", clock.instant()).executeUpdate()
                .chain(() -> s.createNativeQuery("select id from year_completion where professional_id = :pid and year = :year for update",
                        Object.class).setParameter("pid", pid).setParameter("year", year).getSingleResult())
                .map(id -> ((Number) id).longValue()));
    }

    // ---- reading -------------------------------------------------------------------------------

    public record CertificateHours(BigDecimal publicHours, BigDecimal professional, BigDecimal elective, BigDecimal total) {
    }

    public record MyCertificate(String number, int year, int version, Certificate.State state, LocalDate issuedOn, String pdfUrl,
            String sealedPdfUrl, CertificateHours hours) {
    }

    /** The professional's certificates, newest year first, with short-lived download addresses once rendered. */
    @WithSession
    public Uni<List<MyCertificate>> mine(long professionalId) {
        return Certificate.<Certificate>list("professionalId = ?1 order by year desc, version desc", professionalId)
                .flatMap(cs -> vertx.executeBlocking(Uni.createFrom().item(() -> cs.stream().map(c -> new MyCertificate(c.number, c.year,
                        c.version, c.state, c.issuedOn,
                        c.pdfKey == null ? null : store.presignedDownload(c.pdfKey, fileName(c, false), "application/pdf"),
                        c.sealedPdfKey == null ? null : store.presignedDownload(c.sealedPdfKey, fileName(c, true), "application/pdf"),
                        hours(c))).toList())));
    }

    static String fileName(Certificate c, boolean sealed) {
        return "继续教育学时证明-" + c.year + "-" + c.number + (sealed ? "-盖章" : "") + ".pdf";
    }

    static CertificateHours hours(Certificate c) {
        return new CertificateHours(c.publicHours, c.professionalHours, c.electiveHours, c.totalHours);
    }

    /** What anyone may learn of a certificate: its state, year, hours and the masked identity. */
    public record PublicView(String number, Certificate.State state, int year, CertificateHours hours, String name, String idNumber,
            LocalDate issuedOn) {
    }

    @WithSession
    public Uni<PublicView> lookup(String number) {
        if (!CertificateNumber.isValid(number)) {
            return Uni.createFrom().failure(ProblemException.notFound("证书编号不存在（请核对编号，最后一位是校验码）。"));
        }
        return Certificate.<Certificate>find("number", number).firstResult().map(c -> {
            if (c == null) {
                throw ProblemException.notFound("证书编号不存在（请核对编号，最后一位是校验码）。");
            }
            return publicView(c);
        });
    }

    static PublicView publicView(Certificate c) {
        return new PublicView(c.number, c.state, c.year, hours(c), CompletionRules.maskName(c.name), c.idNumberMasked, c.issuedOn);
    }

    public record Verification(boolean genuine, String number, Certificate.State state, String reason) {
    }

    /** Whether a PDF is a certificate this platform issued, unchanged; and then its state. */
    @WithSession
    public Uni<Verification> verify(byte[] pdf) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> verifier.verify(pdf))).flatMap(verdict -> verdict.genuine()
                ? known(pdf, verdict) : Uni.createFrom().item(new Verification(false, verdict.number(), null, verdict.reason())));
    }

    private Uni<Verification> known(byte[] pdf, CertificateVerifier.Verdict verdict) {
        String digest = sha256(pdf);
        return Certificate.<Certificate>find("pdfSha256 = ?1 or sealedPdfSha256 = ?1", digest).firstResult().map(c -> {
            if (c == null) {
                return new Verification(false, verdict.number(), null, "签名有效，但该文件不是本平台登记的证书文件。");
            }
            String reason = c.state == Certificate.State.REVOKED ? "证书已撤销：" + c.revokedReason
                    : c.state == Certificate.State.SUPERSEDED ? "证书已被新版本取代。" : null;
            return new Verification(true, c.number, c.state, reason);
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of a certificate by its number, or null. */
    @WithSession
    public Uni<Long> certificateId(String number) {
        return number == null ? Uni.createFrom().nullItem()
                : Certificate.<Certificate>find("number", number).firstResult().map(c -> c == null ? null : c.id);
    }

    // ---- the unit's seal ------------------------------------------------------------------------

    /** An employer administrator uploads the unit's seal (PNG or JPEG, judged from the bytes), once; a new one replaces it. */
    public Uni<Void> uploadSeal(Actor actor, byte[] image) {
        Long unit = actor.scope().employerId();
        if (!actor.is(Role.EMPLOYER_ADMIN) || unit == null) {
            throw ProblemException.forbidden("no-employer", "只有单位管理员可以上传本单位印章。");
        }
        String type = image == null || image.length == 0 ? null : cn.gd.xueshi.media.Documents.type(image);
        if (type == null || "application/pdf".equals(type)) {
            throw ProblemException.unprocessable("not-an-image", "印章须为 PNG 或 JPEG 图片（按文件内容判断）。");
        }
        if (image.length > 1024 * 1024) {
            throw ProblemException.unprocessable("too-large", "印章图片不超过 1 MB。");
        }
        String key = "seals/" + unit + "/" + java.util.UUID.randomUUID() + ("image/png".equals(type) ? ".png" : ".jpg");
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            store.put(key, image, type);
            return key;
        })).flatMap(k -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into employer_seal (employer_id, object_key, uploaded_by, uploaded_at) values (:unit, :key, :by, :at)
                        on conflict (employer_id) do update set object_key = excluded.object_key, uploaded_by = excluded.uploaded_by,
                               uploaded_at = excluded.uploaded_at""").setParameter("unit", unit).setParameter("key", k)
                        .setParameter("by", actor.name()).setParameter("at", clock.instant()).executeUpdate()))).replaceWithVoid();
    }

    /** A certificate a unit's administrator may seal (its year was confirmed for that unit): its id and the seal's object key. */
    @WithSession
    public Uni<Object[]> sealable(Actor actor, String number) {
        Long unit = actor.scope().employerId();
        if (unit == null || !CertificateNumber.isValid(number)) {
            return Uni.createFrom().failure(ProblemException.notFound("证书不存在。"));
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                select c.id, c.state, (select object_key from employer_seal where employer_id = :unit)
                  from certificate c join year_completion y on y.id = c.completion_id
                 where c.number = :number and y.employer_id = :unit""", Object[].class).setParameter("unit", unit)
                .setParameter("number", number).getResultList()).map(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.notFound("证书不存在。");
                    }
                    Object[] row = rows.get(0);
                    if (!Certificate.State.VALID.name().equals(row[1])) {
                        throw ProblemException.conflict("not-valid", "证书已撤销或已被取代，不能加盖印章。");
                    }
                    if (row[2] == null) {
                        throw ProblemException.conflict("no-seal", "请先上传本单位印章图片。");
                    }
                    return row;
                });
    }

    /** Applies the unit's seal to a certificate of its staff: a sealed copy, marked as such and signed again; a short-lived address of it. */
    public Uni<String> seal(Actor actor, String number) {
        return sealable(actor, number).flatMap(row -> renderer.renderSealed(((Number) row[0]).longValue(), (String) row[2]))
                .flatMap(key -> vertx.executeBlocking(Uni.createFrom().item(
                        () -> store.presignedDownload(key, "继续教育学时证明-" + number + "-盖章.pdf", "application/pdf"))));
    }

    /** The certificates in force of some people for a year, by person. */
    @WithSession
    public Uni<Map<Long, Certificate>> validOf(List<Long> professionalIds, int year) {
        if (professionalIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Certificate.<Certificate>list("professionalId in ?1 and year = ?2 and state = ?3", professionalIds, year,
                Certificate.State.VALID).map(cs -> {
                    Map<Long, Certificate> out = new java.util.HashMap<>();
                    cs.forEach(c -> out.put(c.professionalId, c));
                    return out;
                });
    }

    // ---- revocation ----------------------------------------------------------------------------

    /** HR revokes a certificate of someone its region covers, with a reason; 404 for anyone else's. */
    @WithTransaction
    public Uni<PublicView> revoke(Actor hr, String number, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw ProblemException.unprocessable("reason-required", "撤销证书必须填写原因（500 字以内）。");
        }
        if (!CertificateNumber.isValid(number)) {
            throw ProblemException.notFound("证书不存在。");
        }
        return Certificate.<Certificate>find("number", number).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(c -> c == null ? Uni.createFrom().failure(ProblemException.notFound("证书不存在。"))
                        : placements.of(c.professionalId).map(place -> {
                            if (place == null || !hr.is(Role.HR_ADMIN) || !hr.scope().regionCovers(place.scope())) {
                                throw ProblemException.notFound("证书不存在。");
                            }
                            if (c.state == Certificate.State.REVOKED) {
                                throw ProblemException.conflict("already-revoked", "该证书已撤销。");
                            }
                            markRevoked(c, hr.name(), reason.strip());
                            return publicView(c);
                        }));
    }

    void markRevoked(Certificate c, String by, String reason) {
        c.state = Certificate.State.REVOKED;
        c.revokedAt = clock.instant();
        c.revokedBy = by;
        c.revokedReason = reason;
    }
}
