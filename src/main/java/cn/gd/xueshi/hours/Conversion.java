package cn.gd.xueshi.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What one unit of an activity is worth in a year (折算学时), and the most one declaration earns. */
public record Conversion(int year, Activity activity, String unitLabel, BigDecimal hoursPerUnit, BigDecimal maxHours) {

    /** The hours {@code quantity} units earn: rate × quantity, down to 0.1, at most the limit. */
    public BigDecimal hoursFor(BigDecimal quantity) {
        BigDecimal hours = quantity.multiply(hoursPerUnit).setScale(1, RoundingMode.DOWN);
        return maxHours != null && hours.compareTo(maxHours) > 0 ? maxHours : hours;
    }
}
