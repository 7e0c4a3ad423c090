package cn.gd.xueshi.playback;

import java.time.Instant;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * Told, inside the heartbeat's transaction, that a learner has just completed a lesson of a course,
 * so that whoever knows what else the course asks (the quiz) can settle it. Playback knows only
 * lessons.
 */
public interface CourseCompletions {

    Future<Void> lessonCompleted(SqlConnection conn, long professionalId, long courseId, Instant at);
}
