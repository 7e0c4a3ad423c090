package cn.gd.xueshi.review;

/** Where an item stands: DRAFT → SUBMITTED → APPROVED | RETURNED, and RETURNED → SUBMITTED again. */
public enum ReviewState {
    DRAFT, SUBMITTED, APPROVED, RETURNED
}
