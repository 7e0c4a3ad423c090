package cn.gd.xueshi.hours;

/** Ledger categories; they never substitute for one another. */
public enum Category {
    PUBLIC, PROFESSIONAL, ELECTIVE
}
