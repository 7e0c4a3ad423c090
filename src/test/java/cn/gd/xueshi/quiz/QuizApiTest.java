package cn.gd.xueshi.quiz;

import static cn.gd.xueshi.support.Api.as;
import static cn.gd.xueshi.support.Api.completeLessons;
import static cn.gd.xueshi.support.Api.courseId;
import static cn.gd.xueshi.support.Api.rightAnswers;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuizApiTest {

    @Test
    void quizStaysLockedUntilEveryLessonIsComplete() {
        Learners.Learner l = Learners.create();
        long course = courseId("data-security");
        as(l.token()).get("/api/courses/" + course + "/quiz").then().statusCode(409)
                .body("type", equalTo("/problems/quiz-locked")).body("detail", equalTo("请先学完本课程的全部视频，再参加测验。"));
        as(l.token()).body(Map.of("answers", Map.of())).post("/api/courses/" + course + "/quiz/attempts").then().statusCode(409);
        assertEquals(0, Db.number("select count(*) from quiz_attempt where professional_id = ?", l.professionalId()));
    }

    @Test
    void questionsLeaveWithoutTheirAnswers() {
        Learners.Learner l = Learners.create();
        long course = courseId("data-security");
        completeLessons(l.professionalId(), course);
        as(l.token()).get("/api/courses/" + course + "/quiz").then().statusCode(200)
                .body("questions", hasSize(5)).body("attemptsLeft", equalTo(3)).body("passMark", equalTo(60))
                .body("questions[0].options[0].id", org.hamcrest.Matchers.notNullValue())
                .body(not(containsString("correct")));
    }

    @Test
    void passingRegistersTheCourseHoursOnceAndAutomatically() {
        Learners.Learner l = Learners.create();
        long course = courseId("data-security");
        completeLessons(l.professionalId(), course);
        as(l.token()).body(rightAnswers(l.token(), course)).post("/api/courses/" + course + "/quiz/attempts").then()
                .statusCode(200).body("score", equalTo(100)).body("passed", equalTo(true))
                .body("attemptsLeft", equalTo(2)).body("hoursRegistered", equalTo(15.0f));
        as(l.token()).get("/api/me/hours?year=2026").then().statusCode(200)
                .body("earned.publicHours", equalTo(15.0f)).body("earned.total", equalTo(15.0f))
                .body("requirement.publicHours", equalTo(30.0f)).body("requirement.total", equalTo(90.0f))
                .body("entries", hasSize(1)).body("entries[0].source", equalTo("ONLINE_COURSE"))
                .body("entries[0].category", equalTo("PUBLIC")).body("entries[0].status", equalTo("CONFIRMED"))
                .body("entries[0].sourceRef", equalTo("course:2026:data-security"));
        as(l.token()).body(Map.of("answers", Map.of())).post("/api/courses/" + course + "/quiz/attempts").then()
                .statusCode(409).body("type", equalTo("/problems/quiz-passed"));
        as(l.token()).get("/api/courses/" + course).then().body("quiz.state", equalTo("PASSED"));
        assertEquals(1, Db.number("select count(*) from hour_entry where professional_id = ?", l.professionalId()));
    }

    @Test
    void threeFailedAttemptsRequireWatchingAgain() {
        Learners.Learner l = Learners.create();
        long course = courseId("data-security");
        completeLessons(l.professionalId(), course);
        int[] left = {2, 1, 0};
        for (int i = 0; i < 3; i++) {
            as(l.token()).body(Map.of("answers", Map.of())).post("/api/courses/" + course + "/quiz/attempts").then()
                    .statusCode(200).body("score", equalTo(0)).body("passed", equalTo(false))
                    .body("attemptsLeft", equalTo(left[i])).body("mustRewatch", equalTo(i == 2))
                    .body("hoursRegistered", equalTo(0));
        }
        assertEquals(0, Db.number("""
                select count(*) from lesson_progress p join lesson x on x.id = p.lesson_id
                 where p.professional_id = ? and x.course_id = ? and p.completed_at is not null""", l.professionalId(), course));
        as(l.token()).get("/api/courses/" + course + "/quiz").then().statusCode(409).body("type", equalTo("/problems/quiz-locked"));
        completeLessons(l.professionalId(), course);
        as(l.token()).get("/api/courses/" + course + "/quiz").then().statusCode(200).body("attemptsLeft", equalTo(3));
        assertEquals(2, Db.number("select round from course_enrollment where professional_id = ?", l.professionalId()));
        assertEquals(0, Db.number("select count(*) from hour_entry where professional_id = ?", l.professionalId()));
    }

    @Test
    void answersThatDoNotFitThePaperAreRefusedAndNotCounted() {
        Learners.Learner l = Learners.create();
        long course = courseId("data-security");
        completeLessons(l.professionalId(), course);
        as(l.token()).body(Map.of("answers", Map.of("999999", java.util.List.of(1)))).post("/api/courses/" + course + "/quiz/attempts")
                .then().statusCode(422).body("type", equalTo("/problems/answers-do-not-fit"));
        as(l.token()).body("{\"answers\": \"all of them\"}").post("/api/courses/" + course + "/quiz/attempts")
                .then().statusCode(400);
        as(l.token()).body(Map.of("answers", Map.of("abc", java.util.List.of(1)))).post("/api/courses/" + course + "/quiz/attempts")
                .then().statusCode(400).body("type", equalTo("/problems/invalid-question-id"));
        assertEquals(0, Db.number("select count(*) from quiz_attempt where professional_id = ?", l.professionalId()));
    }
}
