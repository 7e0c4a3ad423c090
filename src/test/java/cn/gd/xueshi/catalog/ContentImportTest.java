package cn.gd.xueshi.catalog;

import static cn.gd.xueshi.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
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
    @Test
    void aGuideWithHostileLinksImportedFromContentRendersNoLiveLinkOnTheCatalogPage(@TempDir Path dir) throws Throwable {
        ContentReaderTest.copyContent(dir);
        Files.writeString(dir.resolve("2026/guide-greater-bay-area.md"), """
                ## 指南

                [a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](&#106;avascript:alert(3)) <javascript:alert(4)>
                [d](data:text/html,x) ![e](javascript:alert(5)) <img src="javascript:alert(6)"> <script>alert(7)</script>
                [政府网站](https://www.gd.gov.cn/)
                """, StandardCharsets.UTF_8);
        try {
            assertEquals(new ContentImporter.Summary(0, 0, 3, 0, 0), importer.importFrom(dir));
            String page = given().get("/catalog/2026").then().statusCode(200).extract().asString();
            String guide = page.substring(page.lastIndexOf("<div class=\"markdown\">"));
            String rel = " rel=\"nofollow noopener noreferrer\"";
            assertEquals("<div class=\"markdown\"><h2>指南</h2>\n<p><a" + rel + ">a</a> <a" + rel + ">b</a> <a" + rel + ">c</a> <a" + rel
                    + ">javascript:alert(4)</a>\n<a" + rel + ">d</a> <img alt=\"e\"> &lt;img src=\"javascript:alert(6)\"&gt; "
                    + "&lt;script&gt;alert(7)&lt;/script&gt;\n<a href=\"https://www.gd.gov.cn/\"" + rel + ">政府网站</a></p>\n</div>",
                    guide.substring(0, guide.indexOf("</div>") + 6));
        } finally {
            importer.importFrom(Path.of("content"));
        }
        given().get("/catalog/2026").then().body(containsString("粤港澳大湾区"), not(containsString("javascript:alert")));
    }
}
