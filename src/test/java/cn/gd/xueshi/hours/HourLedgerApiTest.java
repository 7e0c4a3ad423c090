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
        String hr = Learners.provinceHr().token();
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

    @Test
    void anHrAdministratorRevokesOnlyWithinTheirRegionAndAnyoneElsesEntryIsUnknownToThem() {
        Learners.Learner l = Learners.create(); // placed in Guangzhou (4401)
        Db.update("""
                insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title, recorded_by)
                values (?, 2026, 'ELECTIVE', 'DECLARATION', 'declaration:scope-test', 'CREDIT', 'CONFIRMED', 6, 'x', 'test')""",
                l.professionalId());
        long entry = Db.number("select id from hour_entry where professional_id = ?", l.professionalId());
        String path = "/api/hours/entries/" + entry + "/revocations";
        as(Learners.staff("HR_ADMIN", "CITY", "4403", null).token()).body(Map.of("reason", "深圳不管广州")).post(path).then()
                .statusCode(404);
        as(Learners.tokenFor("HR_ADMIN")).body(Map.of("reason", "没有辖区")).post(path).then().statusCode(404);
        assertEquals(1, Db.number("select count(*) from hour_entry where professional_id = ?", l.professionalId()));
        as(Learners.staff("HR_ADMIN", "CITY", "4401", null).token()).body(Map.of("reason", "广州市复核撤销")).post(path).then()
                .statusCode(201).body("hours", equalTo(-6.0f));
    }

    private static final List<String> FOREIGN = List.of("course", "subject", "lesson", "lesson_progress", "course_enrollment",
            "quiz_attempt", "playback_session", "watch_day", "watch_clock", "declaration", "declaration_evidence", "review_item",
            "review_transition", "professional", "employer", "account", "employment", "media_upload");

    /** The other features' tables a piece of SQL reads or writes. */
    static List<String> foreignTables(String sql) {
        String text = " " + sql.toLowerCase().replaceAll("[\\s,()]+", " ") + " ";
        return FOREIGN.stream().filter(t -> text.matches("(?s).*\\b(from|join|into|update) " + t + " .*")).toList();
    }

    @Test
    void theLedgerReadsNoOtherFeaturesTables() throws Exception {
        assertEquals(List.of("course", "lesson_progress"),
                foreignTables("select 1 from course c join lesson_progress p on p.lesson_id = c.id"), "the check itself can fail");
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/cn/gd/xueshi/hours"))) {
            for (java.nio.file.Path f : files.toList()) {
                java.util.regex.Matcher sql = java.util.regex.Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"([^\"]*)\"")
                        .matcher(java.nio.file.Files.readString(f));
                while (sql.find()) {
                    String text = sql.group(1) != null ? sql.group(1) : sql.group(2);
                    assertEquals(List.of(), foreignTables(text), f.getFileName() + ": " + text);
                }
            }
        }
    }
}
