package cn.gd.xueshi.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WatchRuleTest {

    private static final int DURATION = 60_000;
    private final WatchRule rule = new WatchRule(1.0, 2.0, 1_000, 45_000, 1.0, 3_000);

    private static WatchRule.Beat playing(int positionMs) {
        return new WatchRule.Beat(positionMs, true, true, 1.0);
    }

    @Test
    void honestViewingEarnsTheSpanWatched() {
        WatchRule.Outcome o = rule.apply(WatchedSpans.empty(), 0, 15_000, playing(15_000), DURATION);
        assertEquals(15_000, o.creditedMs());
        assertEquals("0-15000", o.spans().format());
        assertFalse(o.completed());
    }

    @Test
    void jumpAheadEarnsNothing() {
        WatchRule.Outcome o = rule.apply(WatchedSpans.parse("0-10000"), 10_000, 5_000, playing(50_000), DURATION);
        assertEquals(0, o.creditedMs());
        assertEquals("0-10000", o.spans().format());
        assertEquals(50_000, o.positionMs());
    }

    @Test
    void fasterThanTheAllowedRateIsCappedAtRealTime() {
        // 1.5x for 10 s: the position moves 15 s, but only 10 s (+1 s tolerance) of it counts
        WatchRule.Outcome o = rule.apply(WatchedSpans.empty(), 0, 10_000, new WatchRule.Beat(15_000, true, true, 1.5), DURATION);
        assertEquals(11_000, o.creditedMs());
        assertEquals("0-11000", o.spans().format());
    }

    @Test
    void hiddenTabEarnsNothing() {
        WatchRule.Outcome o = rule.apply(WatchedSpans.empty(), 0, 10_000, new WatchRule.Beat(10_000, true, false, 1.0), DURATION);
        assertEquals(0, o.creditedMs());
    }

    @Test
    void pausedPlayerEarnsNothing() {
        assertEquals(0, rule.apply(WatchedSpans.empty(), 0, 10_000, new WatchRule.Beat(10_000, false, true, 1.0), DURATION)
                .creditedMs());
    }

    @Test
    void reWatchingEarnsNothingNew() {
        WatchRule.Outcome o = rule.apply(WatchedSpans.parse("0-30000"), 5_000, 10_000, playing(15_000), DURATION);
        assertEquals(0, o.creditedMs());
        assertEquals("0-30000", o.spans().format());
    }

    @Test
    void aHeartbeatAfterALongSilenceEarnsNothing() {
        assertEquals(0, rule.apply(WatchedSpans.empty(), 0, 46_000, playing(40_000), DURATION).creditedMs());
    }

    @Test
    void completesWhenCoverageReachesTheThresholdShortOfTheTail() {
        WatchRule.Outcome o = rule.apply(WatchedSpans.parse("0-45000"), 45_000, 12_000, playing(57_000), DURATION);
        assertEquals(12_000, o.creditedMs());
        assertTrue(o.completed());
        assertFalse(rule.isComplete(56_999, DURATION));
        assertTrue(rule.isComplete(57_000, DURATION));
    }

    @Test
    void positionBeyondTheEndIsClampedToTheDuration() {
        WatchRule.Outcome o = rule.apply(WatchedSpans.parse("0-55000"), 55_000, 10_000, playing(90_000), DURATION);
        assertEquals(5_000, o.creditedMs());
        assertEquals(60_000, o.positionMs());
    }

    // The learner's budget across beats, sessions and lessons -------------------------------------

    private static WatchRule.Outcome beatAt(WatchRule rule, WatchRule.Before before, long nowMs, int positionMs) {
        return rule.apply(before, nowMs, playing(positionMs), DURATION, Integer.MAX_VALUE);
    }

    @Test
    void aBeatAtTheInstantItsSessionStartedEarnsNothing() {
        WatchRule.Outcome o = beatAt(rule, new WatchRule.Before(WatchedSpans.empty(), 0, 50_000, WatchRule.NEVER), 50_000, 500);
        assertEquals(0, o.creditedMs());
        assertEquals(500, o.positionMs());
        assertEquals(50_000, o.creditedUntilMs());
    }

    @Test
    void aBeatExactlyAtTheLongestGapStillEarns() {
        assertEquals(45_000, beatAt(rule, new WatchRule.Before(WatchedSpans.empty(), 0, 10_000, WatchRule.NEVER), 55_000, 45_000)
                .creditedMs());
        assertEquals(0, beatAt(rule, new WatchRule.Before(WatchedSpans.empty(), 0, 10_000, WatchRule.NEVER), 55_001, 45_000)
                .creditedMs());
    }

    @Test
    void anAdvanceExactlyAtTheJumpLimitIsNotAJump() {
        // 5 s of server time allow an advance of 5 × 2.0 + 1 = 11 s before it counts as a jump; the budget caps it at 6 s
        WatchRule.Before before = new WatchRule.Before(WatchedSpans.empty(), 1_000, 20_000, WatchRule.NEVER);
        assertEquals(6_000, beatAt(rule, before, 25_000, 12_000).creditedMs());
        assertEquals(0, beatAt(rule, before, 25_000, 12_001).creditedMs());
    }

    @Test
    void theBudgetIsTheTimeSinceTheLearnersLastCreditPlusOneTolerance() {
        // credited up to 30 s, session last beat at 20 s, now 40 s: 10 s + 1 s, though the session saw 20 s pass
        WatchRule.Outcome o = beatAt(rule, new WatchRule.Before(WatchedSpans.empty(), 0, 20_000, 30_000), 40_000, 20_000);
        assertEquals(11_000, o.creditedMs());
        assertEquals("0-11000", o.spans().format());
        assertEquals(41_000, o.creditedUntilMs());
    }

    @Test
    void creditAheadOfServerTimeMovesTheClockAheadByThatMuch() {
        WatchRule.Outcome o = beatAt(rule, new WatchRule.Before(WatchedSpans.empty(), 0, 0, WatchRule.NEVER), 100, 1_000);
        assertEquals(1_000, o.creditedMs());
        assertEquals(1_000, o.creditedUntilMs());
        // 100 ms later the learner has had 200 ms of server time and one tolerance: 1,200 ms in all, 200 ms more
        WatchRule.Outcome next = beatAt(rule, new WatchRule.Before(o.spans(), 1_000, 100, o.creditedUntilMs()), 200, 2_000);
        assertEquals(200, next.creditedMs());
        assertEquals(1_200, next.creditedUntilMs());
    }

    @Test
    void aBeatThatEarnsNothingStillBringsTheClockUpToNow() {
        WatchRule.Outcome o = rule.apply(new WatchRule.Before(WatchedSpans.empty(), 0, 0, 5_000), 9_000,
                new WatchRule.Beat(3_000, false, true, 1.0), DURATION, Integer.MAX_VALUE);
        assertEquals(0, o.creditedMs());
        assertEquals(9_000, o.creditedUntilMs());
    }

    @Test
    void aFasterRateUsesUpLessServerTimePerSecondCredited() {
        WatchRule fast = new WatchRule(2.0, 4.0, 1_000, 45_000, 1.0, 3_000);
        assertEquals(3_000, fast.budgetMs(0, 1_000));
        assertEquals(0, fast.budgetMs(2_000, 1_000));
        WatchRule.Outcome o = beatAt(fast, new WatchRule.Before(WatchedSpans.empty(), 0, 0, WatchRule.NEVER), 1_000, 3_000);
        assertEquals(3_000, o.creditedMs());
        assertEquals(1_500, o.creditedUntilMs());
    }

    @Test
    void theBudgetNeverGoesBelowNothing() {
        assertEquals(0, rule.budgetMs(10_000, 1_000));
        assertEquals(1_000, rule.budgetMs(5_000, 5_000));
        assertEquals(4_000, rule.budgetMs(2_000, 5_000));
    }

    @Test
    void aGoingBackOrStandingStillEarnsNothingAndKeepsTheSpans() {
        WatchRule.Before before = new WatchRule.Before(WatchedSpans.parse("0-10000"), 10_000, 0, WatchRule.NEVER);
        assertEquals(0, beatAt(rule, before, 5_000, 10_000).creditedMs());
        WatchRule.Outcome back = beatAt(rule, before, 5_000, 4_000);
        assertEquals(0, back.creditedMs());
        assertEquals(4_000, back.positionMs());
        assertEquals("0-10000", back.spans().format());
    }

    @Test
    void theDailyAllowanceCapsTheSpan() {
        WatchRule.Before before = new WatchRule.Before(WatchedSpans.empty(), 0, 0, WatchRule.NEVER);
        assertEquals(2_000, rule.apply(before, 10_000, playing(10_000), DURATION, 2_000).creditedMs());
        assertEquals(0, rule.apply(before, 10_000, playing(10_000), DURATION, 0).creditedMs());
    }

    @Test
    void aSessionStartBringsTheClockUpToNowButNeverBack() {
        assertEquals(9_000, WatchRule.clockAtStart(WatchRule.NEVER, 9_000));
        assertEquals(9_000, WatchRule.clockAtStart(4_000, 9_000));
        assertEquals(9_500, WatchRule.clockAtStart(9_500, 9_000));
    }

    @Test
    void completionNeedsTheConfiguredShareOfTheLesson() {
        WatchRule ninety = new WatchRule(1.0, 2.0, 1_000, 45_000, 0.9, 3_000);
        assertFalse(ninety.isComplete(50_999, DURATION));
        assertTrue(ninety.isComplete(51_000, DURATION));
        assertTrue(new WatchRule(1.0, 2.0, 1_000, 45_000, 0.01, 3_000).isComplete(0, DURATION));
    }
}
