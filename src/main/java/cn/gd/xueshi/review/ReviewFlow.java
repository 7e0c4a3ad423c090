package cn.gd.xueshi.review;

/**
 * The flow every kind of review shares: which action leads from which state to which, and why
 * not when it does not. A returned item goes back to its owner, who may change it and submit it
 * again; an approved item is final.
 */
public final class ReviewFlow {

    private ReviewFlow() {
    }

    /** The state an action leads to, or why it cannot be taken (in Chinese). */
    public record Step(ReviewState to, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    public static Step next(ReviewState from, ReviewAction action) {
        return switch (action) {
            case SUBMIT -> from == ReviewState.DRAFT || from == ReviewState.RETURNED ? to(ReviewState.SUBMITTED)
                    : refuse(from == ReviewState.SUBMITTED ? "已提交审核，请等待审核结果。" : "已审核通过，不能再次提交；如需修改请创建新版本。");
            case APPROVE, RETURN -> from == ReviewState.SUBMITTED
                    ? to(action == ReviewAction.APPROVE ? ReviewState.APPROVED : ReviewState.RETURNED)
                    : refuse(switch (from) {
                        case DRAFT -> "尚未提交审核，不能审核。";
                        case RETURNED -> "已退回修改，待重新提交后才能审核。";
                        default -> "已审核通过，不能再次审核。";
                    });
        };
    }

    private static Step to(ReviewState state) {
        return new Step(state, null);
    }

    private static Step refuse(String why) {
        return new Step(null, why);
    }
}
