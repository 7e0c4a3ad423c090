package cn.gd.xueshi.playback;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "xueshi.playback")
public interface PlaybackConfig {

    /** Highest playback rate that earns in full; faster advance is capped to it. */
    @WithDefault("1.0")
    double maxRate();

    /** An advance faster than this many times real time is a jump and earns nothing. */
    @WithDefault("2.0")
    double jumpRate();

    /** Slack for network jitter when comparing position advance with server time. */
    @WithDefault("PT1S")
    Duration tolerance();

    /** How often the player sends a heartbeat while playing. */
    @WithDefault("PT15S")
    Duration heartbeatInterval();

    /** A heartbeat arriving later than this after the previous one earns nothing (idle or away). */
    @WithDefault("PT45S")
    Duration maxGap();

    /** Share of the lesson's duration that must be covered to complete it. */
    @WithDefault("1.0")
    double completionRatio();

    /** The last seconds of a lesson that need not be watched to complete it. */
    @WithDefault("PT3S")
    Duration completionTail();

    /** An idle player is asked this often whether the learner is still there; it earns nothing until confirmed. */
    @WithDefault("PT30M")
    Duration attentionInterval();

    /**
     * The most online study credited per learner and day, in 学时, for a year without rules of its
     * own; the year's rules (table {@code year_rule}: 6 until 2017, 8 since) decide otherwise.
     */
    @WithDefault("8")
    double dailyCapHours();

    /** Minutes in one 学时. */
    @WithDefault("45")
    int minutesPerHour();

    /** How often the sweep ends silent sessions (a Quarkus scheduler period such as 5m). */
    @WithDefault("5m")
    String sweepEvery();

    /** A session silent this long is ended by the sweep (a new one resumes at the same position). */
    @WithDefault("PT2H")
    Duration sessionIdleEnd();

    /** Most heartbeats applied in one transaction. */
    @WithDefault("256")
    int batchSize();

    /** How long a heartbeat may wait for others to share its transaction while one is already in flight. */
    @WithDefault("PT0.002S")
    Duration batchWait();

    /** Heartbeat transactions in flight at once per instance. */
    @WithDefault("4")
    int batchConcurrency();

    default int dailyCapMs() {
        return (int) Math.round(dailyCapHours() * minutesPerHour() * 60_000);
    }

    default WatchRule rule() {
        return new WatchRule(maxRate(), jumpRate(), (int) tolerance().toMillis(), (int) maxGap().toMillis(),
                completionRatio(), (int) completionTail().toMillis());
    }
}
