package cn.gd.xueshi.hours;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One year's rules: the requirement by category and in total, the most online study credited
 * in a day, and the last day on which the year's records may still be confirmed.
 */
public record YearRule(int year, BigDecimal publicHours, BigDecimal professionalHours, BigDecimal electiveHours,
        BigDecimal totalHours, BigDecimal dailyCapHours, LocalDate confirmUntil) {

    /** The same rules for a later year: the deadline moves with the year. */
    public YearRule forYear(int later) {
        return new YearRule(later, publicHours, professionalHours, electiveHours, totalHours, dailyCapHours,
                confirmUntil.plusYears(later - year));
    }

    /** Whether credits for this year are still accepted on {@code today}. */
    public boolean openOn(LocalDate today) {
        return today.getYear() >= year && !today.isAfter(confirmUntil);
    }

    public YearRecord.Hours requirement() {
        return new YearRecord.Hours(publicHours, professionalHours, electiveHours, totalHours);
    }

    /** The daily cap in milliseconds of study, at {@code minutesPerHour} minutes a 学时. */
    public int dailyCapMs(int minutesPerHour) {
        return dailyCapHours.multiply(BigDecimal.valueOf(minutesPerHour * 60_000L)).intValue();
    }
}
