package cn.gd.xueshi.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * What the ledger itself checks before it credits: the year has rules and is still open, the hours
 * are a positive number of tenths, the reference and title are usable. Nothing about where the
 * hours come from: that is the source's business.
 */
public final class LedgerRules {

    static final BigDecimal MAX_HOURS = new BigDecimal("999.9");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private LedgerRules() {
    }

    /** Why the ledger refuses a credit: a problem type and a message in Chinese. */
    public record Refusal(String type, String detail) {
    }

    /** Null when the credit may be recorded on {@code today} under {@code rule} (null: the year has none). */
    public static Refusal refusal(Credit credit, YearRule rule, LocalDate today) {
        if (rule == null) {
            return new Refusal("no-year-rules", credit.year() + " 年度没有学时要求配置，不能登记学时。");
        }
        if (credit.year() > today.getYear()) {
            return new Refusal("future-year", "不能登记未来年度（" + credit.year() + " 年）的学时。");
        }
        if (today.isAfter(rule.confirmUntil())) {
            return new Refusal("year-closed", credit.year() + " 年度的学时已于 " + DAY.format(rule.confirmUntil())
                    + "截止确认，该年度不再登记新的学时。");
        }
        BigDecimal hours = credit.hours();
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.stripTrailingZeros().scale() > 1) {
            return new Refusal("invalid-hours", "学时须为大于 0、不超过 999.9 的数，最多一位小数。");
        }
        if (credit.sourceRef() == null || credit.sourceRef().isBlank() || credit.sourceRef().length() > 100) {
            return new Refusal("invalid-reference", "来源编号须为 1–100 个字符。");
        }
        if (credit.title() == null || credit.title().isBlank() || credit.title().length() > 200) {
            return new Refusal("invalid-title", "学时名称须为 1–200 个字符。");
        }
        return null;
    }
}
