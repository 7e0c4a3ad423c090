package cn.gd.xueshi.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Api;
import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SecurityHeadersTest {

    private static void assertHardened(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        String store = SecurityHeaders.origin(ConfigProvider.getConfig().getValue("xueshi.storage.endpoint", String.class));
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: " + store + "; media-src 'self' "
                + store + "; connect-src 'self' " + store + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'", r.header("Content-Security-Policy"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"));
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Map<String, Integer> paths = Map.of("/catalog/2026", 200, "/api/catalog/2026", 200, "/static/app.css", 200,
                "/static/player.js", 200, "/api/no-such-thing", 404, "/no-such-page", 404, "/api/me/hours?year=2026", 401,
                "/q/health/live", 200);
        paths.forEach((path, status) -> assertHardened(given().redirects().follow(false).get(path), status));
        assertHardened(given().contentType("application/json").body("{").post("/api/auth/login"), 400);
        assertHardened(given().header("Authorization", "Bearer " + Learners.tokenFor("EDITOR")).get("/api/me/hours?year=2026"), 403);
    }

    @Test
    void theStoreOriginIsSchemeHostAndPort() {
        assertEquals("http://127.0.0.1:9000", SecurityHeaders.origin("http://127.0.0.1:9000/"));
        assertEquals("https://media.example.cn", SecurityHeaders.origin(" https://media.example.cn/bucket "));
    }

    /** What the policy refuses in a page: inline script, event handlers, style attributes, javascript: URLs. */
    private static List<String> inlineCode(String path, String html) {
        List<String> found = new ArrayList<>();
        for (Element e : Jsoup.parse(html).getAllElements()) {
            if (e.normalName().equals("script") && (!e.hasAttr("src") || !e.data().isBlank())) {
                found.add(path + ": inline script " + e.outerHtml());
            }
            if (e.normalName().equals("style")) {
                found.add(path + ": style element " + e.outerHtml());
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || key.equals("style")
                        || a.getValue().replaceAll("\\s", "").toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                    found.add(path + ": " + a.html() + " on <" + e.normalName() + ">");
                }
            }
        }
        return found;
    }

    @Test
    void noPageNeedsWhatThePolicyForbids() {
        Learners.Learner l = Learners.create();
        long course = Api.courseId("gba-rules");
        Api.completeLessons(l.professionalId(), course);
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : List.of("/catalog/2026", "/courses/" + course, "/lessons/" + Api.lessonId("gba-rules", 1),
                "/courses/" + course + "/quiz", "/me/hours", "/courses/999999")) {
            pages.put(path, given().accept("text/html").cookie("xueshi_token", l.token()).get(path).then()
                    .contentType(containsString("text/html")).extract().asString());
        }
        pages.put("/login", given().get("/login").then().statusCode(200).extract().asString());
        pages.put("/courses/" + course + " (anonymous)", given().get("/courses/" + course).then().statusCode(200).extract().asString());
        List<String> found = new ArrayList<>();
        pages.forEach((path, html) -> found.addAll(inlineCode(path, html)));
        assertEquals(List.of(), found);
        assertTrue(pages.get("/courses/999999").contains("没有找到"), pages.get("/courses/999999"));
    }
}
