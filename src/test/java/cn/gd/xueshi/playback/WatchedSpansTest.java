package cn.gd.xueshi.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class WatchedSpansTest {

    @Test
    void spansMergeAndCountCoverageOnce() {
        WatchedSpans s = WatchedSpans.empty().plus(0, 10).plus(20, 30).plus(5, 25);
        assertEquals("0-30", s.format());
        assertEquals(30, s.covered());
        assertEquals("0-10,20-30", WatchedSpans.parse("20-30").plus(0, 10).format());
        assertEquals(1, WatchedSpans.parse("0-10").plus(10, 20).count());
    }

    @Test
    void coverageIsTheSumOfSpanLengthsWhereverTheyStart() {
        assertEquals(10, WatchedSpans.parse("20-30").covered());
        assertEquals(15, WatchedSpans.parse("5-10,20-30").covered());
        assertEquals(0, WatchedSpans.parse("").covered());
        assertEquals(0, WatchedSpans.parse(null).count());
    }

    @Test
    void aSpanTouchingTheNextOneFromBelowMergesWithIt() {
        WatchedSpans s = WatchedSpans.parse("10-20").plus(0, 10);
        assertEquals("0-20", s.format());
        assertEquals(1, s.count());
    }

    @Test
    void anEmptyOrBackwardSpanChangesNothing() {
        WatchedSpans s = WatchedSpans.parse("0-3");
        assertSame(s, s.plus(5, 5));
        assertSame(s, s.plus(8, 6));
        assertEquals("0-3", s.plus(5, 5).format());
    }

    @Test
    void aSpanBetweenTwoOthersKeepsTheOrderAndItsTextRoundTrips() {
        WatchedSpans s = WatchedSpans.parse("0-5,40-50").plus(20, 30);
        assertEquals("0-5,20-30,40-50", s.format());
        assertEquals(s.format(), s.toString());
        assertEquals(s.format(), WatchedSpans.parse(s.format()).format());
    }
}
