package cn.gd.xueshi.classplan;

import java.time.LocalDate;

/**
 * When a class plan may be filed. The regulation says "应于开班前30日内": read by default as "at
 * least 30 calendar days before the class starts"; the other reading, "within the 30 days before
 * it starts", is a configuration switch. Pure: the day of filing and the start decide.
 */
public final class FilingRule {

    private FilingRule() {
    }

    public enum Reading {
        /** Filed no later than {@code days} calendar days before the first day of the class (default). */
        AT_LEAST_BEFORE,
        /** Filed in the {@code days} calendar days before the first day, not earlier, and before it starts. */
        WITHIN_BEFORE
    }

    /** In time, or refused with the date the plan needed and why, in Chinese. */
    public record Verdict(boolean inTime, LocalDate neededDate, String refusal) {

        static final Verdict IN_TIME = new Verdict(true, null, null);
    }

    public static Verdict judge(Reading reading, int days, LocalDate startsOn, LocalDate filedOn) {
        LocalDate edge = startsOn.minusDays(days);
        if (reading == Reading.AT_LEAST_BEFORE) {
            return filedOn.isAfter(edge)
                    ? new Verdict(false, edge, "办班计划须在开班前至少 " + days + " 天提交：开班日期 " + startsOn + "，最迟应于 " + edge
                            + " 提交，今天是 " + filedOn + "。请推迟开班日期后重新提交。")
                    : Verdict.IN_TIME;
        }
        if (filedOn.isBefore(edge)) {
            return new Verdict(false, edge, "按“开班前 " + days + " 日内”提交的规定，开班日期为 " + startsOn + " 的办班计划最早可于 " + edge
                    + " 提交。");
        }
        LocalDate last = startsOn.minusDays(1);
        return filedOn.isAfter(last)
                ? new Verdict(false, last, "办班计划须在开班前提交：开班日期 " + startsOn + "，最迟应于 " + last + " 提交。")
                : Verdict.IN_TIME;
    }
}
