package cn.gd.xueshi.review;

/** What is under review: every approval this platform has goes through the same mechanism. */
public enum ReviewKind {
    /** Courseware, public or remote professional, before it goes online. */
    COURSE,
    /** A face-to-face class plan, before the class. */
    CLASS_PLAN,
    /** Professional or elective hours a professional declares, confirmed by the employer. */
    DECLARATION,
    /** A professional's completed year, confirmed before the certificate is issued. */
    YEAR_CONFIRMATION
}
