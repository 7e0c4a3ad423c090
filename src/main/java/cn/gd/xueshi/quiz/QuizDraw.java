package cn.gd.xueshi.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.gd.xueshi.catalog.CatalogViews;

/**
 * Which questions an attempt gets: a shuffle seeded by learner, course, round and attempt, so the
 * same attempt always shows the same paper (no state to store) and the next attempt a new one.
 */
public final class QuizDraw {

    private QuizDraw() {
    }

    public static List<CatalogViews.KeyedQuestion> draw(List<CatalogViews.KeyedQuestion> bank, int count,
            long professionalId, long courseId, int round, int attempt) {
        long seed = professionalId * 1_000_003L ^ courseId * 7_919L ^ (long) round << 32 ^ attempt;
        List<CatalogViews.KeyedQuestion> shuffled = new ArrayList<>(bank);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        List<CatalogViews.KeyedQuestion> paper = new ArrayList<>(shuffled.subList(0, Math.min(count, shuffled.size())));
        paper.sort(java.util.Comparator.comparingLong(CatalogViews.KeyedQuestion::id));
        return paper;
    }
}
