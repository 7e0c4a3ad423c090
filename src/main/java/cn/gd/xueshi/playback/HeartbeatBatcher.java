package cn.gd.xueshi.playback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import cn.gd.xueshi.hours.YearRule;
import cn.gd.xueshi.hours.YearRules;
import cn.gd.xueshi.shared.Grouping;
import cn.gd.xueshi.shared.ProblemException;

/**
 * The heartbeat hot path. Heartbeats arriving together are applied in one transaction with a few
 * set-based statements, so one commit (one WAL flush) carries many of them; each is acknowledged
 * only after that commit. Rows are locked in learner order, so concurrent batches cannot deadlock
 * with each other; a batch that still loses a deadlock to another writer is retried whole.
 */
@ApplicationScoped
public class HeartbeatBatcher {

    private static final String LOCK = """
            select s.id, s.professional_id, s.lesson_id, s.status, s.last_beat_at, s.last_position_ms, s.attention_due_at,
                   p.watched, p.completed_at, l.duration_ms, l.course_id, c.credited_until
              from playback_session s
              join lesson_progress p on p.professional_id = s.professional_id and p.lesson_id = s.lesson_id
              join lesson l on l.id = s.lesson_id
              join watch_clock c on c.professional_id = s.professional_id
             where s.id = any($1)
             order by s.professional_id, s.id
               for update of s, p, c""";
    private static final String DAY = """
            insert into watch_day (professional_id, day) select unnest($1::bigint[]), $2
            on conflict (professional_id, day) do update set credited_ms = watch_day.credited_ms
            returning professional_id, credited_ms""";
    private static final String SESSIONS = """
            with clock as (update watch_clock c set credited_until = v.until
                             from unnest($4::bigint[], $5::timestamptz[]) as v(pid, until) where c.professional_id = v.pid)
            update playback_session s set last_beat_at = v.t, last_position_ms = v.pos
              from unnest($1::uuid[], $2::timestamptz[], $3::int[]) as v(id, t, pos) where s.id = v.id""";
    private static final String PROGRESS = """
            update lesson_progress p set watched = v.w, watched_ms = v.wm, position_ms = v.pos,
                   completed_at = coalesce(p.completed_at, v.c), updated_at = v.t
              from unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[], $5::int[], $6::timestamptz[], $7::timestamptz[])
                   as v(pid, lid, w, wm, pos, c, t)
             where p.professional_id = v.pid and p.lesson_id = v.lid""";
    private static final String CREDIT = """
            update watch_day d set credited_ms = d.credited_ms + v.ms
              from unnest($1::bigint[], $2::int[]) as v(pid, ms) where d.professional_id = v.pid and d.day = $3""";

    /** One heartbeat as the group sees it. */
    record Beat(long professionalId, UUID sessionId, PlaybackService.Beat beat) {
    }

    private final Pool pool;
    private final Clock clock;
    private final PlaybackConfig config;
    private final WatchRule rule;
    private final Grouping<Beat, PlaybackService.BeatResult> grouping;
    private final YearRules years;
    private final CourseCompletions completions;

    public HeartbeatBatcher(Pool pool, Vertx vertx, Clock clock, PlaybackConfig config, YearRules years,
            CourseCompletions completions) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.years = years;
        this.completions = completions;
        this.rule = config.rule();
        this.grouping = new Grouping<>(vertx, config.batchSize(), config.batchWait(), config.batchConcurrency(),
                batch -> apply(batch, 0), e -> ProblemException.unavailable("进度暂时无法保存，请稍后继续播放。"));
    }

    public Uni<PlaybackService.BeatResult> submit(long professionalId, UUID sessionId, PlaybackService.Beat beat) {
        return grouping.submit(new Beat(professionalId, sessionId, beat));
    }

    private io.vertx.core.Future<Void> apply(List<Grouping.Request<Beat, PlaybackService.BeatResult>> batch, int attempt) {
        return pool.withTransaction(conn -> applyIn(conn, batch)).recover(e -> {
            if (attempt < 2 && e instanceof PgException pg && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()))) {
                batch.forEach(Grouping.Request::reset);
                return apply(batch, attempt + 1);
            }
            Log.errorf(e, "a batch of %d heartbeats failed", batch.size());
            return io.vertx.core.Future.failedFuture(e);
        });
    }

    private record Locked(UUID id, long professionalId, long lessonId, String status, Instant lastBeatAt, int lastPositionMs,
            Instant attentionDueAt, WatchedSpans spans, boolean completed, int durationMs, long courseId) {
    }

    private io.vertx.core.Future<Void> applyIn(SqlConnection conn, List<Grouping.Request<Beat, PlaybackService.BeatResult>> batch) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        UUID[] ids = batch.stream().map(i -> i.question().sessionId()).distinct().toArray(UUID[]::new);
        return conn.preparedQuery(LOCK).execute(Tuple.of(ids)).compose(rows -> {
            Map<UUID, Locked> sessions = new HashMap<>();
            Map<Long, Long> clocks = new HashMap<>();
            for (Row r : rows) {
                sessions.put(r.getUUID(0), new Locked(r.getUUID(0), r.getLong(1), r.getLong(2), r.getString(3),
                        r.getOffsetDateTime(4).toInstant(), r.getInteger(5),
                        r.getOffsetDateTime(6) == null ? null : r.getOffsetDateTime(6).toInstant(), WatchedSpans.parse(r.getString(7)),
                        r.getValue(8) != null, r.getInteger(9), r.getLong(10)));
                clocks.put(r.getLong(1), r.getValue(11) == null ? WatchRule.NEVER : r.getOffsetDateTime(11).toInstant().toEpochMilli());
            }
            Long[] learners = sessions.values().stream().map(Locked::professionalId).distinct().sorted().toArray(Long[]::new);
            if (learners.length == 0) {
                batch.forEach(i -> i.refuse(SessionAccess.refusal(null, null, i.question().professionalId())));
                return io.vertx.core.Future.succeededFuture();
            }
            return conn.preparedQuery(DAY).execute(Tuple.of(learners, today)).compose(days -> {
                Map<Long, Integer> credited = new HashMap<>();
                days.forEach(r -> credited.put(r.getLong(0), r.getInteger(1)));
                return write(conn, batch, sessions, clocks, credited, now, today);
            });
        });
    }

    /**
     * Applies the beats in arrival order; {@code clocks} holds each learner's credit clock as read
     * and is moved on by every beat applied; the clocks of the learners whose beats were applied are
     * written back with their sessions.
     */
    private io.vertx.core.Future<Void> write(SqlConnection conn, List<Grouping.Request<Beat, PlaybackService.BeatResult>> batch, Map<UUID, Locked> sessions,
            Map<Long, Long> clocks, Map<Long, Integer> creditedToday, Instant now, LocalDate today) {
        Map<UUID, Locked> state = new LinkedHashMap<>();
        Map<Long, Integer> newCredit = new HashMap<>();
        long nowMs = now.toEpochMilli();
        int dailyCapMs = dailyCapMs(today);
        List<long[]> completions = new ArrayList<>();
        for (Grouping.Request<Beat, PlaybackService.BeatResult> item : batch) {
            Beat beat = item.question();
            Locked s = state.getOrDefault(beat.sessionId(), sessions.get(beat.sessionId()));
            ProblemException refusal = SessionAccess.refusal(s == null ? null : s.professionalId(), s == null ? null : s.status(),
                    beat.professionalId());
            if (refusal != null) {
                item.refuse(refusal);
                continue;
            }
            int dayCredit = creditedToday.getOrDefault(s.professionalId(), 0) + newCredit.getOrDefault(s.professionalId(), 0);
            boolean attention = s.attentionDueAt() != null && !now.isBefore(s.attentionDueAt());
            int allowance = attention ? 0 : Math.max(0, dailyCapMs - dayCredit);
            WatchRule.Before before = new WatchRule.Before(s.spans(), s.lastPositionMs(), s.lastBeatAt().toEpochMilli(),
                    clocks.get(s.professionalId()));
            WatchRule.Outcome o = rule.apply(before, nowMs, new WatchRule.Beat((int) Math.round(beat.beat().positionSeconds() * 1000),
                    beat.beat().playing(), beat.beat().visible(), beat.beat().playbackRate()), s.durationMs(), allowance);
            clocks.put(s.professionalId(), o.creditedUntilMs());
            if (o.creditedMs() > 0) {
                newCredit.merge(s.professionalId(), o.creditedMs(), Integer::sum);
            }
            boolean complete = s.completed() || o.completed();
            if (complete && !s.completed()) {
                completions.add(new long[] {s.professionalId(), s.courseId()});
            }
            state.put(beat.sessionId(), new Locked(s.id(), s.professionalId(), s.lessonId(), s.status(), now, o.positionMs(),
                    s.attentionDueAt(), o.spans(), complete, s.durationMs(), s.courseId()));
            item.answer(new PlaybackService.BeatResult(PlaybackService.Progress.of(o.spans().covered(), o.positionMs(),
                    s.durationMs(), complete), attention, dayCredit + o.creditedMs() >= dailyCapMs));
        }
        if (state.isEmpty()) {
            return io.vertx.core.Future.succeededFuture();
        }
        List<Locked> changed = new ArrayList<>(state.values());
        changed.sort(Comparator.comparingLong(Locked::professionalId));
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int n = changed.size();
        UUID[] ids = new UUID[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        Integer[] positions = new Integer[n];
        Long[] pids = new Long[n];
        Long[] lids = new Long[n];
        String[] watched = new String[n];
        Integer[] watchedMs = new Integer[n];
        OffsetDateTime[] completedAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Locked s = changed.get(i);
            ids[i] = s.id();
            times[i] = at;
            positions[i] = s.lastPositionMs();
            pids[i] = s.professionalId();
            lids[i] = s.lessonId();
            watched[i] = s.spans().format();
            watchedMs[i] = s.spans().covered();
            completedAt[i] = s.completed() ? at : null;
        }
        Long[] clockPids = changed.stream().map(Locked::professionalId).distinct().toArray(Long[]::new);
        OffsetDateTime[] clockUntil = Arrays.stream(clockPids)
                .map(pid -> OffsetDateTime.ofInstant(Instant.ofEpochMilli(clocks.get(pid)), ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        io.vertx.core.Future<?> done = conn.preparedQuery(SESSIONS).execute(Tuple.of(ids, times, positions, clockPids, clockUntil))
                .compose(x -> conn.preparedQuery(PROGRESS).execute(Tuple.of(pids, lids, watched, watchedMs, positions,
                        completedAt, times)));
        if (!newCredit.isEmpty()) {
            Long[] creditPids = newCredit.keySet().stream().sorted().toArray(Long[]::new);
            Integer[] creditMs = Arrays.stream(creditPids).map(newCredit::get).toArray(Integer[]::new);
            done = done.compose(x -> conn.preparedQuery(CREDIT).execute(Tuple.of(creditPids, creditMs, today)));
        }
        for (long[] c : completions) {
            done = done.compose(x -> this.completions.lessonCompleted(conn, c[0], c[1], now));
        }
        return done.mapEmpty();
    }

    /** Today's cap on online credit, from the year's rules (no rules: the configured default). */
    private int dailyCapMs(LocalDate today) {
        YearRule year = years.rule(today.getYear());
        return year == null ? config.dailyCapMs() : year.dailyCapMs(config.minutesPerHour());
    }
}
