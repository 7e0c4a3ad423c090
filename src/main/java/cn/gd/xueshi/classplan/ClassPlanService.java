package cn.gd.xueshi.classplan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.Credit;
import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.hours.LedgerRules;
import cn.gd.xueshi.hours.Source;
import cn.gd.xueshi.hours.YearRule;
import cn.gd.xueshi.hours.YearRules;
import cn.gd.xueshi.identity.GuangdongCity;
import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Placements;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewAction;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewService;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.review.ReviewViews;
import cn.gd.xueshi.shared.Clocks;
import cn.gd.xueshi.shared.ProblemException;

/**
 * Class plans and advanced seminars: filed by an organiser in time ({@link FilingRule}), reviewed by
 * the industry authority of the same sector and level through the review mechanism, filed with the
 * HR department of that level on approval ({@link ClassPlanOutcome}); professionals enrol; the
 * organiser records results, and every pass is credited through the ledger's door on the plan's
 * own reference, once.
 */
@ApplicationScoped
public class ClassPlanService {

    static final int MAX_RESULTS = 10_000;
    private static final String NOT_FOUND = "办班计划不存在（编号 %d）。";

    private final ReviewService reviews;
    private final Placements placements;
    private final HourLedger ledger;
    private final YearRules rules;
    private final ClassConfig config;
    private final Clock clock;

    public ClassPlanService(ReviewService reviews, Placements placements, HourLedger ledger, YearRules rules, ClassConfig config,
            Clock clock) {
        this.reviews = reviews;
        this.placements = placements;
        this.ledger = ledger;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    /** Where a plan is in its life: handed in, returned for changes, or approved and filed (备案). */
    public enum PlanState {
        DRAFT, SUBMITTED, RETURNED, FILED;

        static PlanState of(ReviewState s) {
            return switch (s) {
                case DRAFT -> DRAFT;
                case SUBMITTED -> SUBMITTED;
                case RETURNED -> RETURNED;
                case APPROVED -> FILED;
            };
        }
    }

    public record PlanView(long id, ClassKind kind, String kindLabel, String title, Sector sector, String sectorLabel, Level level,
            String cityCode, String region, LocalDate startsOn, LocalDate endsOn, String place, BigDecimal hours, int capacity,
            long enrolled, String organiser, PlanState state, LocalDate filedOn, Instant filedAt, boolean organisedByMe,
            boolean enrolledByMe, ReviewViews.Item review) {
    }

    public record RosterLine(long professionalId, String name, String idNumber, Instant enrolledAt, Boolean attended, Boolean passed) {
    }

    public record Result(Long professionalId, Boolean attended, Boolean passed) {
    }

    public record ResultOutcome(long professionalId, ClassRules.ResultStatus status, String reason) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Clocks.PROVINCE);
    }

    // ---- filing --------------------------------------------------------------------------------

    /** A new plan, handed in for review at once; refused when late, out of the caller's scope or incomplete. */
    public Uni<PlanView> file(Actor actor, ClassRules.PlanForm form) {
        Role role = ClassRules.filerRole(actor.roles(), form.kind());
        return organiserName(actor, role).flatMap(unit -> {
            check(actor, role, unit, form);
            LocalDate today = today();
            return Panache.withTransaction(() -> {
                ClassPlan p = new ClassPlan();
                p.fill(form);
                p.organiser = unit.name();
                p.organiserAccountId = actor.accountId();
                p.organiserRole = role;
                p.organiserEmployerId = role == Role.EMPLOYER_ADMIN ? actor.scope().employerId() : null;
                return persistAndSubmit(p, actor, role, today);
            }).flatMap(id -> view(id, actor, null));
        });
    }

    /** Persists a new plan with its review item and hands it in; the checks are the caller's. */
    Uni<Long> persistAndSubmit(ClassPlan p, Actor actor, Role role, LocalDate filedOn) {
        Instant now = clock.instant();
        p.filedOn = filedOn;
        p.createdAt = now;
        p.updatedAt = now;
        return p.<ClassPlan>persist()
                .call(saved -> reviews.open(ReviewKind.CLASS_PLAN, saved.id, saved.title, actor, role, saved.scope()))
                .call(saved -> reviews.submit(ReviewKind.CLASS_PLAN, saved.id, actor))
                .map(saved -> saved.id);
    }

    /** A returned plan corrected by its organiser and handed in again; the filing rule counts from today. */
    public Uni<PlanView> correct(Actor actor, long id, ClassRules.PlanForm form) {
        return Panache.withTransaction(() -> ClassPlan.<ClassPlan>findById(id).flatMap(p -> {
            if (p == null || p.organiserAccountId != actor.accountId()) {
                throw ProblemException.notFound(NOT_FOUND.formatted(id));
            }
            return organiserName(actor, p.organiserRole).flatMap(unit -> {
                if (form.kind() != p.kind) {
                    throw ProblemException.unprocessable("kind-fixed", "办班计划的类型不能更改；请另行提交新的计划。");
                }
                check(actor, p.organiserRole, unit, form);
                return reviews.requireEditable(ReviewKind.CLASS_PLAN, id).flatMap(x -> {
                    p.fill(form);
                    p.filedOn = today();
                    p.updatedAt = clock.instant();
                    return reviews.describe(ReviewKind.CLASS_PLAN, id, p.title, p.scope())
                            .call(() -> reviews.submit(ReviewKind.CLASS_PLAN, id, actor));
                });
            });
        })).flatMap(x -> view(id, actor, null));
    }

    private Uni<Placements.Unit> organiserName(Actor actor, Role role) {
        if (role == Role.EMPLOYER_ADMIN && actor.scope().employerId() != null) {
            return placements.unit(actor.scope().employerId());
        }
        var s = actor.scope();
        String where = s.level() == Level.CITY ? GuangdongCity.name(s.cityCode()) : "广东省";
        String body = role == Role.HR_ADMIN ? "人力资源社会保障部门" : s.sector() == null ? "行业主管部门" : s.sector().label + "行业主管部门";
        return Uni.createFrom().item(new Placements.Unit(0, where + body, s.cityCode()));
    }

    private void check(Actor actor, Role role, Placements.Unit unit, ClassRules.PlanForm form) {
        String refusal = ClassRules.filerRefusal(role, actor.scope(), unit == null ? null : unit.cityCode(), form);
        if (refusal != null) {
            throw ProblemException.forbidden("not-an-organiser", refusal);
        }
        YearRule rule = form.startsOn() == null ? null : rules.rule(form.startsOn().getYear());
        List<String> refusals = ClassRules.formRefusals(form, rule == null ? BigDecimal.valueOf(8) : rule.dailyCapHours());
        if (!refusals.isEmpty()) {
            throw ProblemException.unprocessable("invalid-plan", String.join(" ", refusals)).withRefusals(refusals);
        }
        FilingRule.Verdict verdict = FilingRule.judge(config.filingReading(), config.filingDays(), form.startsOn(), today());
        if (!verdict.inTime()) {
            throw ProblemException.unprocessable("filed-too-late", verdict.refusal()).withNeededDate(verdict.neededDate());
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** One plan, for whoever may see it (its organiser, its reviewers, its HR department, professionals once filed); 404 else. */
    @WithSession
    public Uni<PlanView> view(long id, Actor actor, Long learner) {
        return ClassPlan.<ClassPlan>findById(id).flatMap(p -> {
            if (p == null) {
                throw ProblemException.notFound(NOT_FOUND.formatted(id));
            }
            return mayView(actor, learner, p).flatMap(may -> {
                if (!may) {
                    throw ProblemException.notFound(NOT_FOUND.formatted(id));
                }
                return views(List.of(p), actor, learner).map(v -> v.get(0));
            });
        });
    }

    private Uni<Boolean> mayView(Actor actor, Long learner, ClassPlan p) {
        if (ClassScope.organises(actor, p.organiserAccountId, p.organiserEmployerId)
                || p.filedAt != null && ClassScope.filedWith(actor, p.level, p.cityCode)) {
            return Uni.createFrom().item(true);
        }
        if (actor.is(Role.AUTHORITY_REVIEWER)) {
            return reviews.itemOf(ReviewKind.CLASS_PLAN, p.id, actor).map(i -> true)
                    .onFailure(ProblemException.class).recoverWithItem(false);
        }
        if (learner != null && p.filedAt != null) {
            return Enrolment.count("planId = ?1 and professionalId = ?2", p.id, learner).flatMap(n -> n > 0
                    ? Uni.createFrom().item(true)
                    : placements.of(learner).map(place -> place != null && place.sector() == p.sector));
        }
        return Uni.createFrom().item(false);
    }

    /** The plans the caller organises (filed by them, or by their unit), newest first. */
    @WithSession
    public Uni<List<PlanView>> mine(Actor actor) {
        Long unit = actor.is(Role.EMPLOYER_ADMIN) ? actor.scope().employerId() : null;
        return ClassPlan.<ClassPlan>list("organiserAccountId = ?1 or (organiserEmployerId is not null and organiserEmployerId = ?2) "
                + "order by id desc", actor.accountId(), unit == null ? -1L : unit).flatMap(ps -> views(ps, actor, null));
    }

    /** A reviewer's queue of plans in a state, limited to their sector, level and city. */
    @WithSession
    public Uni<List<PlanView>> queue(Actor actor, ReviewState state) {
        return reviews.queue(actor, ReviewKind.CLASS_PLAN, state, 0, 500).flatMap(items -> {
            List<Long> ids = items.stream().map(ReviewViews.Item::subjectId).toList();
            return ids.isEmpty() ? Uni.createFrom().item(List.<PlanView>of())
                    : ClassPlan.<ClassPlan>list("id in ?1", ids).flatMap(ps -> views(ordered(ps, ids), actor, null));
        });
    }

    /** The plans filed with the caller's HR department: its own level and city, by start date. */
    @WithSession
    public Uni<List<PlanView>> filed(Actor actor) {
        if (!actor.is(Role.HR_ADMIN) || actor.scope().level() == null) {
            throw ProblemException.forbidden("not-hr", "只有人力资源社会保障部门可以查看备案的办班计划。");
        }
        return ClassPlan.<ClassPlan>list("filedAt is not null and level = ?1 and coalesce(cityCode, '') = ?2 order by startsOn, id",
                actor.scope().level(), actor.scope().cityCode() == null ? "" : actor.scope().cityCode()).flatMap(ps -> views(ps, actor, null));
    }

    /** Filed plans a professional may enrol in now: their sector, the province's or their city's, not yet started. */
    @WithSession
    public Uni<List<PlanView>> open(Actor actor, Long learner) {
        long pid = professional(learner);
        return placements.of(pid).flatMap(place -> ClassPlan.<ClassPlan>list("""
                filedAt is not null and sector = ?1 and startsOn > ?2 and (level = ?3 or cityCode = ?4)
                order by startsOn, id""", place.sector(), today(), Level.PROVINCE, place.cityCode()).flatMap(ps -> views(ps, actor, pid)));
    }

    /** The plans a professional enrolled in, newest class first. */
    @WithSession
    public Uni<List<PlanView>> enrolled(Actor actor, Long learner) {
        long pid = professional(learner);
        return Enrolment.<Enrolment>list("professionalId", pid).flatMap(es -> es.isEmpty()
                ? Uni.createFrom().item(List.<PlanView>of())
                : ClassPlan.<ClassPlan>list("id in ?1 order by startsOn desc, id desc", es.stream().map(e -> e.planId).toList())
                        .flatMap(ps -> views(ps, actor, pid)));
    }

    private static List<ClassPlan> ordered(List<ClassPlan> ps, List<Long> ids) {
        Map<Long, ClassPlan> byId = new HashMap<>();
        ps.forEach(p -> byId.put(p.id, p));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private Uni<List<PlanView>> views(List<ClassPlan> ps, Actor actor, Long me) {
        if (ps.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = ps.stream().map(p -> p.id).toList();
        return reviews.items(ReviewKind.CLASS_PLAN, ids).flatMap(items -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                select plan_id, count(*), sum(case when professional_id = :me then 1 else 0 end)
                  from class_enrolment where plan_id in (:ids) group by plan_id""", Object[].class)
                .setParameter("ids", ids).setParameter("me", me == null ? -1L : me).getResultList()).map(rows -> {
                    Map<Long, long[]> counts = new HashMap<>();
                    rows.forEach(r -> counts.put(((Number) r[0]).longValue(), new long[] {((Number) r[1]).longValue(),
                            ((Number) r[2]).longValue()}));
                    List<PlanView> out = new ArrayList<>();
                    for (ClassPlan p : ps) {
                        ReviewViews.Item item = items.get(p.id);
                        long[] c = counts.getOrDefault(p.id, new long[2]);
                        out.add(new PlanView(p.id, p.kind, p.kind.label, p.title, p.sector, p.sector.label, p.level, p.cityCode,
                                p.level == Level.CITY ? GuangdongCity.name(p.cityCode) : "省级", p.startsOn, p.endsOn, p.place, p.hours,
                                p.capacity, c[0], p.organiser, PlanState.of(item.state()), p.filedOn, p.filedAt,
                                ClassScope.organises(actor, p.organiserAccountId, p.organiserEmployerId), c[1] > 0, item));
                    }
                    return out;
                }));
    }

    // ---- review --------------------------------------------------------------------------------

    /** The authority's decision on a plan: approval files it with the HR department of its level. */
    public Uni<PlanView> decide(Actor actor, long id, ReviewAction decision, String reason) {
        return reviews.decideSubject(ReviewKind.CLASS_PLAN, id, actor, decision, reason)
                .onFailure(e -> e instanceof ProblemException p && p.status() == 404)
                .transform(e -> ProblemException.notFound(NOT_FOUND.formatted(id)))
                .flatMap(item -> view(id, actor, null));
    }

    // ---- enrolment -----------------------------------------------------------------------------

    /** A professional takes a seat: 409 when full, closed or already enrolled; 422 when not eligible. */
    @WithTransaction
    public Uni<PlanView> enrol(Actor actor, Long learner, long planId) {
        long pid = professional(learner);
        return ClassPlan.<ClassPlan>findById(planId, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> {
            if (p == null || p.filedAt == null) {
                throw ProblemException.notFound(NOT_FOUND.formatted(planId));
            }
            return placements.of(pid).flatMap(place -> Enrolment.count("planId", planId).flatMap(seats -> Enrolment
                    .count("planId = ?1 and professionalId = ?2", planId, pid).flatMap(mine -> {
                        ClassRules.Refusal refusal = ClassRules.enrolmentRefusal(p.offer(),
                                new ClassRules.Person(place.sector(), place.cityCode(), place.titleLevel()), config.seminarTitleLevels(),
                                mine > 0, seats.intValue(), today());
                        if (refusal != null) {
                            throw new ProblemException(refusal.status(), refusal.type(), refusal.status() == 409 ? "Conflict"
                                    : "Unprocessable Content", refusal.detail());
                        }
                        Enrolment e = new Enrolment();
                        e.planId = planId;
                        e.professionalId = pid;
                        e.enrolledAt = clock.instant();
                        return e.persist();
                    })));
        }).flatMap(x -> view(planId, actor, pid));
    }

    // ---- results -------------------------------------------------------------------------------

    /** The people enrolled and what was recorded for them, for the plan's organiser. */
    @WithSession
    public Uni<List<RosterLine>> roster(Actor actor, long planId) {
        return organised(actor, planId, false).flatMap(p -> Enrolment.<Enrolment>list("planId = ?1 order by enrolledAt, id", planId))
                .flatMap(es -> placements.of(es.stream().map(e -> e.professionalId).toList()).map(places -> es.stream()
                        .map(e -> {
                            Placements.Placement place = places.get(e.professionalId);
                            return new RosterLine(e.professionalId, place == null ? "" : place.name(),
                                    place == null ? "" : IdNumber.mask(place.idNumber()), e.enrolledAt, e.attended, e.passed);
                        }).toList()));
    }

    /** The enrolled people's full ID numbers, for matching a roster file; organiser only. */
    @WithSession
    public Uni<Map<String, Long>> enrolledByIdNumber(Actor actor, long planId) {
        return organised(actor, planId, false).flatMap(p -> Enrolment.<Enrolment>list("planId", planId))
                .flatMap(es -> placements.of(es.stream().map(e -> e.professionalId).toList())).map(places -> {
                    Map<String, Long> out = new HashMap<>();
                    places.values().forEach(pl -> out.put(pl.idNumber(), pl.professionalId()));
                    return out;
                });
    }

    /**
     * The organiser records attendance and assessment, from the class's first day; each pass is
     * credited through the ledger on {@code class-plan:<id>}, so posting the same results again
     * credits nothing new. Each person gets an outcome; one refusal leaves the others recorded.
     */
    @WithTransaction
    public Uni<List<ResultOutcome>> record(Actor actor, long planId, List<Result> results) {
        if (results == null || results.isEmpty() || results.size() > MAX_RESULTS) {
            throw ProblemException.unprocessable("invalid-results", "请提交 1–" + MAX_RESULTS + " 人的结果。");
        }
        for (Result r : results) {
            if (r == null || r.professionalId() == null || r.attended() == null || r.passed() == null) {
                throw ProblemException.unprocessable("invalid-results", "每条结果须有 professionalId、attended 和 passed。");
            }
        }
        return organised(actor, planId, true).flatMap(p -> {
            if (p.filedAt == null) {
                throw ProblemException.conflict("not-filed", "办班计划尚未审核备案，不能登记结果。");
            }
            if (today().isBefore(p.startsOn)) {
                throw ProblemException.conflict("not-started", "本班 " + p.startsOn + " 开班，开班后才能登记出勤和考核结果。");
            }
            return Enrolment.<Enrolment>list("planId", planId).flatMap(es -> {
                Map<Long, Enrolment> byPerson = new HashMap<>();
                es.forEach(e -> byPerson.put(e.professionalId, e));
                Map<Long, Result> last = new LinkedHashMap<>();
                results.forEach(r -> last.put(r.professionalId(), r));
                List<ResultOutcome> outcomes = new ArrayList<>();
                Uni<Void> chain = Uni.createFrom().voidItem();
                Instant now = clock.instant();
                YearRule rule = rules.rule(p.endsOn.getYear());
                for (Result r : last.values()) {
                    Enrolment e = byPerson.get(r.professionalId());
                    ClassRules.Judged judged = ClassRules.judgeResult(e != null, e == null ? null : e.attended, e == null ? null : e.passed,
                            r.attended(), r.passed());
                    if (judged.status() == ClassRules.ResultStatus.CREDITED) {
                        Credit credit = credit(p, r.professionalId(), actor, now);
                        LedgerRules.Refusal closed = LedgerRules.refusal(credit, rule, today());
                        if (closed != null) {
                            outcomes.add(new ResultOutcome(r.professionalId(), ClassRules.ResultStatus.REFUSED, closed.detail()));
                            continue;
                        }
                        chain = chain.chain(() -> ledger.credit(credit)).replaceWithVoid();
                    }
                    if (judged.status() == ClassRules.ResultStatus.CREDITED || judged.status() == ClassRules.ResultStatus.RECORDED) {
                        e.attended = r.attended();
                        e.passed = r.passed();
                        e.assessedAt = now;
                        e.assessedBy = actor.name();
                    }
                    outcomes.add(new ResultOutcome(r.professionalId(), judged.status(), judged.reason()));
                }
                return chain.replaceWith(outcomes);
            });
        });
    }

    /** One row of a roster file and what it did. */
    public record RosterRow(int row, String idNumber, ClassRules.ResultStatus status, String reason) {
    }

    public record RosterReport(int credited, int recorded, int unchanged, int refused, List<RosterRow> rows) {

        static RosterReport of(List<RosterRow> rows) {
            int[] n = new int[ClassRules.ResultStatus.values().length];
            rows.forEach(r -> n[r.status().ordinal()]++);
            return new RosterReport(n[0], n[1], n[2], n[3], rows);
        }
    }

    /**
     * A roster file ({@link RosterSheet}): each readable row of an enrolled person is recorded as
     * {@link #record} does; every other row is refused with its reason.
     */
    public Uni<RosterReport> recordRoster(Actor actor, long planId, byte[] body) {
        RosterSheet.Read read;
        try {
            read = RosterSheet.read(body);
        } catch (cn.gd.xueshi.shared.sheet.SheetException e) {
            throw ProblemException.unprocessable("invalid-file", e.getMessage());
        }
        return enrolledByIdNumber(actor, planId).flatMap(byId -> {
            List<RosterRow> rows = new ArrayList<>();
            read.refused().forEach(r -> rows.add(new RosterRow(r.rowNumber(), r.idNumber(), ClassRules.ResultStatus.REFUSED, r.reason())));
            List<Result> results = new ArrayList<>();
            Map<Long, RosterSheet.Line> lineOf = new HashMap<>();
            for (RosterSheet.Line line : read.lines()) {
                Long pid = byId.get(line.idNumber());
                if (pid == null) {
                    rows.add(new RosterRow(line.rowNumber(), IdNumber.mask(line.idNumber()), ClassRules.ResultStatus.REFUSED, "未报名本班。"));
                } else {
                    results.add(new Result(pid, line.attended(), line.passed()));
                    lineOf.put(pid, line);
                }
            }
            Uni<List<ResultOutcome>> recorded = results.isEmpty() ? Uni.createFrom().item(List.of()) : record(actor, planId, results);
            return recorded.map(outcomes -> {
                outcomes.forEach(o -> {
                    RosterSheet.Line line = lineOf.get(o.professionalId());
                    rows.add(new RosterRow(line.rowNumber(), IdNumber.mask(line.idNumber()), o.status(), o.reason()));
                });
                rows.sort(java.util.Comparator.comparingInt(RosterRow::row));
                return RosterReport.of(rows);
            });
        });
    }

    static String reference(long planId) {
        return "class-plan:" + planId;
    }

    private Credit credit(ClassPlan p, long professionalId, Actor actor, Instant now) {
        return new Credit(professionalId, p.endsOn.getYear(), Category.PROFESSIONAL, p.hours,
                p.kind == ClassKind.SEMINAR ? Source.SEMINAR : Source.CLASS, reference(p.id), p.kind.label + "：" + p.title, actor.name(),
                now);
    }

    /** The plan, when the caller organises it; 404 otherwise (ids cannot be probed). */
    private Uni<ClassPlan> organised(Actor actor, long planId, boolean lock) {
        Uni<ClassPlan> found = lock ? ClassPlan.findById(planId, LockModeType.PESSIMISTIC_WRITE) : ClassPlan.findById(planId);
        return found.map(p -> {
            if (p == null || !ClassScope.organises(actor, p.organiserAccountId, p.organiserEmployerId)) {
                throw ProblemException.notFound(NOT_FOUND.formatted(planId));
            }
            return p;
        });
    }

    private static long professional(Long professionalId) {
        if (professionalId == null) {
            throw ProblemException.forbidden("not-a-learner", "只有专业技术人员可以报名。");
        }
        return professionalId;
    }
}
