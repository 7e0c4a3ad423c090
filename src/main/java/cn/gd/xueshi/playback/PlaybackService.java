package cn.gd.xueshi.playback;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.CatalogService;
import cn.gd.xueshi.catalog.CatalogViews;
import cn.gd.xueshi.media.ObjectStore;
import cn.gd.xueshi.shared.ProblemException;

/** Playback sessions and heartbeats: the server's account of what each learner has watched. */
@ApplicationScoped
public class PlaybackService {

    private final CatalogService catalog;
    private final ObjectStore store;
    private final Clock clock;
    private final PlaybackConfig config;
    private final HeartbeatBatcher batcher;

    public PlaybackService(CatalogService catalog, ObjectStore store, Clock clock, PlaybackConfig config,
            HeartbeatBatcher batcher) {
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.batcher = batcher;
    }

    public record Started(UUID sessionId, String mediaUrl, double resumeAtSeconds, int heartbeatSeconds, long lessonId) {
    }

    public record Progress(double watchedSeconds, double coverage, boolean completed, double positionSeconds) {
        public static Progress of(int watchedMs, int positionMs, int durationMs, boolean completed) {
            double coverage = Math.min(1.0, Math.round(watchedMs * 1000.0 / durationMs) / 1000.0);
            return new Progress(watchedMs / 1000.0, coverage, completed, positionMs / 1000.0);
        }
    }

    /**
     * Opens a session for a lesson and suspends any other active session of the learner, on any
     * device or instance: the learner's row is locked so two starts cannot both stay active.
     */
    public Uni<Started> start(long professionalId, long lessonId) {
        // presigning is a local HMAC computation (the region is configured), no I/O
        return catalog.lesson(lessonId).flatMap(lesson -> open(professionalId, lesson)
                .map(opened -> new Started(opened.id(), store.presignedGet(lesson.objectKey()), opened.resumeMs() / 1000.0,
                        (int) config.heartbeatInterval().toSeconds(), lessonId)));
    }

    record Opened(UUID id, int resumeMs) {
    }

    @WithTransaction
    Uni<Opened> open(long professionalId, CatalogViews.LessonView lesson) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select id from professional where id = :pid for update", Long.class)
                .setParameter("pid", professionalId).getSingleResultOrNull()
                .flatMap(found -> {
                    if (found == null) {
                        throw ProblemException.forbidden("unknown-learner", "学员档案不存在。");
                    }
                    return s.createNativeQuery("""
                            update playback_session set status = 'SUSPENDED', suspended_by = :id
                             where professional_id = :pid and status = 'ACTIVE'""")
                            .setParameter("id", id).setParameter("pid", professionalId).executeUpdate();
                })
                .chain(() -> s.createNativeQuery("""
                        insert into lesson_progress (professional_id, lesson_id) values (:pid, :lid)
                        on conflict do nothing""").setParameter("pid", professionalId).setParameter("lid", lesson.id())
                        .executeUpdate())
                // a new session earns nothing for the time before it: the learner's clock moves up to now
                .chain(() -> s.createNativeQuery("""
                        insert into watch_clock (professional_id, credited_until) values (:pid, :now)
                        on conflict (professional_id) do update set credited_until = greatest(watch_clock.credited_until, :now)""")
                        .setParameter("pid", professionalId).setParameter("now", now).executeUpdate())
                .chain(() -> LessonProgress.<LessonProgress>findById(new LessonProgress.Key(professionalId, lesson.id())))
                .flatMap(progress -> {
                    int resume = progress.positionMs >= lesson.durationMs() - 1000 ? 0 : progress.positionMs;
                    PlaybackSession session = new PlaybackSession();
                    session.id = id;
                    session.professionalId = professionalId;
                    session.lessonId = lesson.id();
                    session.status = "ACTIVE";
                    session.startedAt = now;
                    session.lastBeatAt = now;
                    session.lastPositionMs = resume;
                    session.attentionDueAt = attentionDue(now);
                    return session.persist().replaceWith(new Opened(id, resume));
                }));
    }

    public record Beat(double positionSeconds, boolean playing, boolean visible, double playbackRate) {
    }

    /** What a heartbeat answers: progress, and whether the player must ask "still there?" or today's cap is used up. */
    public record BeatResult(Progress progress, boolean attentionRequired, boolean dailyCapReached) {
    }

    private Instant attentionDue(Instant now) {
        return config.attentionInterval().isZero() ? null : now.plus(config.attentionInterval());
    }

    /** Applies one heartbeat (batched with others arriving together; see {@link HeartbeatBatcher}). */
    public Uni<BeatResult> heartbeat(long professionalId, UUID sessionId, Beat beat) {
        return batcher.submit(professionalId, sessionId, beat);
    }

    /** The learner answered "still there?": the idle time before now earns nothing, watching goes on. */
    @WithTransaction
    public Uni<Void> confirmAttention(long professionalId, UUID sessionId) {
        Instant now = clock.instant();
        return activeSession(professionalId, sessionId).map(session -> {
            session.attentionDueAt = attentionDue(now);
            session.lastBeatAt = now;
            return null;
        });
    }

    private Uni<PlaybackSession> activeSession(long professionalId, UUID sessionId) {
        return PlaybackSession.<PlaybackSession>findById(sessionId, LockModeType.PESSIMISTIC_WRITE).map(session -> {
            ProblemException refusal = SessionAccess.refusal(session == null ? null : session.professionalId,
                    session == null ? null : session.status, professionalId);
            if (refusal != null) {
                throw refusal;
            }
            return session;
        });
    }

    /** A fresh media URL for an active session (presigned URLs expire). */
    @WithTransaction
    public Uni<String> mediaUrl(long professionalId, UUID sessionId) {
        return activeSession(professionalId, sessionId)
                .flatMap(session -> catalog.lesson(session.lessonId).map(lesson -> store.presignedGet(lesson.objectKey())));
    }

    /**
     * Clears the watched spans of a course's lessons so the learner must watch again (after the
     * quiz attempts run out), on the caller's connection and transaction.
     */
    public Uni<Integer> resetCourse(io.vertx.mutiny.sqlclient.SqlConnection conn, long professionalId, Long[] lessonIds) {
        return conn.preparedQuery("""
                update lesson_progress set watched = '', watched_ms = 0, position_ms = 0, completed_at = null, updated_at = $3
                 where professional_id = $1 and lesson_id = any($2)""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(professionalId, lessonIds,
                        java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)))
                .map(io.vertx.mutiny.sqlclient.RowSet::rowCount);
    }
}
