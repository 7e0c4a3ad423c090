package cn.gd.xueshi.classplan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.DemoAccounts;
import cn.gd.xueshi.identity.IdentityConfig;
import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewAction;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewService;
import cn.gd.xueshi.shared.Clocks;

/**
 * Where the demo accounts are seeded, employer1's unit has filed a class plan in each state: one
 * waiting in authority1's queue, one returned with a reason, one filed and open for enrolment,
 * and one filed long enough ago that it runs today with learner1 enrolled, so employer1 can record
 * results at once; hradmin1 runs a filed seminar for senior titles.
 */
@ApplicationScoped
public class DemoClassPlans {

    private static final long LOCK_KEY = 0x7875657368690004L;

    private final IdentityConfig identity;
    private final ClassPlanService plans;
    private final ReviewService reviews;
    private final Clock clock;

    public DemoClassPlans(IdentityConfig identity, ClassPlanService plans, ReviewService reviews, Clock clock) {
        this.identity = identity;
        this.plans = plans;
        this.reviews = reviews;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(5200) StartupEvent event) throws Throwable {
        if (identity.seedDemo()) {
            VertxContextSupport.subscribeAndAwait(this::seed);
        }
    }

    private record Demo(long employerAccount, long employerId, long authorityAccount, long hrAccount, long learner) {
    }

    public Uni<Void> seed() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "select cast(pg_advisory_xact_lock(" + LOCK_KEY + ") as text)").getSingleResult())
                .chain(() -> DemoAccounts.accountId("employer1")).flatMap(employer -> employer == null ? Uni.createFrom().voidItem()
                        : ClassPlan.count("organiserAccountId", employer).flatMap(n -> n > 0 ? Uni.createFrom().voidItem()
                                : DemoAccounts.employerId("employer1").flatMap(unit -> DemoAccounts.accountId("authority1")
                                        .flatMap(authority -> DemoAccounts.accountId("hradmin1")
                                                .flatMap(hr -> DemoAccounts.professionalId("learner1")
                                                        .flatMap(learner -> all(new Demo(employer, unit, authority, hr, learner)))))))));
    }

    private Uni<Void> all(Demo d) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Clocks.PROVINCE);
        Actor employer = new Actor(d.employerAccount(), Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, d.employerId()), "黄单位管理员");
        Actor authority = new Actor(d.authorityAccount(), Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.ENGINEERING), "周行业审核员");
        Actor hr = new Actor(d.hrAccount(), Set.of(Role.HR_ADMIN), Scope.PROVINCE, "吴人社管理员");
        return plan(employer, Role.EMPLOYER_ADMIN, ClassKind.CLASS, "工程建设新标准解读培训班", today.plusDays(45), 2, "16", 60, today)
                .chain(() -> plan(employer, Role.EMPLOYER_ADMIN, ClassKind.CLASS, "BIM 技术应用实务培训班", today.plusDays(50), 3, "24", 40,
                        today).call(id -> reviews.decideSubject(ReviewKind.CLASS_PLAN, id, authority, ReviewAction.RETURN,
                                "请补充授课教师名单和每天的课程安排。")))
                .chain(() -> plan(employer, Role.EMPLOYER_ADMIN, ClassKind.CLASS, "智能建造技术培训班", today.plusDays(40), 2, "16", 50,
                        today).call(id -> reviews.decideSubject(ReviewKind.CLASS_PLAN, id, authority, ReviewAction.APPROVE, null)))
                .chain(() -> plan(employer, Role.EMPLOYER_ADMIN, ClassKind.CLASS, "工程质量安全管理培训班", today, 1, "8", 30,
                        today.minusDays(35)).call(id -> reviews.decideSubject(ReviewKind.CLASS_PLAN, id, authority, ReviewAction.APPROVE,
                                null)).call(id -> enrol(id, d.learner(), today)))
                .chain(() -> plan(hr, Role.HR_ADMIN, ClassKind.SEMINAR, "新型工业化高级研修班", today.plusDays(60), 5, "40", 30, today)
                        .call(id -> reviews.decideSubject(ReviewKind.CLASS_PLAN, id, authority, ReviewAction.APPROVE, null)))
                .invoke(() -> Log.info("demo class plans: one waits in authority1's queue, one returned, two filed (one runs today with "
                        + "learner1 enrolled: employer1 records results), one seminar filed by hradmin1"))
                .replaceWithVoid();
    }

    /** A plan handed in on {@code filedOn} (the demo's running class was filed before it, as the rule asks). */
    private Uni<Long> plan(Actor by, Role role, ClassKind kind, String title, LocalDate start, int days, String hours, int capacity,
            LocalDate filedOn) {
        ClassPlan p = new ClassPlan();
        p.fill(new ClassRules.PlanForm(kind, title, Sector.ENGINEERING, Level.PROVINCE, null, start, start.plusDays(days - 1),
                "广州市天河区建设科技培训中心", new BigDecimal(hours), capacity));
        p.organiser = role == Role.HR_ADMIN ? "广东省人力资源社会保障部门" : "广州示范科技有限公司";
        p.organiserAccountId = by.accountId();
        p.organiserRole = role;
        p.organiserEmployerId = by.scope().employerId();
        return plans.persistAndSubmit(p, by, role, filedOn);
    }

    private static Uni<Void> enrol(long planId, long professionalId, LocalDate today) {
        Enrolment e = new Enrolment();
        e.planId = planId;
        e.professionalId = professionalId;
        e.enrolledAt = today.minusDays(10).atStartOfDay(Clocks.PROVINCE).toInstant();
        return e.persist().replaceWithVoid();
    }
}
