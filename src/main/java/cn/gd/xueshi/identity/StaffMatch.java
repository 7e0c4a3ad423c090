package cn.gd.xueshi.identity;

/**
 * Decides what placing a person in a unit does, from what the register already holds under their ID
 * number. A known ID number under another name is refused rather than moved: a mistyped number that
 * still passes its check digit must not take someone else's record to this unit.
 */
public final class StaffMatch {

    public static final String OTHER_NAME = "该身份证号已登记在另一姓名下，请核对姓名和身份证号。";

    /** What the register holds under an ID number: the person and their current unit (null: none). */
    public record Known(long professionalId, String name, Long employerId) {
    }

    public record Decision(StaffOutcome outcome, String reason) {
    }

    private StaffMatch() {
    }

    /** {@code known} is null when the ID number is not registered. */
    public static Decision decide(long unit, String name, Known known) {
        if (known == null) {
            return new Decision(StaffOutcome.CREATED, null);
        }
        if (!known.name().equals(name)) {
            return new Decision(StaffOutcome.REFUSED, OTHER_NAME);
        }
        if (known.employerId() == null) {
            return new Decision(StaffOutcome.LINKED, null);
        }
        return new Decision(known.employerId() == unit ? StaffOutcome.UNCHANGED : StaffOutcome.MOVED, null);
    }
}
