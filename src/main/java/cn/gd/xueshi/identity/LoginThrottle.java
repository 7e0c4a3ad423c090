package cn.gd.xueshi.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * How long sign-in is held after repeated wrong passwords: nothing for the first few, then a
 * pause that doubles with every further failure, up to a ceiling. Every attempt is counted as a
 * failure before its password is checked (a right password clears the count), so however many
 * arrive at once, at most {@code freeFailures} passwords are checked before the first pause and
 * one per pause after it.
 */
public record LoginThrottle(int freeFailures, Duration firstPause, Duration maxPause) {

    /** The pause that follows the {@code failures}-th consecutive failure (zero when none). */
    public Duration pauseAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 20);
        Duration pause = firstPause.multipliedBy(1L << doublings);
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }

    /**
     * An attempt may check its password ({@code failures} and {@code pausedUntil} are what to
     * store, as if it fails), or must wait {@code waitSeconds}.
     */
    public record Attempt(boolean allowed, int failures, Instant pausedUntil, long waitSeconds) {
    }

    public Attempt attempt(int failures, Instant pausedUntil, Instant now) {
        if (pausedUntil != null && pausedUntil.isAfter(now)) {
            long wait = Math.max(1, Duration.between(now, pausedUntil).plusMillis(999).toSeconds());
            return new Attempt(false, failures, pausedUntil, wait);
        }
        int counted = failures + 1;
        Duration pause = pauseAfter(counted);
        return new Attempt(true, counted, pause.isZero() ? null : now.plus(pause), 0);
    }
}
