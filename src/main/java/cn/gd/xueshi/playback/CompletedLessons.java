package cn.gd.xueshi.playback;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/** Whether a learner has completed lessons, read on the caller's connection inside its transaction. */
@ApplicationScoped
public class CompletedLessons {

    /** True when every one of {@code lessonIds} is complete for the learner (and there is at least one). */
    public Future<Boolean> all(SqlConnection conn, long professionalId, Long[] lessonIds) {
        if (lessonIds.length == 0) {
            return Future.succeededFuture(false);
        }
        return conn.preparedQuery("""
                select count(*) from lesson_progress
                 where professional_id = $1 and lesson_id = any($2) and completed_at is not null""")
                .execute(Tuple.of(professionalId, (Object) lessonIds)) // one array parameter, not spread as varargs
                .map(rows -> rows.iterator().next().getLong(0) == lessonIds.length);
    }
}
