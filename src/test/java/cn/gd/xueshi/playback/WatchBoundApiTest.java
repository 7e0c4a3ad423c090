package cn.gd.xueshi.playback;

import static cn.gd.xueshi.support.Api.as;
import static cn.gd.xueshi.support.Api.beat;
import static cn.gd.xueshi.support.Api.courseId;
import static cn.gd.xueshi.support.Api.lessonId;
import static cn.gd.xueshi.support.Api.startSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;
import cn.gd.xueshi.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A script that sends heartbeats faster than real time earns no more than the server time that
 * passed (× max-rate 1.0) plus one tolerance (1 s), whatever it claims.
 */
@QuarkusTest
class WatchBoundApiTest {

    private static final long TOLERANCE_MS = 1_000;

    @Inject
    MutableClock clock;

    /** Everything the learner has been credited across all lessons, in ms. */
    private static long credited(Learners.Learner l) {
        return Db.number("select coalesce(sum(watched_ms), 0) from lesson_progress where professional_id = ?", l.professionalId());
    }

    private void assertWithinBound(Learners.Learner l, Instant from) {
        long elapsed = Duration.between(from, clock.instant()).toMillis();
        long credit = credited(l);
        assertTrue(credit <= elapsed + TOLERANCE_MS, "credited " + credit + " ms in " + elapsed + " ms of server time");
        assertEquals(credit, Db.number("select coalesce(sum(credited_ms), 0) from watch_day where professional_id = ?",
                l.professionalId()), "the daily account agrees with the lessons");
    }

    @Test
    void thirtyBeatsBackToBackEarnNoMoreThanTheTimeThatPassedPlusOneTolerance() {
        Learners.Learner l = Learners.create();
        Instant from = clock.instant();
        String s = startSession(l.token(), lessonId("ai-at-work", 1));
        float last = 0;
        for (int i = 1; i <= 30; i++) {
            last = beat(l.token(), s, 0.99 * i, true, true, 1.0).then().statusCode(200).extract().path("watchedSeconds");
        }
        assertWithinBound(l, from);
        assertEquals(credited(l) / 1000.0, last, 0.0005);
        assertEquals(0, Db.number("select count(*) from lesson_progress where professional_id = ? and completed_at is not null",
                l.professionalId()));
    }

    @Test
    void restartingTheSessionBeforeEachBeatMintsNoExtraTolerance() {
        Learners.Learner l = Learners.create();
        Instant from = clock.instant();
        long[] lessons = {lessonId("ai-at-work", 1), lessonId("ai-at-work", 2)};
        for (int i = 0; i < 30; i++) {
            long lesson = lessons[i % 2];
            float resume = as(l.token()).post("/api/lessons/" + lesson + "/sessions").then().statusCode(201)
                    .extract().path("resumeAtSeconds");
            String s = as(l.token()).post("/api/lessons/" + lesson + "/sessions").then().statusCode(201).extract().path("sessionId");
            beat(l.token(), s, resume + 0.99, true, true, 1.0).then().statusCode(200);
        }
        assertWithinBound(l, from);
    }

    @Test
    void beatsSentInParallelEarnNoMoreThanTheTimeThatPassedPlusOneTolerance() throws Exception {
        Learners.Learner l = Learners.create();
        Instant from = clock.instant();
        String s = startSession(l.token(), lessonId("data-security", 1));
        AtomicInteger beat = new AtomicInteger();
        List<Integer> statuses = Parallel.race(30, () -> beat(l.token(), s, 0.99 * beat.incrementAndGet(), true, true, 1.0).statusCode());
        assertEquals(java.util.Collections.nCopies(30, 200), statuses);
        assertWithinBound(l, from);
    }

    @Test
    void aScriptCannotFinishACourseAndEarnItsHoursInAnInstant() {
        Learners.Learner l = Learners.create();
        long course = courseId("ai-at-work");
        for (int position = 1; position <= 2; position++) {
            String s = startSession(l.token(), lessonId("ai-at-work", position));
            for (int i = 1; i <= 40; i++) {
                beat(l.token(), s, 0.99 * i, true, true, 1.0).then().statusCode(200);
            }
        }
        assertEquals(0, Db.number("select count(*) from lesson_progress where professional_id = ? and completed_at is not null",
                l.professionalId()));
        as(l.token()).get("/api/courses/" + course + "/quiz").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("/problems/quiz-locked"));
        assertEquals(0, Db.number("select count(*) from hour_entry where professional_id = ?", l.professionalId()));
    }
}
