package cn.gd.xueshi.identity;

import java.time.Duration;

/**
 * How long an account is held after repeated wrong passwords: nothing for the first few, then a
 * pause that doubles with every further failure, up to a ceiling.
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
}
