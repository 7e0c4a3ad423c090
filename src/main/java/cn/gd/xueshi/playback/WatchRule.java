package cn.gd.xueshi.playback;

/**
 * The watch-accounting rule: what one heartbeat earns, decided on server time alone.
 *
 * <ul>
 * <li>Only a playing, visible player earns.</li>
 * <li>The position may advance at most {@code maxRate} × the server time since the last accepted
 * heartbeat (plus a small tolerance for network jitter); a faster advance is capped at that.</li>
 * <li>An advance beyond {@code jumpRate} × the elapsed time is a jump: it earns nothing.</li>
 * <li>A gap longer than {@code maxGapMs} since the last heartbeat earns nothing (the player was
 * idle or gone).</li>
 * <li>Earning means adding the span to the watched spans, so re-watching adds nothing.</li>
 * <li>No span may exceed what is left of the learner's daily allowance.</li>
 * </ul>
 */
public record WatchRule(double maxRate, double jumpRate, int toleranceMs, int maxGapMs, double completionRatio,
        int completionTailMs) {

    public record Beat(int positionMs, boolean playing, boolean visible, double playbackRate) {
    }

    public record Outcome(WatchedSpans spans, int creditedMs, int positionMs, boolean completed) {
    }

    /**
     * @param lastPositionMs where the player was at the last accepted heartbeat (or session start)
     * @param elapsedMs server time since then
     */
    public Outcome apply(WatchedSpans spans, int lastPositionMs, long elapsedMs, Beat beat, int durationMs) {
        return apply(spans, lastPositionMs, elapsedMs, beat, durationMs, Integer.MAX_VALUE);
    }

    /** As above, crediting at most {@code allowanceMs} (what is left of today's cap). */
    public Outcome apply(WatchedSpans spans, int lastPositionMs, long elapsedMs, Beat beat, int durationMs, int allowanceMs) {
        int position = Math.max(0, Math.min(beat.positionMs(), durationMs));
        WatchedSpans after = spans;
        int credited = 0;
        if (beat.playing() && beat.visible() && elapsedMs > 0 && elapsedMs <= maxGapMs && position > lastPositionMs
                && allowanceMs > 0) {
            long advance = position - lastPositionMs;
            if (advance <= elapsedMs * jumpRate + toleranceMs) {
                long allowed = Math.round(elapsedMs * maxRate) + toleranceMs;
                long span = Math.min(Math.min(allowed, advance), allowanceMs);
                int end = (int) Math.min(position, lastPositionMs + span);
                int before = spans.covered();
                after = spans.plus(lastPositionMs, end);
                credited = after.covered() - before;
            }
        }
        return new Outcome(after, credited, position, isComplete(after.covered(), durationMs));
    }

    /** A lesson is complete once its coverage reaches the threshold (ratio of the duration minus a tail). */
    public boolean isComplete(int coveredMs, int durationMs) {
        long needed = Math.max(0, Math.round(durationMs * completionRatio) - completionTailMs);
        return coveredMs >= needed;
    }
}
