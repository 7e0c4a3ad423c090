package cn.gd.xueshi.identity;

/** What placing a person in a unit did. */
public enum StaffOutcome {
    /** Unknown ID number: a professional (without a sign-in account) was created in the unit. */
    CREATED,
    /** Known, in no unit at the time: now in this one. */
    LINKED,
    /** Known, in another unit: moved to this one (the other no longer sees them). */
    MOVED,
    /** Already in this unit: nothing written. */
    UNCHANGED,
    /** Not placed; the reason says why. */
    REFUSED
}
