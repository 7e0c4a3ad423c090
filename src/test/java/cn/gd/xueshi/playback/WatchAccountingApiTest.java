package cn.gd.xueshi.playback;

import static cn.gd.xueshi.support.Api.as;
import static cn.gd.xueshi.support.Api.beat;
import static cn.gd.xueshi.support.Api.lessonId;
import static cn.gd.xueshi.support.Api.startSession;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WatchAccountingApiTest {

    @Inject
    MutableClock clock;

    private void after(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void honestViewingCompletesTheLesson() {
        Learners.Learner l = Learners.create();
        long lesson = lessonId("ai-at-work", 1);
        String s = startSession(l.token(), lesson);
        for (int t = 5; t <= 20; t += 5) {
            after(5);
            beat(l.token(), s, t, true, true, 1.0).then().statusCode(200)
                    .body("watchedSeconds", equalTo((float) t)).body("completed", equalTo(false));
        }
        after(4);
        beat(l.token(), s, 24, true, true, 1.0).then().statusCode(200)
                .body("watchedSeconds", equalTo(24.0f)).body("coverage", equalTo(1.0f)).body("completed", equalTo(true));
        assertEquals(1, Db.number("select count(*) from lesson_progress where professional_id = ? and completed_at is not null",
                l.professionalId()));
    }

    @Test
    void jumpAheadEarnsNothingForTheSkippedSpan() {
        Learners.Learner l = Learners.create();
        String s = startSession(l.token(), lessonId("ai-at-work", 1));
        after(5);
        beat(l.token(), s, 5, true, true, 1.0).then().body("watchedSeconds", equalTo(5.0f));
        after(5);
        beat(l.token(), s, 20, true, true, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(5.0f));
        after(2);
        beat(l.token(), s, 22, true, true, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(7.0f))
                .body("completed", equalTo(false));
    }

    @Test
    void hiddenTabEarnsNothing() {
        Learners.Learner l = Learners.create();
        String s = startSession(l.token(), lessonId("ai-at-work", 1));
        after(5);
        beat(l.token(), s, 5, true, false, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(0.0f));
        after(5);
        beat(l.token(), s, 10, true, true, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(5.0f));
    }

    @Test
    void reWatchingEarnsNothingNew() {
        Learners.Learner l = Learners.create();
        long lesson = lessonId("ai-at-work", 1);
        String s = startSession(l.token(), lesson);
        after(10);
        beat(l.token(), s, 10, true, true, 1.0).then().body("watchedSeconds", equalTo(10.0f));
        beat(l.token(), s, 0, false, true, 1.0).then().statusCode(200);
        after(10);
        beat(l.token(), s, 10, true, true, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(10.0f));
    }

    @Test
    void fasterThanNormalSpeedIsCappedAtRealTime() {
        Learners.Learner l = Learners.create();
        String s = startSession(l.token(), lessonId("ai-at-work", 2));
        after(10);
        // 1.5x for 10 s moves the position 15 s; only 10 s plus the 1 s jitter tolerance count
        beat(l.token(), s, 15, true, true, 1.5).then().statusCode(200)
                .body("watchedSeconds", allOf(greaterThanOrEqualTo(11.0f), lessThan(11.5f)));
    }

    @Test
    void aSecondSessionSuspendsTheFirstAndSaysSo() {
        Learners.Learner l = Learners.create();
        String first = startSession(l.token(), lessonId("ai-at-work", 1));
        after(3);
        beat(l.token(), first, 3, true, true, 1.0).then().statusCode(200);
        String second = startSession(l.token(), lessonId("data-security", 1));
        after(3);
        beat(l.token(), first, 6, true, true, 1.0).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/session-suspended"))
                .body("detail", equalTo("您已在其他窗口或设备上开始学习，本窗口已暂停计时。如需在此继续，请重新开始播放。"));
        beat(l.token(), second, 3, true, true, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(3.0f));
        assertEquals(1, Db.number("select count(*) from playback_session where professional_id = ? and status = 'ACTIVE'",
                l.professionalId()));
        as(l.token()).get("/api/sessions/" + first + "/media").then().statusCode(409);
    }

    @Test
    void aNewSessionResumesAtTheLastPosition() {
        Learners.Learner l = Learners.create();
        long lesson = lessonId("ai-at-work", 1);
        String s = startSession(l.token(), lesson);
        after(8);
        beat(l.token(), s, 8, true, true, 1.0).then().statusCode(200);
        as(l.token()).post("/api/lessons/" + lesson + "/sessions").then().statusCode(201)
                .body("resumeAtSeconds", equalTo(8.0f)).body("heartbeatSeconds", equalTo(2));
    }

    @Test
    void anIdlePlayerEarnsNothingUntilTheLearnerConfirmsBeingThere() {
        Learners.Learner l = Learners.create();
        String s = startSession(l.token(), lessonId("ai-at-work", 1));
        after(5);
        beat(l.token(), s, 5, true, true, 1.0).then().body("watchedSeconds", equalTo(5.0f))
                .body("attentionRequired", equalTo(false));
        Db.update("update playback_session set attention_due_at = now() - interval '1 second' where id = ?::uuid", s);
        after(5);
        beat(l.token(), s, 10, true, true, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(5.0f))
                .body("attentionRequired", equalTo(true));
        as(l.token()).post("/api/sessions/" + s + "/attention").then().statusCode(204);
        after(5);
        beat(l.token(), s, 15, true, true, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(10.0f))
                .body("attentionRequired", equalTo(false));
    }

    @Test
    void onlineCreditStopsAtTheDailyCap() {
        Learners.Learner l = Learners.create();
        long cap = 8 * 45 * 60_000L;
        Db.update("insert into watch_day (professional_id, day, credited_ms) values (?, ?, ?)",
                l.professionalId(), java.time.LocalDate.now(clock), cap - 2_000);
        String s = startSession(l.token(), lessonId("ai-at-work", 1));
        after(5);
        beat(l.token(), s, 5, true, true, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(2.0f))
                .body("dailyCapReached", equalTo(true));
        after(5);
        beat(l.token(), s, 10, true, true, 1.0).then().statusCode(200).body("watchedSeconds", equalTo(2.0f));
        assertEquals(cap, Db.number("select credited_ms from watch_day where professional_id = ?", l.professionalId()));
    }

    @Test
    void badHeartbeatsAreRefusedAndChangeNothing() {
        Learners.Learner l = Learners.create();
        String s = startSession(l.token(), lessonId("ai-at-work", 1));
        after(5);
        as(l.token()).body(Map.of("positionSeconds", 5)).post("/api/sessions/" + s + "/heartbeats").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-heartbeat"));
        as(l.token()).body("{\"positionSeconds\":\"five\",\"playing\":true,\"visible\":true}")
                .post("/api/sessions/" + s + "/heartbeats").then().statusCode(400).body("type", equalTo("/problems/malformed-body"));
        beat(l.token(), s, -1, true, true, 1.0).then().statusCode(422).body("type", equalTo("/problems/invalid-position"));
        beat(l.token(), s, 5, true, true, 0).then().statusCode(422).body("type", equalTo("/problems/invalid-rate"));
        beat(l.token(), "not-a-uuid", 5, true, true, 1).then().statusCode(404);
        beat(l.token(), "00000000-0000-0000-0000-000000000000", 5, true, true, 1).then().statusCode(404);
        Learners.Learner other = Learners.create();
        beat(other.token(), s, 5, true, true, 1).then().statusCode(404);
        assertEquals(0, Db.number("select watched_ms from lesson_progress where professional_id = ?", l.professionalId()));
    }
}
