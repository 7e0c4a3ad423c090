package cn.gd.xueshi.staff;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.YearRecord;

/**
 * A member of staff's standing in a year, per category and in total: required, confirmed (from the
 * ledger), pending (declared, awaiting confirmation), missing = max(0, required − confirmed), and
 * whether the requirement is met. Pending hours never count as confirmed. Plain Java.
 */
public final class StaffStanding {

    /** The lines of a standing: the three categories, then the total. */
    public enum Line { PUBLIC, PROFESSIONAL, ELECTIVE, TOTAL }

    public record Hours(BigDecimal required, BigDecimal confirmed, BigDecimal pending, BigDecimal missing, boolean complete) {
    }

    private StaffStanding() {
    }

    public static Map<Line, Hours> of(YearRecord record, Map<Category, BigDecimal> pending) {
        Map<Line, Hours> lines = new EnumMap<>(Line.class);
        YearRecord.Hours required = record.requirement();
        YearRecord.Hours earned = record.earned();
        BigDecimal pub = pending.getOrDefault(Category.PUBLIC, BigDecimal.ZERO);
        BigDecimal pro = pending.getOrDefault(Category.PROFESSIONAL, BigDecimal.ZERO);
        BigDecimal ele = pending.getOrDefault(Category.ELECTIVE, BigDecimal.ZERO);
        lines.put(Line.PUBLIC, hours(required.publicHours(), earned.publicHours(), pub));
        lines.put(Line.PROFESSIONAL, hours(required.professional(), earned.professional(), pro));
        lines.put(Line.ELECTIVE, hours(required.elective(), earned.elective(), ele));
        Hours total = hours(required.total(), earned.total(), pub.add(pro).add(ele));
        // the total is met only when every category is: they do not substitute for one another
        lines.put(Line.TOTAL, new Hours(total.required(), total.confirmed(), total.pending(), total.missing(), record.complete()));
        return lines;
    }

    private static Hours hours(BigDecimal required, BigDecimal confirmed, BigDecimal pending) {
        BigDecimal shortOf = required.subtract(confirmed);
        BigDecimal missing = shortOf.signum() > 0 ? shortOf : BigDecimal.ZERO;
        return new Hours(required, confirmed, pending, missing, confirmed.compareTo(required) >= 0);
    }
}
