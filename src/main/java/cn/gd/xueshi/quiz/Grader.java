package cn.gd.xueshi.quiz;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gd.xueshi.catalog.CatalogViews;

/**
 * Grades a paper on the server. A question scores only when exactly its correct options are
 * chosen; the score is the share of questions right, out of 100, rounded half up.
 */
public final class Grader {

    private Grader() {
    }

    public record Graded(int score, int correct, int total, boolean passed) {
    }

    /** Null when the answers fit the paper; otherwise why not (in Chinese). */
    public static String refusal(List<CatalogViews.KeyedQuestion> paper, Map<Long, List<Long>> answers) {
        Map<Long, CatalogViews.KeyedQuestion> byId = paper.stream()
                .collect(Collectors.toMap(CatalogViews.KeyedQuestion::id, q -> q));
        for (Map.Entry<Long, List<Long>> answer : answers.entrySet()) {
            CatalogViews.KeyedQuestion q = byId.get(answer.getKey());
            if (q == null) {
                return "题目 " + answer.getKey() + " 不在本次试卷中，请刷新测验页面。";
            }
            List<Long> chosen = answer.getValue() == null ? List.of() : answer.getValue();
            Set<Long> optionIds = q.options().stream().map(CatalogViews.KeyedOption::id).collect(Collectors.toSet());
            if (!optionIds.containsAll(chosen)) {
                return "题目 " + q.id() + " 的选项不存在。";
            }
            if (!"MULTIPLE".equals(q.kind()) && chosen.size() > 1) {
                return "题目 " + q.id() + " 只能选择一个选项。";
            }
        }
        return null;
    }

    public static Graded grade(List<CatalogViews.KeyedQuestion> paper, Map<Long, List<Long>> answers, int passMark) {
        int correct = 0;
        for (CatalogViews.KeyedQuestion q : paper) {
            Set<Long> right = q.options().stream().filter(CatalogViews.KeyedOption::correct)
                    .map(CatalogViews.KeyedOption::id).collect(Collectors.toSet());
            List<Long> chosen = answers.getOrDefault(q.id(), List.of());
            if (chosen != null && new HashSet<>(chosen).equals(right)) {
                correct++;
            }
        }
        int total = paper.size();
        int score = total == 0 ? 0 : (int) Math.round(correct * 100.0 / total);
        return new Graded(score, correct, total, score >= passMark);
    }
}
