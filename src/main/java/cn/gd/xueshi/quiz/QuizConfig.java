package cn.gd.xueshi.quiz;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "xueshi.quiz")
public interface QuizConfig {

    /** Lowest score (of 100) that passes. */
    @WithDefault("60")
    int passMark();

    /** Attempts in one round; when they are used up the learner must watch the lessons again. */
    @WithDefault("3")
    int attemptsPerRound();

    /** Questions drawn from the course's bank for each attempt (all of them if the bank is smaller). */
    @WithDefault("5")
    int questionsPerAttempt();

    /** When the quiz opens: after all lessons are complete, or at any time. */
    @WithDefault("AFTER_LESSONS")
    Unlock unlock();

    enum Unlock {
        AFTER_LESSONS, ANYTIME
    }
}
