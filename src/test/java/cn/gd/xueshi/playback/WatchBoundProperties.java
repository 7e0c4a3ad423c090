package cn.gd.xueshi.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The watch bound over arbitrary heartbeats: whatever the timing, positions, rates, visibility,
 * sessions and lessons, credit over any stretch of server time that starts at one of the learner's
 * events is at most the stretch × max-rate + one tolerance; and an honest player at 1.0× completes
 * a lesson in its own duration plus at most one heartbeat interval.
 */
class WatchBoundProperties {

    /** A learner's event, as the server sees it: a session start or a heartbeat on a session. */
    record Step(int waitMs, boolean start, int session, int lesson, int positionMs, boolean relative, boolean playing,
            boolean visible) {
    }

    record Rules(double maxRate, int toleranceMs, double jumpFactor) {
        WatchRule rule() {
            return new WatchRule(maxRate, maxRate * jumpFactor, toleranceMs, 45_000, 1.0, 3_000);
        }
    }

    /** What the heartbeat path keeps between beats: per lesson spans, per session last beat, per learner clock. */
    static final class Learner {
        final WatchRule rule;
        final int[] durations;
        final Map<Integer, WatchedSpans> spans = new HashMap<>();
        final Map<Integer, long[]> sessions = new HashMap<>(); // session → {lesson, lastBeatAtMs, lastPositionMs}
        long clock = WatchRule.NEVER;
        int allowanceMs;

        Learner(WatchRule rule, int[] durations, int allowanceMs) {
            this.rule = rule;
            this.durations = durations;
            this.allowanceMs = allowanceMs;
        }

        void start(int session, int lesson, long now, int resumeMs) {
            sessions.put(session, new long[] {lesson, now, Math.floorMod(resumeMs, durations[lesson])});
            clock = WatchRule.clockAtStart(clock, now);
        }

        /** Applies a beat as the batcher does; answers the credit. */
        int beat(int session, long now, int position, boolean playing, boolean visible) {
            long[] s = sessions.get(session);
            int lesson = (int) s[0];
            WatchedSpans before = spans.getOrDefault(lesson, WatchedSpans.empty());
            WatchRule.Outcome o = rule.apply(new WatchRule.Before(before, (int) s[2], s[1], clock), now,
                    new WatchRule.Beat(position, playing, visible, 1.0), durations[lesson], allowanceMs);
            assertTrue(o.creditedMs() >= 0);
            assertEquals(o.spans().covered() - before.covered(), o.creditedMs(), "credit is exactly the new coverage");
            assertTrue(o.creditedUntilMs() >= now, "the clock never falls behind the last beat");
            spans.put(lesson, o.spans());
            s[1] = now;
            s[2] = o.positionMs();
            clock = o.creditedUntilMs();
            allowanceMs -= o.creditedMs();
            return o.creditedMs();
        }
    }

    private static final Gen<Rules> RULES = Generate.oneOf(Generate.pick(List.of(0.5, 1.0, 1.25, 1.5, 2.0)), doubles().between(0.3, 3.0))
            .zip(Generate.oneOf(Generate.pick(List.of(0, 1, 1_000)), Generate.range(0, 5_000)), doubles().between(1.0, 4.0), Rules::new);

    private static final Gen<Integer> WAIT = Generate.oneOf(Generate.constant(0), Generate.range(0, 50), Generate.range(0, 2_000),
            Generate.range(0, 60_000));
    private static final Gen<Boolean> MOSTLY = Generate.pick(List.of(true, true, true, false));

    private static final Gen<Step> STEP = in -> new Step(WAIT.generate(in), Generate.range(0, 9).generate(in) == 0,
            Generate.range(0, 3).generate(in), Generate.range(0, 1).generate(in), Generate.range(-5_000, 200_000).generate(in),
            Generate.booleans().generate(in), MOSTLY.generate(in), MOSTLY.generate(in));

    @Test
    void creditNeverOutrunsServerTime() {
        Gen<int[]> lessonsAndAllowance = in -> new int[] {Generate.range(1_000, 600_000).generate(in),
                Generate.range(1_000, 600_000).generate(in), Generate.range(0, 40_000_000).generate(in)};
        qt().withExamples(3_000).forAll(RULES, lists().of(STEP).ofSizeBetween(1, 120), lessonsAndAllowance)
                .checkAssert(WatchBoundProperties::creditNeverOutrunsServerTime);
    }

    private static void creditNeverOutrunsServerTime(Rules rules, List<Step> steps, int[] lessonsAndAllowance) {
        int[] durations = {lessonsAndAllowance[0], lessonsAndAllowance[1]};
        Learner learner = new Learner(rules.rule(), durations, lessonsAndAllowance[2]);
        List<long[]> events = new ArrayList<>(); // {time, credit}
        long now = 1_700_000_000_000L;
        learner.start(0, 0, now, 0);
        events.add(new long[] {now, 0});
        for (Step step : steps) {
            now += step.waitMs();
            int credit = 0;
            if (step.start() || !learner.sessions.containsKey(step.session())) {
                learner.start(step.session(), step.lesson(), now, step.positionMs());
            } else {
                long[] s = learner.sessions.get(step.session());
                int position = step.relative() ? (int) s[2] + step.positionMs() % 20_000 : step.positionMs();
                credit = learner.beat(step.session(), now, position, step.playing(), step.visible());
            }
            events.add(new long[] {now, credit});
        }
        assertBound(events, rules.maxRate(), rules.toleranceMs());
        assertTrue(learner.allowanceMs >= 0, "the daily allowance is never overdrawn");
    }

    /** Beats sent back to back as fast as a script can (the attack that earned a lesson in 0.22 s). */
    @Test
    void beatsFasterThanRealTimeEarnAtMostOneTolerance() {
        qt().withExamples(500).forAll(RULES, Generate.range(1, 500), Generate.range(0, 20), Generate.range(1, 5_000))
                .checkAssert((rules, beats, gapMs, stepMs) -> {
                    burst(rules, beats, gapMs, stepMs, false);
                    burst(rules, beats, gapMs, stepMs, true);
                });
    }

    private static void burst(Rules rules, int beats, int gapMs, int stepMs, boolean restartEachTime) {
        Learner learner = new Learner(rules.rule(), new int[] {600_000, 600_000}, Integer.MAX_VALUE);
        long t0 = 1_700_000_000_000L;
        long now = t0;
        learner.start(0, 0, now, 0);
        long total = 0;
        for (int i = 1; i <= beats; i++) {
            now += gapMs;
            int session = restartEachTime ? i : 0;
            if (restartEachTime) {
                learner.start(session, i % 2, now, (i - 1) * stepMs);
            }
            total += learner.beat(session, now, i * stepMs, true, true);
        }
        long credited = total;
        long elapsed = now - t0;
        assertTrue(credited <= elapsed * rules.maxRate() + rules.toleranceMs() + 1e-6,
                () -> "credited " + credited + " ms in " + elapsed + " ms");
    }

    @Test
    void honestViewingCompletesInTheLessonsOwnDuration() {
        Gen<int[]> player = in -> new int[] {Generate.range(4_000, 45 * 60_000).generate(in),
                Generate.range(1_000, 15_000).generate(in), Generate.range(0, 999).generate(in)};
        qt().withExamples(1_000).forAll(player, lists().of(Generate.range(0, 999)).ofSizeBetween(1, 50), doubles().between(1.0, 2.0))
                .checkAssert((p, delays, maxRate) -> honestViewing(p[0], p[1], p[2], delays, maxRate));
    }

    /** Heartbeats every {@code heartbeatMs} of playback, each delayed by up to 999 ms on the way. */
    private static void honestViewing(int durationMs, int heartbeatMs, int startDelayMs, List<Integer> delays, double maxRate) {
        WatchRule rule = new WatchRule(maxRate, 2.0 * maxRate, 1_000, 45_000, 1.0, 3_000);
        Learner learner = new Learner(rule, new int[] {durationMs}, Integer.MAX_VALUE);
        long sessionStart = 1_700_000_000_000L;
        learner.start(0, 0, sessionStart, 0);
        long playFrom = sessionStart + startDelayMs; // the player starts once the start answer arrives
        long completedAt = -1;
        for (int k = 1; ; k++) {
            int position = (int) Math.min((long) k * heartbeatMs, durationMs);
            long arrival = playFrom + (long) k * heartbeatMs + delays.get(k % delays.size());
            learner.beat(0, arrival, position, true, true);
            if (completedAt < 0 && rule.isComplete(learner.spans.get(0).covered(), durationMs)) {
                completedAt = arrival;
            }
            if (position == durationMs) {
                break;
            }
        }
        assertEquals(durationMs, learner.spans.get(0).covered(), "every second watched is credited");
        long needed = completedAt - playFrom;
        assertTrue(completedAt > 0 && needed <= durationMs + heartbeatMs + 999,
                () -> "completed " + needed + " ms after play began, lesson " + durationMs + " ms");
    }

    /** For every pair of events i ≤ j: credit earned by events after i up to j ≤ (t_j − t_i) × rate + tolerance. */
    private static void assertBound(List<long[]> events, double rate, int toleranceMs) {
        int n = events.size();
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + events.get(i)[1];
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                long credit = prefix[j + 1] - prefix[i + 1];
                double bound = (events.get(j)[0] - events.get(i)[0]) * rate + toleranceMs;
                if (credit > bound + 1e-6) {
                    throw new AssertionError("credit " + credit + " ms between events " + i + " and " + j + " exceeds "
                            + bound + " ms");
                }
            }
        }
    }
}
