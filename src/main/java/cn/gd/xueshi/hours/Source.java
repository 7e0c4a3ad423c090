package cn.gd.xueshi.hours;

/** Where hours come from: each source has its own workflow before it reaches the ledger. */
public enum Source {
    /** A public-subject online course, registered automatically on completion. */
    ONLINE_COURSE,
    /** A face-to-face class plan (办班计划), awarded after attendance and assessment. */
    CLASS,
    /** An advanced seminar (高级研修项目), counted as professional hours. */
    SEMINAR,
    /** Hours declared by the professional and confirmed by the employer. */
    DECLARATION,
    /** Hours pushed by a sector system (education, health). */
    SECTOR_PUSH,
    /** A correction by an HR administrator. */
    ADJUSTMENT
}
