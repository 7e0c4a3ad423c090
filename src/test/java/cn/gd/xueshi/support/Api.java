package cn.gd.xueshi.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Small helpers over REST Assured for the API as a learner calls it. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    public static long lessonId(String courseCode, int position) {
        return Db.number("""
                select l.id from lesson l join course c on c.id = l.course_id
                 where c.code = ? and c.superseded_at is null and l.position = ?""", courseCode, position);
    }

    public static long courseId(String courseCode) {
        return Db.number("select id from course where code = ? and superseded_at is null", courseCode);
    }

    public static String startSession(String token, long lessonId) {
        return as(token).post("/api/lessons/" + lessonId + "/sessions").then().statusCode(201).extract().path("sessionId");
    }

    public static Response beat(String token, String sessionId, double position, boolean playing, boolean visible, double rate) {
        return as(token).body(Map.of("positionSeconds", position, "playing", playing, "visible", visible, "playbackRate", rate))
                .post("/api/sessions/" + sessionId + "/heartbeats");
    }

    /** Marks every lesson of a course watched, as if the learner had watched them all. */
    public static void completeLessons(long professionalId, long courseId) {
        Db.update("""
                insert into lesson_progress (professional_id, lesson_id, watched, watched_ms, position_ms, completed_at)
                select ?, id, '0-' || duration_ms, duration_ms, duration_ms, now() from lesson where course_id = ?
                on conflict (professional_id, lesson_id) do update
                   set watched = excluded.watched, watched_ms = excluded.watched_ms, completed_at = excluded.completed_at""",
                professionalId, courseId);
    }

    /** The right answers to the paper the learner is shown now, read from the answer key. */
    public static Map<String, Object> rightAnswers(String token, long courseId) {
        java.util.List<Integer> ids = as(token).get("/api/courses/" + courseId + "/quiz").then().statusCode(200)
                .extract().path("questions.id");
        Map<String, Object> answers = new java.util.HashMap<>();
        for (Integer id : ids) {
            answers.put(String.valueOf(id), Db.numbers("select id from question_option where question_id = ? and correct", (long) id));
        }
        return Map.of("answers", answers);
    }
}
