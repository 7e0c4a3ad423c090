package cn.gd.xueshi.review;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;

/** Who may take which action on an item of one kind; nobody decides their own item. */
public interface ReviewPolicy {

    /** Null when the actor may take the action; otherwise why not, in Chinese. */
    String refusal(Actor actor, ReviewSubject item, ReviewAction action);

    /** The role in which an allowed actor takes the action, for the record of the transition. */
    Role role(ReviewSubject item, ReviewAction action);

    static ReviewPolicy of(ReviewKind kind) {
        return switch (kind) {
            case COURSE -> new ReviewPolicy() {
                @Override
                public String refusal(Actor actor, ReviewSubject item, ReviewAction action) {
                    return course(actor, item, action);
                }

                @Override
                public Role role(ReviewSubject item, ReviewAction action) {
                    return action == ReviewAction.SUBMIT ? Role.EDITOR
                            : item.scope().sector() == null ? Role.HR_ADMIN : Role.AUTHORITY_REVIEWER;
                }
            };
            case CLASS_PLAN, DECLARATION, YEAR_CONFIRMATION -> throw new IllegalStateException("no review policy for " + kind + " yet");
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
}
