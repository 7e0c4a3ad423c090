package cn.gd.xueshi.quiz;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import cn.gd.xueshi.catalog.CourseFacts;
import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.Credit;
import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.hours.Source;
import cn.gd.xueshi.playback.CompletedLessons;
import cn.gd.xueshi.playback.CourseCompletions;
import cn.gd.xueshi.shared.ProblemException;

/**
 * Knows when an online course is done: every lesson complete (playback's fact) and the quiz passed
 * (this feature's), in the year whose catalog holds the course (the catalog's fact). Then it credits
 * the course's hours through the ledger's one door, on the reference {@code course:<year>:<code>},
 * so a second completion (another version, a racing transaction) credits nothing. Called from both
 * ends: a passed quiz, and a lesson completed by a heartbeat after the quiz was passed.
 */
@ApplicationScoped
public class CourseCompletion implements CourseCompletions {

    private final CourseFacts courses;
    private final CompletedLessons lessons;
    private final HourLedger ledger;
    private final Clock clock;

    public CourseCompletion(CourseFacts courses, CompletedLessons lessons, HourLedger ledger, Clock clock) {
        this.courses = courses;
        this.lessons = lessons;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Future<Void> lessonCompleted(SqlConnection conn, long professionalId, long courseId, Instant at) {
        return settle(conn, professionalId, courseId, at).mapEmpty();
    }

    /** The hours newly credited for the course (zero when it is not done, or was credited before). */
    public Future<BigDecimal> settle(SqlConnection conn, long professionalId, long courseId, Instant at) {
        int year = LocalDate.ofInstant(at, clock.getZone()).getYear();
        return conn.preparedQuery("select 1 from course_enrollment where professional_id = $1 and course_id = $2 and passed_at is not null")
                .execute(Tuple.of(professionalId, courseId)).compose(passed -> passed.size() == 0 ? none()
                        : courses.of(conn, courseId).compose(course -> course == null || course.year() != year ? none()
                                : lessons.all(conn, professionalId, course.lessonIds().toArray(Long[]::new)).compose(all -> !all ? none()
                                        : credit(conn, professionalId, course, at))));
    }

    private Future<BigDecimal> credit(SqlConnection conn, long professionalId, CourseFacts.Facts course, Instant at) {
        Credit credit = new Credit(professionalId, course.year(), Category.valueOf(course.category().name()), course.hours(),
                Source.ONLINE_COURSE, "course:" + course.year() + ":" + course.code(), course.title(), "system", at);
        return ledger.credit(conn, credit).map(c -> {
            if (!c.fresh()) {
                return BigDecimal.ZERO;
            }
            Log.infof("registered %s hours of course %s for professional %d", c.hours(), course.code(), professionalId);
            return c.hours();
        }).recover(e -> {
            if (e instanceof ProblemException p) {
                // the learner's progress is kept; the ledger said why it took nothing
                Log.warnf("course %s not credited for professional %d: %s", course.code(), professionalId, p.getMessage());
                return none();
            }
            return Future.failedFuture(e);
        });
    }

    private static Future<BigDecimal> none() {
        return Future.succeededFuture(BigDecimal.ZERO);
    }
}
