package cn.gd.xueshi.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.catalog.CatalogViews.KeyedOption;
import cn.gd.xueshi.catalog.CatalogViews.KeyedQuestion;

class GradingRulesTest {

    private static final List<KeyedQuestion> PAPER = List.of(
            new KeyedQuestion(1, "SINGLE", "q1", List.of(new KeyedOption(11, "a", true), new KeyedOption(12, "b", false))),
            new KeyedQuestion(2, "MULTIPLE", "q2", List.of(new KeyedOption(21, "a", true), new KeyedOption(22, "b", true),
                    new KeyedOption(23, "c", false))),
            new KeyedQuestion(3, "TRUE_FALSE", "q3", List.of(new KeyedOption(31, "对", false), new KeyedOption(32, "错", true))));

    @Test
    void allRightScoresOneHundred() {
        Grader.Graded g = Grader.grade(PAPER, Map.of(1L, List.of(11L), 2L, List.of(22L, 21L), 3L, List.of(32L)), 60);
        assertEquals(100, g.score());
        assertTrue(g.passed());
    }

    @Test
    void multipleChoiceNeedsExactlyTheCorrectSet() {
        Grader.Graded g = Grader.grade(PAPER, Map.of(1L, List.of(11L), 2L, List.of(21L), 3L, List.of(32L)), 60);
        assertEquals(2, g.correct());
        assertEquals(67, g.score());
        assertTrue(g.passed());
    }

    @Test
    void unansweredQuestionsScoreNothingAndBelowThePassMarkFails() {
        Grader.Graded g = Grader.grade(PAPER, Map.of(1L, List.of(11L)), 60);
        assertEquals(33, g.score());
        assertFalse(g.passed());
    }

    @Test
    void answersOutsideThePaperAreRefused() {
        assertEquals("题目 9 不在本次试卷中，请刷新测验页面。", Grader.refusal(PAPER, Map.of(9L, List.of(11L))));
        assertEquals("题目 1 的选项不存在。", Grader.refusal(PAPER, Map.of(1L, List.of(21L))));
        assertEquals("题目 1 只能选择一个选项。", Grader.refusal(PAPER, Map.of(1L, List.of(11L, 12L))));
        assertNull(Grader.refusal(PAPER, Map.of(2L, List.of(21L, 22L))));
    }

    @Test
    void theSameAttemptAlwaysDrawsTheSamePaperAndTheNextAnother() {
        List<KeyedQuestion> bank = new java.util.ArrayList<>();
        for (long i = 1; i <= 20; i++) {
            bank.add(new KeyedQuestion(i, "SINGLE", "q" + i, List.of()));
        }
        List<KeyedQuestion> first = QuizDraw.draw(bank, 5, 7, 3, 1, 1);
        assertEquals(5, first.size());
        assertEquals(first, QuizDraw.draw(bank, 5, 7, 3, 1, 1));
        assertNotEquals(first, QuizDraw.draw(bank, 5, 7, 3, 1, 2));
        assertEquals(3, QuizDraw.draw(bank.subList(0, 3), 5, 7, 3, 1, 1).size());
    }

    @Test
    void aScoreExactlyAtThePassMarkPasses() {
        Grader.Graded g = Grader.grade(PAPER, Map.of(1L, List.of(11L), 2L, List.of(21L, 22L)), 67);
        assertEquals(67, g.score());
        assertTrue(g.passed());
        assertFalse(Grader.grade(PAPER, Map.of(1L, List.of(11L), 2L, List.of(21L, 22L)), 68).passed());
    }

    @Test
    void oneOptionForASingleChoiceQuestionIsAccepted() {
        assertNull(Grader.refusal(PAPER, Map.of(1L, List.of(11L), 3L, List.of(31L))));
        assertNull(Grader.refusal(PAPER, Map.of(1L, List.of())));
    }

    @Test
    void everyPartOfTheSeedChangesThePaperWhichIsAlwaysInBankOrder() {
        List<KeyedQuestion> bank = new java.util.ArrayList<>();
        for (long i = 1; i <= 30; i++) {
            bank.add(new KeyedQuestion(i, "SINGLE", "q" + i, List.of()));
        }
        List<KeyedQuestion> paper = QuizDraw.draw(bank, 5, 7, 3, 1, 1);
        assertNotEquals(paper, QuizDraw.draw(bank, 5, 8, 3, 1, 1), "another learner");
        assertNotEquals(paper, QuizDraw.draw(bank, 5, 7, 4, 1, 1), "another course");
        assertNotEquals(paper, QuizDraw.draw(bank, 5, 7, 3, 2, 1), "another round");
        assertNotEquals(paper, QuizDraw.draw(bank, 5, 7, 3, 1, 2), "another attempt");
        java.util.Set<List<KeyedQuestion>> byLearner = new java.util.HashSet<>();
        java.util.Set<List<KeyedQuestion>> byLearnerInCourseZero = new java.util.HashSet<>();
        java.util.Set<List<KeyedQuestion>> byCourse = new java.util.HashSet<>();
        java.util.Set<List<KeyedQuestion>> byRound = new java.util.HashSet<>();
        java.util.Set<List<KeyedQuestion>> byAttempt = new java.util.HashSet<>();
        for (int n = 1; n <= 12; n++) {
            byLearner.add(QuizDraw.draw(bank, 5, n, 3, 1, 1));
            byLearnerInCourseZero.add(QuizDraw.draw(bank, 5, n, 0, 1, 1));
            byCourse.add(QuizDraw.draw(bank, 5, 7, n, 1, 1));
            byRound.add(QuizDraw.draw(bank, 5, 7, 3, n, 1));
            byAttempt.add(QuizDraw.draw(bank, 5, 7, 3, 1, n));
        }
        assertEquals(List.of(12, 12, 12, 12, 12), List.of(byLearner.size(), byLearnerInCourseZero.size(), byCourse.size(),
                byRound.size(), byAttempt.size()),
                "twelve learners, courses, rounds or attempts draw twelve different papers");
        for (long pid = 1; pid <= 20; pid++) {
            List<KeyedQuestion> drawn = QuizDraw.draw(bank, 5, pid, 3, 1, 1);
            for (int i = 1; i < drawn.size(); i++) {
                assertTrue(drawn.get(i - 1).id() < drawn.get(i).id(), "questions in bank order");
            }
        }
    }
}
