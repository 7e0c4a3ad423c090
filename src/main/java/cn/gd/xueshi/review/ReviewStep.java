package cn.gd.xueshi.review;

/** What a recorded transition was: an item's creation, or one of the {@link ReviewAction}s. */
public enum ReviewStep {
    OPEN, SUBMIT, APPROVE, RETURN;

    static ReviewStep of(ReviewAction action) {
        return valueOf(action.name());
    }
}
