package cn.gd.xueshi.web;

import static cn.gd.xueshi.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Api;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class PagesTest {

    private static final String CSRF = "test-csrf-token-0123456789";

    @Test
    void theCatalogPageShowsSubjectsGuidesAndCoursesInChinese() {
        given().get("/catalog/2026").then().statusCode(200).contentType(containsString("charset=UTF-8"))
                .body(containsString("数字经济与人工智能"), containsString("学习指南"), containsString("人工智能与专业技术工作"),
                        containsString("15.0 学时"));
    }

    @Test
    void theSharedCatalogPageCarriesEachVisitorsOwnNameAndTokenEscaped() {
        Learners.Learner a = Learners.create();
        String hostile = Learners.token(a.accountId(), "<b>王</b>", java.util.Set.of("PROFESSIONAL"), a.professionalId());
        for (int i = 0; i < 2; i++) {
            given().cookie("xueshi_token", a.token()).cookie("xueshi_csrf", CSRF).get("/catalog/2026").then().statusCode(200)
                    .body(containsString("<span class=\"who\">" + a.username() + "</span>"),
                            containsString("name=\"csrf\" value=\"" + CSRF + "\""), containsString("我的学时"));
            given().cookie("xueshi_token", hostile).cookie("xueshi_csrf", CSRF + "-b").get("/catalog/2026").then()
                    .statusCode(200).body(containsString("<span class=\"who\">&lt;b&gt;王&lt;/b&gt;</span>"),
                            containsString("content=\"" + CSRF + "-b\""), not(containsString(a.username())));
            Response anonymous = given().get("/catalog/2026");
            String fresh = anonymous.getCookie("xueshi_csrf");
            assertTrue(fresh != null && fresh.length() >= 16);
            anonymous.then().body(containsString("content=\"" + fresh + "\""), containsString(">登录</a>"),
                    not(containsString("我的学时")), not(containsString(a.username())));
        }
    }

    @Test
    void signingInThroughTheFormSetsAnHttpOnlySameSiteCookie() {
        Learners.Learner l = Learners.create();
        Response r = given().redirects().follow(false).cookie("xueshi_csrf", CSRF).formParam("csrf", CSRF)
                .formParam("username", l.username()).formParam("password", Learners.PASSWORD).formParam("next", "/me/hours")
                .post("/login");
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/me/hours"), r.header("Location"));
        String cookie = r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("xueshi_token=")).findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        given().cookie("xueshi_token", r.cookie("xueshi_token")).get("/me/hours").then().statusCode(200)
                .body(containsString("我的学时"), containsString("公需科目"));
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRefused() {
        given().redirects().follow(false).formParam("username", "learner1").formParam("password", "xueshi-demo")
                .post("/login").then().statusCode(403).body(containsString("页面已过期"));
    }

    @Test
    void aWrongPasswordOnTheFormSaysSoInChinese() {
        given().cookie("xueshi_csrf", CSRF).formParam("csrf", CSRF).formParam("username", "learner1")
                .formParam("password", "wrong").post("/login").then().statusCode(401).body(containsString("用户名或密码不正确"));
    }

    @Test
    void pagesForLearnersSendAnonymousVisitorsToSignIn() {
        given().redirects().follow(false).get("/me/hours").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Fme%2Fhours"));
        given().cookie("xueshi_token", Learners.tokenFor("EDITOR")).get("/me/hours").then().statusCode(403)
                .body(containsString("没有权限"));
    }

    @Test
    void aStaleCookieOnAnOpenPageIsTreatedAsSignedOut() {
        given().cookie("xueshi_token", "not-a-token").get("/catalog/2026").then().statusCode(200).body(containsString("登录"));
    }

    @Test
    void apiCallsSignedInByCookieNeedTheCsrfHeader() {
        Learners.Learner l = Learners.create();
        long lesson = Api.lessonId("ai-at-work", 1);
        given().contentType("application/json").cookie("xueshi_token", l.token()).cookie("xueshi_csrf", CSRF).post("/api/lessons/" + lesson + "/sessions")
                .then().statusCode(403).body("type", equalTo("/problems/csrf"));
        given().contentType("application/json").cookie("xueshi_token", l.token()).cookie("xueshi_csrf", CSRF).header("X-CSRF-Token", CSRF)
                .post("/api/lessons/" + lesson + "/sessions").then().statusCode(201);
    }

    @Test
    void anyAuthorizationHeaderBesideTheCookieStillNeedsTheCsrfHeader() {
        Learners.Learner l = Learners.create();
        Learners.Learner other = Learners.create();
        long lesson = Api.lessonId("ai-at-work", 1);
        for (String authorization : List.of("Basic eHl6OnBhc3M=", "Bearer", "Bearer ", "Bearer not-a-token", "Bearer " + other.token(),
                "Negotiate abc")) {
            given().contentType("application/json").cookie("xueshi_token", l.token()).cookie("xueshi_csrf", CSRF)
                    .header("Authorization", authorization).post("/api/lessons/" + lesson + "/sessions")
                    .then().statusCode(403).body("type", equalTo("/problems/csrf"));
        }
        assertEquals(0, Db.number("select count(*) from playback_session where professional_id in (?, ?)", l.professionalId(),
                other.professionalId()));
        // an API client with its Bearer token and no cookie needs no CSRF token
        Api.as(other.token()).post("/api/lessons/" + lesson + "/sessions").then().statusCode(201);
    }

    @Test
    void everyPageThatShowsADemoCourseSaysSo() {
        long course = Api.courseId("gba-rules");
        given().get("/catalog/2026").then().statusCode(200).body(containsString("<span class=\"badge demo\">演示课程</span>"));
        given().get("/courses/" + course).then().statusCode(200).body(containsString("<span class=\"badge demo\">演示课程</span>"),
                containsString("演示课程：视频为示意短片"));
        Learners.Learner l = Learners.create();
        given().cookie("xueshi_token", l.token()).get("/lessons/" + Api.lessonId("gba-rules", 1)).then().statusCode(200)
                .body(containsString("<span class=\"badge demo\">演示课程</span>"));
        as(null).get("/api/courses/" + course).then().body("demo", equalTo(true));
        as(null).get("/api/catalog/2026").then().body("subjects[1].courses[0].demo", equalTo(true));
    }

    @Test
    void aTokenCookieHoweverItIsSentNeverSignsInWithoutTheCsrfHeader() throws Exception {
        Learners.Learner l = Learners.create();
        String target = "/api/lessons/" + Api.lessonId("ai-at-work", 1) + "/sessions";
        String token = "xueshi_token=" + l.token();
        List<Map<String, String>> cookies = List.of(Map.of("cookie", token), Map.of("Cookie", "$Version=1; " + token),
                Map.of("Cookie", "xueshi_token=\"" + l.token() + "\""), Map.of("Cookie", token + "; xueshi_token=x"),
                Map.of("Cookie", "a=b, " + token), new LinkedHashMap<>(Map.of("Cookie", token, "cookie", "a=b")),
                new LinkedHashMap<>(Map.of("Cookie", "a=b", "cookie", token)));
        for (Map<String, String> cookie : cookies) {
            Map<String, String> headers = new LinkedHashMap<>(cookie);
            headers.put("Content-Type", "application/json");
            headers.put("Authorization", "Basic eHl6OnBhc3M=");
            int status = RawHttp.send("POST", target, headers, new byte[0]).status();
            assertTrue(status == 401 || status == 403, cookie + " answered " + status);
        }
        assertEquals(0, Db.number("select count(*) from playback_session where professional_id = ?", l.professionalId()));
    }

    @Test
    void theCourseAndQuizPagesFollowTheLearnersProgress() {
        Learners.Learner l = Learners.create();
        long course = Api.courseId("data-security");
        given().cookie("xueshi_token", l.token()).get("/courses/" + course).then().statusCode(200)
                .body(containsString("开始学习"), containsString("学完全部视频后解锁测验"));
        given().cookie("xueshi_token", l.token()).get("/courses/" + course + "/quiz").then().statusCode(409)
                .body(containsString("请先学完本课程的全部视频"));
        Api.completeLessons(l.professionalId(), course);
        given().cookie("xueshi_token", l.token()).get("/courses/" + course).then().statusCode(200)
                .body(containsString("已完成"), containsString("参加测验"));
        given().cookie("xueshi_token", l.token()).get("/courses/" + course + "/quiz").then().statusCode(200)
                .body(containsString("提交答卷"), containsString("60 分及格"));
        as(l.token()).get("/api/courses/" + course).then().body("quiz.state", equalTo("OPEN"));
    }

    @Test
    void learnersReadingTheirCoursesAtTheSameMomentEachSeeTheirOwnProgress() throws Exception {
        long course = Api.courseId("data-security");
        java.util.List<Learners.Learner> learners = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Learners.Learner l = Learners.create();
            if (i % 3 == 0) {
                Api.completeLessons(l.professionalId(), course);
            }
            learners.add(l);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            for (int round = 0; round < 3; round++) {
                var start = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<String>> pages = new java.util.ArrayList<>();
                for (Learners.Learner l : learners) {
                    pages.add(pool.submit(() -> {
                        start.await();
                        return given().cookie("xueshi_token", l.token()).get("/courses/" + course).then().statusCode(200)
                                .extract().asString();
                    }));
                }
                start.countDown();
                for (int i = 0; i < learners.size(); i++) {
                    String page = pages.get(i).get();
                    assertTrue(page.contains("<span class=\"who\">" + learners.get(i).username() + "</span>"), page);
                    if (i % 3 == 0) {
                        assertTrue(page.contains("已完成") && page.contains("参加测验") && page.contains("本轮还有 <strong>3</strong> 次机会"),
                                "learner " + i + " finished every lesson");
                    } else {
                        assertTrue(page.contains("开始学习") && !page.contains("已完成") && page.contains("学完全部视频后解锁测验"),
                                "learner " + i + " has not started");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPausedSignInOnTheFormSaysHowLongAndSendsRetryAfter() {
        Learners.Learner l = Learners.create();
        for (int i = 0; i < 5; i++) {
            given().cookie("xueshi_csrf", CSRF).formParam("csrf", CSRF).formParam("username", l.username())
                    .formParam("password", "wrong-password").post("/login").then().statusCode(401);
        }
        given().cookie("xueshi_csrf", CSRF).formParam("csrf", CSRF).formParam("username", l.username())
                .formParam("password", Learners.PASSWORD).post("/login").then().statusCode(429).header("Retry-After", "30")
                .body(containsString("密码错误次数过多，请 30 秒后再试。"));
    }

    @Test
    void theQuizFormIsGradedAndSigningOutClearsTheCookie() {
        Learners.Learner l = Learners.create();
        long course = Api.courseId("data-security");
        Api.completeLessons(l.professionalId(), course);
        Map<String, Object> answers = Api.rightAnswers(l.token(), course);
        var form = given().cookie("xueshi_token", l.token()).cookie("xueshi_csrf", CSRF).formParam("csrf", CSRF);
        ((Map<?, ?>) answers.get("answers")).forEach((question, options) -> form.formParam("q" + question, ((List<?>) options).toArray()));
        form.post("/courses/" + course + "/quiz").then().statusCode(200).body(containsString("恭喜，您已通过测验"));
        assertEquals(1, Db.number("select count(*) from quiz_attempt where professional_id = ? and passed", l.professionalId()));
        Response out = given().redirects().follow(false).cookie("xueshi_csrf", CSRF).formParam("csrf", CSRF).post("/logout");
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("xueshi_token=;") && c.contains("Max-Age=0")),
                out.headers().toString());
    }

    @Test
    void redirectsAfterSignInStayOnThisSite() {
        assertEquals("/", cn.gd.xueshi.identity.SignInPages.safeNext("//elsewhere.example/x"));
        assertEquals("/", cn.gd.xueshi.identity.SignInPages.safeNext("https://elsewhere.example/"));
        assertEquals("/me/hours", cn.gd.xueshi.identity.SignInPages.safeNext("/me/hours"));
    }
}
