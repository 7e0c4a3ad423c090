package cn.gd.xueshi.hours;

import static cn.gd.xueshi.support.Api.as;
import static cn.gd.xueshi.support.Api.completeLessons;
import static cn.gd.xueshi.support.Api.courseId;
import static cn.gd.xueshi.support.Api.rightAnswers;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Parallel;
import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HourLedgerApiTest {

    @Test
    void twentyConcurrentCompletionsRegisterOneEntry() throws Exception {
        Learners.Learner l = Learners.create();
        long course = courseId("ai-at-work");
        completeLessons(l.professionalId(), course);
        Map<String, Object> answers = rightAnswers(l.token(), course);
        List<Integer> statuses = Parallel.race(20, () -> as(l.token()).body(answers)
                .post("/api/courses/" + course + "/quiz/attempts").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, Db.number("select count(*) from hour_entry where professional_id = ?", l.professionalId()));
        assertEquals(1, Db.number("select count(*) from quiz_attempt where professional_id = ?", l.professionalId()));
    }

    @Test
    void theDatabaseItselfRefusesASecondCreditForTheSameSource() throws Exception {
        Learners.Learner l = Learners.create();
        List<Integer> inserted = Parallel.race(20, () -> {
            try (Connection c = Db.connect(); PreparedStatement ps = c.prepareStatement("""
                    insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title, recorded_by)
                    values (?, 2026, 'PUBLIC', 'ONLINE_COURSE', 'course:2026:race', 'CREDIT', 'CONFIRMED', 10, 'race', 'test')""")) {
                ps.setLong(1, l.professionalId());
                return ps.executeUpdate();
            } catch (SQLException e) {
                assertEquals("23505", e.getSQLState(), e.getMessage());
                return 0;
            }
        });
        assertEquals(1, inserted.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void ledgerEntriesCanBeNeitherChangedNorDeleted() throws Exception {
        Learners.Learner l = Learners.create();
        Db.update("""
                insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title, recorded_by)
                values (?, 2026, 'PUBLIC', 'ONLINE_COURSE', 'course:2026:x', 'CREDIT', 'CONFIRMED', 10, 'x', 'test')""",
                l.professionalId());
        IllegalStateException update = assertThrows(IllegalStateException.class,
                () -> Db.update("update hour_entry set hours = 99 where professional_id = ?", l.professionalId()));
        assertTrue(update.getCause().getMessage().contains("append-only"), update.getCause().getMessage());
        assertThrows(IllegalStateException.class, () -> Db.update("delete from hour_entry where professional_id = ?", l.professionalId()));
        assertEquals(10, Db.number("select hours from hour_entry where professional_id = ?", l.professionalId()));
    }

    @Test
    void anHrAdministratorRevokesHoursWithAReasonByAReversingEntry() {
        Learners.Learner l = Learners.create();
        long course = courseId("ai-at-work");
        completeLessons(l.professionalId(), course);
        as(l.token()).body(rightAnswers(l.token(), course)).post("/api/courses/" + course + "/quiz/attempts").then().statusCode(200);
        long entry = Db.number("select id from hour_entry where professional_id = ?", l.professionalId());
        String hr = Learners.tokenFor("HR_ADMIN");
        as(hr).body(Map.of("reason", " ")).post("/api/hours/entries/" + entry + "/revocations").then().statusCode(422);
        as(hr).body(Map.of("reason", "重复学习同一课程")).post("/api/hours/entries/" + entry + "/revocations").then()
                .statusCode(201).body("kind", equalTo("REVERSAL")).body("hours", equalTo(-15.0f))
                .body("reverses", equalTo((int) entry)).body("reason", equalTo("重复学习同一课程"));
        as(hr).body(Map.of("reason", "again")).post("/api/hours/entries/" + entry + "/revocations").then().statusCode(409)
                .body("type", equalTo("/problems/already-revoked"));
        as(hr).body(Map.of("reason", "x")).post("/api/hours/entries/99999999/revocations").then().statusCode(404);
        as(l.token()).get("/api/me/hours?year=2026").then().statusCode(200)
                .body("earned.publicHours", equalTo(0.0f)).body("entries.size()", equalTo(2));
    }

    @Test
    void requirementForAYearWithoutItsOwnRowIsTheLatestBeforeIt() {
        Learners.Learner l = Learners.create();
        as(l.token()).get("/api/me/hours?year=2019").then().statusCode(200)
                .body("requirement.total", equalTo(72.0f)).body("requirement.publicHours", equalTo(18.0f));
        as(l.token()).get("/api/me/hours?year=2020").then().body("requirement.total", equalTo(84.0f));
        as(l.token()).get("/api/me/hours?year=2030").then().body("requirement.total", equalTo(90.0f))
                .body("requirement.elective", equalTo(18.0f));
        as(l.token()).get("/api/me/hours?year=abc").then().statusCode(400).body("type", equalTo("/problems/invalid-year"));
    }
}
