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

    @Test
    void spansMergeAndCountCoverageOnce() {
        WatchedSpans s = WatchedSpans.empty().plus(0, 10).plus(20, 30).plus(5, 25);
        assertEquals("0-30", s.format());
        assertEquals(30, s.covered());
        assertEquals("0-10,20-30", WatchedSpans.parse("20-30").plus(0, 10).format());
        assertEquals(1, WatchedSpans.parse("0-10").plus(10, 20).count());
    }
}
