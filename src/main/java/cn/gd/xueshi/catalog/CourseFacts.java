package cn.gd.xueshi.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * What the feature that credits a finished course must know of it, read on the caller's connection
 * inside its transaction: the catalog year it belongs to, its code, category, hours and title, and
 * its lessons. The catalog's tables are read here and nowhere outside the catalog.
 */
@ApplicationScoped
public class CourseFacts {

    public record Facts(long courseId, int year, String code, CourseCategory category, BigDecimal hours, String title,
            List<Long> lessonIds) {
    }

    private static final String SQL = """
            select s.year, c.code, c.category, c.hours, c.title,
                   array(select l.id from lesson l where l.course_id = c.id order by l.position)
              from course c join subject s on s.id = c.subject_id where c.id = $1""";

    /** The course's facts, or null when there is no such course. */
    public Future<Facts> of(SqlConnection conn, long courseId) {
        return conn.preparedQuery(SQL).execute(Tuple.of(courseId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row r = rows.iterator().next();
            return new Facts(courseId, r.getInteger(0), r.getString(1), CourseCategory.valueOf(r.getString(2)), r.getBigDecimal(3),
                    r.getString(4), Arrays.asList(r.getArrayOfLongs(5)));
        });
    }
}
