package cn.gd.xueshi.catalog;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.gd.xueshi.support.Api;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContentImportTest {

    @Inject
    ContentImporter importer;

    @Test
    void importingTheSameContentAgainChangesNothing() throws Throwable {
        long courses = Db.number("select count(*) from course");
        long lessons = Db.number("select count(*) from lesson");
        long questions = Db.number("select count(*) from question");
        ContentImporter.Summary s = importer.importFrom(Path.of("content"));
        assertEquals(new ContentImporter.Summary(0, 0, 3, 0, 0), s);
        assertEquals(courses, Db.number("select count(*) from course"));
        assertEquals(lessons, Db.number("select count(*) from lesson"));
        assertEquals(questions, Db.number("select count(*) from question"));
    }

    @Test
    void changedContentBecomesANewVersionAndProgressOnTheOldOneIsKept(@TempDir Path dir) throws Throwable {
        ContentReaderTest.copyContent(dir);
        long oldId = Api.courseId("gba-rules");
        Learners.Learner l = Learners.create();
        Api.completeLessons(l.professionalId(), oldId);
        Path manifest = dir.resolve("2026/catalog.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("hours: 30", "hours: 20"), StandardCharsets.UTF_8);
        try {
            assertEquals(new ContentImporter.Summary(0, 1, 2, 0, 0), importer.importFrom(dir));
            long newId = Api.courseId("gba-rules");
            assertNotEquals(oldId, newId);
            as(null).get("/api/courses/" + newId).then().statusCode(200).body("hours", equalTo(20.0f))
                    .body("version", equalTo((int) Db.number("select version from course where id = ?", oldId) + 1))
                    .body("current", equalTo(true));
            as(null).get("/api/courses/" + oldId).then().statusCode(200).body("current", equalTo(false));
            as(null).get("/api/catalog/2026").then().body("subjects[1].courses[0].id", equalTo((int) newId));
            assertEquals(2, Db.number("""
                    select count(*) from lesson_progress p join lesson x on x.id = p.lesson_id
                     where p.professional_id = ? and x.course_id = ? and p.completed_at is not null""", l.professionalId(), oldId));
        } finally {
            importer.importFrom(Path.of("content"));
        }
        as(null).get("/api/courses/" + Api.courseId("gba-rules")).then().body("hours", equalTo(30.0f));
    }
}
