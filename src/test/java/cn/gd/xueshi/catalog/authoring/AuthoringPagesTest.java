package cn.gd.xueshi.catalog.authoring;

import static cn.gd.xueshi.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import cn.gd.xueshi.support.Authoring;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;

/** The editors', reviewers' and HR's pages: who may open them, what a form refusal says, and what a guide may not carry. */
@QuarkusTest
class AuthoringPagesTest {

    private static final String CSRF = "page-test-csrf-token";

    @Test
    void staffPagesSendAnonymousVisitorsToSignInAndRefuseOtherRolesInChinese() {
        for (String page : new String[] {"/authoring", "/reviews", "/catalog-admin"}) {
            given().redirects().follow(false).get(page).then().statusCode(303).header("Location", containsString("/login?next="));
        }
        String learner = Learners.create().token();
        given().cookie("xueshi_token", learner).get("/authoring").then().statusCode(403).body(containsString("权限"));
        given().cookie("xueshi_token", Learners.editor().token()).get("/reviews").then().statusCode(403);
        given().cookie("xueshi_token", Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "HEALTH").token()).get("/catalog-admin")
                .then().statusCode(403);
        given().cookie("xueshi_token", Learners.editor().token()).get("/authoring").then().statusCode(200)
                .body(containsString("编辑工作台"), containsString("新建课程"));
    }

    @Test
    void aFormRefusalShowsThePageAgainWithTheReasonAndChangesNothing() {
        Learners.Staff editor = Learners.editor();
        String subject = Authoring.subject(2026);
        long before = Db.number("select count(*) from course where owner_account_id = ?", editor.accountId());
        given().cookie("xueshi_token", editor.token()).cookie("xueshi_csrf", CSRF).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", CSRF).formParam("subject", "2026/" + subject).formParam("category", "PROFESSIONAL")
                .formParam("sector", "").formParam("title", "缺行业的专业课件").formParam("hours", "1")
                .post("/authoring/courses").then().statusCode(422).body(containsString("请选择行业"));
        given().cookie("xueshi_token", editor.token()).cookie("xueshi_csrf", CSRF).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", CSRF).formParam("subject", "2026/" + subject).formParam("category", "PUBLIC")
                .formParam("title", "学时写错").formParam("hours", "1.25").post("/authoring/courses").then().statusCode(422)
                .body(containsString("学时须在 0.5 到 200 之间，最多一位小数"));
        given().cookie("xueshi_token", editor.token()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", "forged").formParam("subject", "2026/" + subject).formParam("category", "PUBLIC")
                .formParam("title", "跨站伪造").formParam("hours", "1").post("/authoring/courses").then().statusCode(403);
        assertEquals(before, Db.number("select count(*) from course where owner_account_id = ?", editor.accountId()));
    }

    @Test
    void aHostileGuideNeverReachesAPageAsMarkup() {
        Learners.Staff editor = Learners.editor();
        long course = Authoring.course(editor.token(), 2026, Authoring.subject(2026), "PUBLIC", null, "1.0");
        String hostile = "# 指南\n\n<script>alert(1)</script>\n\n[点我](javascript:alert(2))\n\n<img src=x onerror=alert(3)>\n\n"
                + "<iframe src=\"https://evil.example\"></iframe>\n\n**加粗**";
        as(editor.token()).body(Map.of("guideMarkdown", hostile, "description", "<svg onload=alert(4)>简介"))
                .patch("/api/authoring/courses/" + course).then().statusCode(200);
        String html = given().cookie("xueshi_token", editor.token()).get("/authoring/courses/" + course + "/preview").then()
                .statusCode(200).body(containsString("<strong>加粗</strong>")).extract().asString();
        // read as a browser would: no script, frame or svg element, no event handler, no javascript: link
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertEquals(0, page.select(".markdown script, iframe, svg, .markdown img").size(), html);
        assertEquals(1, page.select("script").size(), html); // the preview's own, from /static
        assertFalse(page.getAllElements().stream().anyMatch(e -> e.attributes().asList().stream()
                .anyMatch(a -> a.getKey().startsWith("on") || a.getValue().toLowerCase().contains("javascript:"))), html);
        // the editor page shows the guide as text to edit, escaped
        given().cookie("xueshi_token", editor.token()).get("/authoring/courses/" + course).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"), not(containsString("<script>alert")));
    }

    @Test
    void aReviewerOutsideTheScopeFindsNoItemAndNoPreview() throws Exception {
        Learners.Staff editor = Learners.editor();
        long course = Authoring.course(editor.token(), 2026, Authoring.subject(2026), "PROFESSIONAL", "HEALTH", "1.0");
        long review = Db.number("select id from review_item where kind = 'COURSE' and subject_id = ?", course);
        String engineering = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "ENGINEERING").token();
        given().cookie("xueshi_token", engineering).get("/reviews/" + review).then().statusCode(404);
        given().cookie("xueshi_token", engineering).get("/authoring/courses/" + course + "/preview").then().statusCode(404);
        given().cookie("xueshi_token", Learners.editor().token()).get("/authoring/courses/" + course).then().statusCode(404);
    }

    @Test
    void theProvincialHrDepartmentSetsUpAYearAndItsSubjectsFromTheBrowserAndACityOneCannot() {
        Learners.Staff hr = Learners.provinceHr();
        int year = 2090 + (int) (System.nanoTime() % 9);
        Db.update("delete from subject where year = ?", year);
        Db.update("delete from catalog_year where year = ?", year);
        given().cookie("xueshi_token", hr.token()).cookie("xueshi_csrf", CSRF).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .redirects().follow(false).formParam("csrf", CSRF).formParam("year", String.valueOf(year))
                .formParam("title", year + " 年度公需科目").post("/catalog-admin/years").then().statusCode(303);
        given().cookie("xueshi_token", hr.token()).cookie("xueshi_csrf", CSRF).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .redirects().follow(false).formParam("csrf", CSRF).formParam("year", String.valueOf(year)).formParam("code", "rule-of-law")
                .formParam("title", "法治素养").formParam("guideMarkdown", "# 学习指南").post("/catalog-admin/subjects").then().statusCode(303);
        given().cookie("xueshi_token", hr.token()).cookie("xueshi_csrf", CSRF).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", CSRF).formParam("year", String.valueOf(year)).formParam("code", "Bad Code!")
                .formParam("title", "x").post("/catalog-admin/subjects").then().statusCode(422).body(containsString("科目代码只能用小写字母"));
        given().cookie("xueshi_token", hr.token()).get("/catalog-admin").then().statusCode(200)
                .body(containsString(year + " 年度 · " + year + " 年度公需科目"), containsString("法治素养"));
        // editors find the new subject to write in
        as(Learners.editor().token()).get("/api/catalog/years").then().statusCode(200)
                .body(containsString("rule-of-law"));

        Learners.Staff cityHr = Learners.staff("HR_ADMIN", "CITY", "4403", null);
        given().cookie("xueshi_token", cityHr.token()).cookie("xueshi_csrf", CSRF).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", CSRF).formParam("year", String.valueOf(year)).formParam("code", "city-subject")
                .formParam("title", "市里的科目").post("/catalog-admin/subjects").then().statusCode(403)
                .body(containsString("年度目录和科目由省人力资源社会保障部门设置"));
        as(cityHr.token()).body(Map.of("code", "city-subject", "title", "市里的科目")).post("/api/catalog/years/" + year + "/subjects")
                .then().statusCode(403).body("type", org.hamcrest.Matchers.equalTo("/problems/not-province"));
        assertEquals(1, Db.number("select count(*) from subject where year = ?", year));
    }

    @Test
    void aLongGuideInChineseIsSavedByTheFormAndTheApiWhileOtherBodiesStaySmall() {
        Learners.Staff editor = Learners.editor();
        long course = Authoring.course(editor.token(), 2026, Authoring.subject(2026), "PUBLIC", null, "1.0");
        String guide = "学".repeat(40_000); // 120 KB of UTF-8; 360 KB once a form percent-encodes it
        given().cookie("xueshi_token", editor.token()).cookie("xueshi_csrf", CSRF)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false)
                .formParam("csrf", CSRF).formParam("category", "PUBLIC").formParam("title", "长指南课程").formParam("hours", "1.0")
                .formParam("description", "").formParam("guideMarkdown", guide).post("/authoring/courses/" + course).then().statusCode(303);
        assertEquals(40_000, Db.number("select char_length(guide_markdown) from course where id = ?", course));
        as(editor.token()).body(Map.of("guideMarkdown", guide + "。")).patch("/api/authoring/courses/" + course).then().statusCode(200);
        assertEquals(40_001, Db.number("select char_length(guide_markdown) from course where id = ?", course));
        // elsewhere the 64 KB limit holds
        as(editor.token()).body(Map.of("title", "学".repeat(30_000))).post("/api/authoring/courses/" + course + "/lessons").then()
                .statusCode(413).body("type", org.hamcrest.Matchers.equalTo("/problems/http-413"));
    }
}
