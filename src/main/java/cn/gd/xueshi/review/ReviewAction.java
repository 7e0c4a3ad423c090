package cn.gd.xueshi.review;

/** What someone does to an item under review. */
public enum ReviewAction {
    /** The owner hands the item in (again, after a return). */
    SUBMIT,
    /** A reviewer the policy allows approves it. */
    APPROVE,
    /** A reviewer the policy allows sends it back with reasons. */
    RETURN
}
