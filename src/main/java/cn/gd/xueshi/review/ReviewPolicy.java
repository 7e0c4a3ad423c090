package cn.gd.xueshi.review;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;

/** Who may take which action on an item of one kind; nobody decides their own item. */
public interface ReviewPolicy {

    /** Null when the actor may take the action; otherwise why not, in Chinese. */
    String refusal(Actor actor, ReviewSubject item, ReviewAction action);

    /** The role in which an allowed actor takes the action, for the record of the transition. */
    Role role(Actor actor, ReviewSubject item, ReviewAction action);

    /** One rule for each question, as functions of the actor, the item and the action. */
    interface Rule<T> {
        T apply(Actor actor, ReviewSubject item, ReviewAction action);
    }

    /** A policy made of its two rules. */
    record Of(Rule<String> refusals, Rule<Role> roles) implements ReviewPolicy {

        @Override
        public String refusal(Actor actor, ReviewSubject item, ReviewAction action) {
            return refusals.apply(actor, item, action);
        }

        @Override
        public Role role(Actor actor, ReviewSubject item, ReviewAction action) {
            return roles.apply(actor, item, action);
        }
    }

    static ReviewPolicy of(ReviewKind kind) {
        return switch (kind) {
            case COURSE -> new Of(ReviewPolicy::course, (actor, item, action) -> action == ReviewAction.SUBMIT ? Role.EDITOR
                    : item.scope().sector() == null ? Role.HR_ADMIN : Role.AUTHORITY_REVIEWER);
            case DECLARATION -> new Of(ReviewPolicy::declaration,
                    (actor, item, action) -> action == ReviewAction.SUBMIT ? Role.PROFESSIONAL : Role.EMPLOYER_ADMIN);
            case CLASS_PLAN -> new Of(ReviewPolicy::classPlan, (actor, item, action) ->
                    action != ReviewAction.SUBMIT || actor.is(Role.AUTHORITY_REVIEWER) ? Role.AUTHORITY_REVIEWER
                            : item.scope().employerId() != null ? Role.EMPLOYER_ADMIN : Role.HR_ADMIN);
            case YEAR_CONFIRMATION -> new Of(ReviewPolicy::year, (actor, item, action) -> action == ReviewAction.SUBMIT ? Role.PROFESSIONAL
                    : !bySector(item) ? Role.EMPLOYER_ADMIN : actor.is(Role.SYSTEM) ? Role.SYSTEM : Role.AUTHORITY_REVIEWER);
        };
    }

    /**
     * Courseware: its editor submits; public courses are approved by the provincial HR department,
     * remote professional courseware by an industry-authority reviewer of its sector whose region
     * covers it.
     */
    private static String course(Actor actor, ReviewSubject item, ReviewAction action) {
        boolean owner = actor.accountId() == item.ownerAccountId();
        if (action == ReviewAction.SUBMIT) {
            return owner && actor.is(Role.EDITOR) ? null : "只有课程的编辑可以提交审核。";
        }
        if (owner) {
            return "不能审核自己提交的内容。";
        }
        if (item.scope().sector() == null) {
            return actor.is(Role.HR_ADMIN) && actor.scope().level() == Level.PROVINCE ? null : "公需课程由省人力资源社会保障部门审核。";
        }
        boolean reviewer = actor.is(Role.AUTHORITY_REVIEWER) && item.scope().sector() == actor.scope().sector()
                && actor.scope().regionCovers(item.scope());
        return reviewer ? null : "该课程由" + item.scope().sector().label + "行业主管部门审核。";
    }

    /**
     * Declared hours: the declarant submits; an administrator of the unit the declaration was made
     * to confirms or returns it. An administrator who declares hours of their own is a declarant
     * like any other: another administrator of the unit decides, never they themselves.
     */
    private static String declaration(Actor actor, ReviewSubject item, ReviewAction action) {
        boolean owner = actor.accountId() == item.ownerAccountId();
        if (action == ReviewAction.SUBMIT) {
            return owner && actor.is(Role.PROFESSIONAL) ? null : "只有申报人本人可以提交学时申报。";
        }
        if (owner) {
            return "不能确认自己申报的学时，请由本单位其他管理员确认。";
        }
        Long unit = actor.scope().employerId();
        boolean admin = actor.is(Role.EMPLOYER_ADMIN) && unit != null && unit.equals(item.scope().employerId());
        return admin ? null : "学时申报由申报人所在单位的管理员确认。";
    }

    /**
     * Class plans and seminars: the organiser that filed the plan submits it; the industry authority
     * of the plan's sector at the plan's own level (and city) approves or returns it; nobody reviews
     * a plan they filed themselves.
     */
    private static String classPlan(Actor actor, ReviewSubject item, ReviewAction action) {
        boolean owner = actor.accountId() == item.ownerAccountId();
        if (action == ReviewAction.SUBMIT) {
            return owner ? null : "只有办班单位可以提交办班计划。";
        }
        if (owner) {
            return "不能审核自己提交的办班计划。";
        }
        Scope plan = item.scope();
        boolean reviewer = actor.is(Role.AUTHORITY_REVIEWER) && actor.scope().sector() == plan.sector()
                && actor.scope().level() == plan.level() && java.util.Objects.equals(actor.scope().cityCode(), plan.cityCode());
        return reviewer ? null : "办班计划由同级" + plan.sector().label + "行业主管部门审核。";
    }

    private static boolean bySector(ReviewSubject item) {
        return item.scope().sector() == Sector.EDUCATION || item.scope().sector() == Sector.HEALTH;
    }

    /**
     * A professional's completed year: handed in for them (as its owner) when the requirement is
     * met; confirmed by an administrator of their unit, or, for the education and health sectors,
     * by the sector's authority whose region covers them or the sector's own system; never by the
     * professional themselves.
     */
    private static String year(Actor actor, ReviewSubject item, ReviewAction action) {
        boolean owner = actor.accountId() == item.ownerAccountId();
        if (action == ReviewAction.SUBMIT) {
            return owner ? null : "年度学时由平台在达到要求时代本人提交确认。";
        }
        if (owner) {
            return "不能确认自己的年度学时。";
        }
        Scope where = item.scope();
        if (bySector(item)) {
            boolean authority = actor.is(Role.AUTHORITY_REVIEWER) && actor.scope().sector() == where.sector()
                    && actor.scope().regionCovers(where);
            boolean system = actor.is(Role.SYSTEM) && actor.scope().sector() == where.sector();
            return authority || system ? null : where.sector().label + "行业的年度学时由行业主管部门确认。";
        }
        Long unit = actor.scope().employerId();
        return actor.is(Role.EMPLOYER_ADMIN) && unit != null && unit.equals(where.employerId()) ? null
                : "年度学时由本人所在单位的管理员确认。";
    }
}
