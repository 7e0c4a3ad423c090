package cn.gd.xueshi.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a course must be before learners may study it: hours no more than its video time allows
 * (1 学时 = {@code minutesPerHour} minutes of study), a playable video in every lesson, and a
 * question bank at least as large as one attempt draws. Imports and the editors' submissions
 * both answer to it.
 */
public record CourseIntegrity(int minutesPerHour, int questionsPerAttempt) {

    /** Why the course may not be published, in Chinese; empty when it may. */
    public List<String> refusals(BigDecimal hours, List<Integer> lessonDurationsMs, int questionCount) {
        return refusals(hours, lessonDurationsMs, questionCount, true);
    }

    /**
     * As {@link #refusals(BigDecimal, List, int)}; {@code checkHours} false leaves out the rule of
     * hours against video time, for demo courses where demos are accepted (their videos are short stand-ins).
     */
    public List<String> refusals(BigDecimal hours, List<Integer> lessonDurationsMs, int questionCount, boolean checkHours) {
        List<String> why = new ArrayList<>();
        if (lessonDurationsMs.isEmpty()) {
            why.add("课程至少需要一讲视频。");
        }
        long videoMs = 0;
        for (int i = 0; i < lessonDurationsMs.size(); i++) {
            int ms = lessonDurationsMs.get(i);
            if (ms <= 0) {
                why.add("第 " + (i + 1) + " 讲没有可播放的视频。");
            }
            videoMs += Math.max(0, ms);
        }
        BigDecimal allowed = BigDecimal.valueOf(videoMs).divide(BigDecimal.valueOf(minutesPerHour * 60_000L), 1, RoundingMode.DOWN);
        if (checkHours && hours.compareTo(allowed) > 0) {
            why.add("课程学时 " + hours.stripTrailingZeros().toPlainString() + " 超过视频总时长可支持的 " + allowed.toPlainString()
                    + " 学时（每学时 " + minutesPerHour + " 分钟）。");
        }
        if (questionCount < questionsPerAttempt) {
            why.add("题库只有 " + questionCount + " 题，少于每次测验抽取的 " + questionsPerAttempt + " 题。");
        }
        return why;
    }
}
