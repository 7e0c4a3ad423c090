package cn.gd.xueshi.playback;

/**
 * The watch-accounting rule: what one heartbeat earns, decided on server time alone.
 *
 * <ul>
 * <li>Only a playing, visible player earns.</li>
 * <li>The learner has one budget across all their sessions and lessons, a token bucket: it holds
 * at most one {@code tolerance} at each of the learner's heartbeats and refills at {@code maxRate}
 * × server time in between. Over any stretch of server time that starts at one of the learner's
 * heartbeats or session starts, credit is at most the stretch × {@code maxRate} + one tolerance,
 * however many beats arrive, on however many sessions. The budget is kept as the server time up
 * to which the learner has been credited ({@code creditedUntilMs}, at most one tolerance ahead of
 * now).</li>
 * <li>The position may advance at most that budget; a faster advance is capped at it.</li>
 * <li>An advance beyond {@code jumpRate} × the session's elapsed time is a jump: it earns
 * nothing.</li>
 * <li>A gap longer than {@code maxGapMs} since the session's last heartbeat earns nothing (the
 * player was idle or gone).</li>
 * <li>Earning means adding the span to the watched spans, so re-watching adds nothing.</li>
 * <li>No span may exceed what is left of the learner's daily allowance.</li>
 * </ul>
 */
public record WatchRule(double maxRate, double jumpRate, int toleranceMs, int maxGapMs, double completionRatio,
        int completionTailMs) {

    /** The learner has never been credited: only the session's own start bounds the budget. */
    public static final long NEVER = Long.MIN_VALUE;

    public record Beat(int positionMs, boolean playing, boolean visible, double playbackRate) {
    }

    /**
     * The state a heartbeat meets: the lesson's watched spans, the session's last accepted
     * position and server time, and the learner's credit clock ({@link #NEVER} when new).
     */
    public record Before(WatchedSpans spans, int positionMs, long sessionBeatAtMs, long creditedUntilMs) {
    }

    public record Outcome(WatchedSpans spans, int creditedMs, int positionMs, boolean completed, long creditedUntilMs) {
    }

    /**
     * One beat on its own, as if the learner had no earlier credit.
     *
     * @param lastPositionMs where the player was at the last accepted heartbeat (or session start)
     * @param elapsedMs server time since then
     */
    public Outcome apply(WatchedSpans spans, int lastPositionMs, long elapsedMs, Beat beat, int durationMs) {
        return apply(new Before(spans, lastPositionMs, 0, NEVER), elapsedMs, beat, durationMs, Integer.MAX_VALUE);
    }

    /**
     * What a beat arriving at server time {@code nowMs} earns, and the learner's credit clock after it.
     *
     * @param allowanceMs what is left of today's cap (zero while the player owes an answer to "still there?")
     */
    public Outcome apply(Before before, long nowMs, Beat beat, int durationMs, int allowanceMs) {
        int position = Math.max(0, Math.min(beat.positionMs(), durationMs));
        long elapsedMs = nowMs - before.sessionBeatAtMs();
        long from = Math.max(before.creditedUntilMs(), before.sessionBeatAtMs());
        long advance = position - before.positionMs();
        long span = 0;
        if (beat.playing() && beat.visible() && elapsedMs > 0 && elapsedMs <= maxGapMs
                && advance <= elapsedMs * jumpRate + toleranceMs) {
            // nothing when the player went back or stood still, or when the budget or today's allowance is spent
            span = Math.max(0, Math.min(Math.min(budgetMs(from, nowMs), advance), allowanceMs));
        }
        WatchedSpans after = before.spans().plus(before.positionMs(), (int) (before.positionMs() + span));
        int credited = after.covered() - before.spans().covered();
        long creditedUntil = Math.max(nowMs, from + serverMsFor(credited));
        return new Outcome(after, credited, position, isComplete(after.covered(), durationMs), creditedUntil);
    }

    /**
     * The learner's clock once a session starts at {@code nowMs}: a new session earns nothing for
     * the time before it, so starting sessions mints no credit ({@code PlaybackService.open} does
     * the same in SQL, with {@code greatest}).
     */
    public static long clockAtStart(long creditedUntilMs, long nowMs) {
        return Math.max(creditedUntilMs, nowMs);
    }

    /**
     * The credit the bucket holds at {@code nowMs} when the learner has been credited up to
     * {@code fromMs}: the server time since then at {@code maxRate}, plus one tolerance (less
     * whatever of it the learner is already ahead).
     */
    long budgetMs(long fromMs, long nowMs) {
        long serverMs = nowMs - fromMs + (long) Math.floor(toleranceMs / maxRate);
        return Math.max(0, (long) Math.floor(serverMs * maxRate));
    }

    /** Server time that {@code creditedMs} of credit uses up at {@code maxRate}. */
    private long serverMsFor(int creditedMs) {
        return (long) Math.ceil(creditedMs / maxRate);
    }

    /** A lesson is complete once its coverage reaches the threshold (ratio of the duration minus a tail). */
    public boolean isComplete(int coveredMs, int durationMs) {
        long needed = Math.max(0, Math.round(durationMs * completionRatio) - completionTailMs);
        return coveredMs >= needed;
    }
}
