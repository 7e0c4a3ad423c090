package cn.gd.xueshi.shared;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gd.xueshi.support.Api;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.Parallel;
import cn.gd.xueshi.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * Every operation the API document lists, called with malformed paths, parameters, bodies and
 * headers, anonymously and as every role: never a 5xx, never a stack trace or class name. A new
 * endpoint is covered the day it is added.
 */
@QuarkusTest
class MalformedInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOSTILE_IDS = List.of("abc", "-1", "0", "99999999999999999999", "%00", "%ZZ", "1%00",
            "..%2F..%2Fetc", "00000000-0000-0000-0000-000000000000", "%F0%9F%98%80", "1.5", "%E4%B8");
    private static final List<String> HOSTILE_QUERIES = List.of("year=%ZZ", "year=%00", "year=99999999999", "year=-1",
            "state=%00", "a=%E4%B8&b", "year=2026&year=2027");
    private static final List<Object> HOSTILE_VALUES = List.of("\u0000", "x".repeat(5_000), new BigInteger("9".repeat(400)),
            new BigInteger("-9223372036854775809"), 1e308, -1, true, List.of(List.of()), Map.of("1", List.of("\u0000")),
            Map.of("99999999999999999999", List.of(new BigInteger("9".repeat(30)))));
    private static final List<Map<String, String>> ABSURD_HEADERS = List.of(Map.of("Authorization", "Basic Zm9vOmJhcg=="),
            Map.of("Authorization", "Bearer"), Map.of("Authorization", "Bearer a.b.c"), Map.of("Authorization", "Bearer " + "x".repeat(6_000)),
            Map.of("Accept", "application/xml"), Map.of("Accept", ";;;"), Map.of("Accept-Language", "zz;q=x"),
            Map.of("Cookie", "xueshi_token=a.b.c"), Map.of("Cookie", "=;;=="), Map.of("Content-Encoding", "gzip"),
            Map.of("X-HTTP-Method-Override", "DELETE"), Map.of("If-Modified-Since", "garbage"), Map.of("Range", "bytes=abc"));
    static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static void assertNoServerError(int status, String body, String what) {
        assertTrue(status < 500, () -> what + " answered " + status + ": " + body);
        for (String leak : List.of("Exception", "\tat ", "java.", "cn.gd.xueshi", "io.vertx", "org.hibernate")) {
            assertTrue(!body.contains(leak), () -> what + " leaked " + leak + ": " + body);
        }
    }

    /**
     * No 5xx and no leak; and a refusal that has a body says why in Chinese (as problem+json under
     * /api). Only the HTTP layer's own refusals of requests that are not valid HTTP (a URI that is
     * not a URI, a body over the size limit) come before any of our code and carry no body at all.
     */
    private static void assertRefusedInChinese(int status, String body, String target, String what) {
        assertNoServerError(status, body, what);
        if (status >= 400 && !body.isEmpty()) {
            assertTrue(body.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), () -> what + " answered " + status + " without Chinese: " + body);
            if (target.startsWith("/api/")) {
                assertTrue(body.contains("\"type\":\"/problems/"), () -> what + " answered " + status + " without a problem: " + body);
            }
        }
    }

    private static void assertNoServerError(Response r, String what) {
        assertNoServerError(r.statusCode(), r.asString(), what);
    }

    /** Bodies of the operation's own shape with every value the wrong kind of thing, one kind per body. */
    private static List<String> hostileBodies(JsonNode operation, JsonNode doc) throws Exception {
        JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
        if (schema.has("$ref")) {
            schema = doc.at(schema.get("$ref").asText().substring(1));
        }
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        List<String> bodies = new ArrayList<>();
        for (Object value : HOSTILE_VALUES) {
            Map<String, Object> body = new LinkedHashMap<>();
            names.forEach(name -> body.put(name, value instanceof String text ? text + name : value));
            body.put("\u0000", List.of(Map.of()));
            bodies.add(JSON.writeValueAsString(body));
        }
        return bodies;
    }

    private static void call(String method, String target, String token, Map<String, String> extra, String contentType, byte[] body,
            String what) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        RawHttp.Answer answer = RawHttp.send(method, target, headers, body);
        assertRefusedInChinese(answer.status(), answer.body(), target, what);
    }

    @Test
    void noOperationAnswersMalformedInputWithAServerError() throws Exception {
        String raw = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode doc = JSON.readTree(raw);
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add(Learners.create().token());
        for (String role : List.of("EDITOR", "EMPLOYER_ADMIN", "AUTHORITY_REVIEWER", "HR_ADMIN", "SYSTEM")) {
            tokens.add(Learners.tokenFor(role));
        }
        int calls = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) doc.get("paths")::fields) {
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String method = op.getKey().toUpperCase();
                boolean hasBody = !method.equals("GET") && !method.equals("DELETE");
                List<String> targets = new ArrayList<>();
                for (String id : HOSTILE_IDS) {
                    targets.add(path.getKey().replaceAll("\\{[^}]+}", id));
                }
                String plain = path.getKey().replaceAll("\\{[^}]+}", "1");
                for (String q : HOSTILE_QUERIES) {
                    targets.add(plain + "?" + q);
                }
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asText())) {
                        for (String value : List.of("%00", "%E4%B8", "99999999999999999999", "-1", "abc", "", "x".repeat(3_000))) {
                            targets.add(plain + "?" + parameter.path("name").asText() + "=" + value);
                        }
                    }
                }
                List<String[]> bodies = List.of(new String[] {"application/json", "{"}, new String[] {"application/json", "[1,2]"},
                        new String[] {"application/json", "null"}, new String[] {"application/json", "\"\\u0000\""},
                        new String[] {"application/json", "{\"a\":1e99999}"},

                        new String[] {"application/json", "{\"x\":\"\\ud800\"}"},
                        new String[] {"application/x-www-form-urlencoded", "a=%ZZ&b"}, new String[] {"text/plain", "\u0000"},
                        new String[] {"application/json; charset=latin-1", "{\"x\":1}"}, new String[] {"application/json; charset=utf-16", "{}"},
                        new String[] {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\u0000\r\n--x--"},
                        new String[] {"application/xml", "<a/>"}, new String[] {"application/json", "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"},
                        new String[] {"application/json", "\uFEFF{}"}, new String[] {"application/json", "{\"a\":1}{\"b\":2}"});
                List<String> shaped = hasBody ? hostileBodies(op.getValue(), doc) : List.of();
                for (String token : tokens) {
                    for (String target : targets) {
                        call(method, target, token, Map.of(), hasBody ? "application/json" : null,
                                hasBody ? "{}".getBytes(StandardCharsets.UTF_8) : null, method + " " + target);
                        calls++;
                    }
                    if (hasBody) {
                        for (String[] body : bodies) {
                            call(method, plain, token, Map.of(), body[0], body[1].getBytes(StandardCharsets.UTF_8),
                                    method + " " + plain + " with " + body[1]);
                            calls++;
                        }
                        for (String body : shaped) {
                            call(method, plain, token, Map.of(), "application/json", body.getBytes(StandardCharsets.UTF_8),
                                    method + " " + plain + " with " + body.substring(0, Math.min(body.length(), 120)));
                            calls++;
                        }
                        // a byte sequence that is not UTF-8 at all
                        call(method, plain, token, Map.of(), "application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3,
                            (byte) 0x28, '"', '}'}, method + " " + plain + " with broken UTF-8");
                        calls++;
                    }
                    call(method, plain, token == null ? null : token + "x", Map.of("Accept", "*/*;q=abc", "X-CSRF-Token", "%ZZ",
                            "Cookie", "xueshi_token=%ZZ; xueshi_csrf=\u00e9"), null, null, method + " " + plain + " with odd headers");
                    calls++;
                    for (Map<String, String> headers : ABSURD_HEADERS) {
                        call(method, plain, headers.containsKey("Authorization") ? null : token, headers, hasBody ? "application/json" : null,
                                hasBody ? "{}".getBytes(StandardCharsets.UTF_8) : null, method + " " + plain + " with " + headers.keySet());
                        calls++;
                    }
                }
            }
        }
        assertTrue(calls > 500, "walked " + calls + " calls");
    }

    @Test
    void nulCharactersAnywhereAreA400InChinese() {
        Api.as(null).body(Map.of("username", "lear\u0000ner1", "password", "xueshi-demo")).post("/api/auth/login").then()
                .statusCode(400).body("type", org.hamcrest.Matchers.equalTo("/problems/invalid-text"))
                .body("detail", org.hamcrest.Matchers.equalTo("输入内容含有不允许的字符（如空字符或控制字符），请删除后重试。"));
        String hr = Learners.tokenFor("HR_ADMIN");
        Api.as(hr).body(Map.of("reason", "bad\u0000reason")).post("/api/hours/entries/1/revocations").then().statusCode(400);
        String csrf = "malformed-csrf-token-0123456";
        Response page = given().cookie("xueshi_csrf", csrf).formParam("csrf", csrf).formParam("username", "lear\u0000ner1")
                .formParam("password", "xueshi-demo").post("/login");
        assertEquals(400, page.statusCode(), page.asString());
        assertTrue(page.asString().contains("不允许的字符"), page.asString());
    }

    @Test
    void everyPageFormAnswersABrokenBodyWithAChinesePage() throws Exception {
        Learners.Learner l = Learners.create();
        long course = Api.courseId("data-security");
        Api.completeLessons(l.professionalId(), course);
        String csrf = "malformed-csrf-token-0123456";
        List<String> broken = List.of("%", "csrf=%ZZ", "a=%ZZ&b", "csrf=" + csrf + "&q1=%C3%28", "csrf=" + csrf + "&q%ZZ=1",
                "csrf=" + csrf + "&username=%00&password=x", "csrf=" + csrf + "&username=a&password=x%ED%A0%80");
        List<String> odd = List.of("=&=&&", "csrf=" + csrf + "&username=" + "a".repeat(20_000) + "&password=x",
                "csrf=" + csrf + "&q1=99999999999999999999", "csrf=" + csrf + "&q-1=-1");
        for (String cookie : new String[] {"xueshi_csrf=" + csrf, "xueshi_token=" + l.token() + "; xueshi_csrf=" + csrf}) {
            for (String page : List.of("/login", "/logout", "/courses/" + course + "/quiz")) {
                for (String body : concat(broken, odd)) {
                    String what = "POST " + page + " with " + body.substring(0, Math.min(body.length(), 60));
                    RawHttp.Answer answer = RawHttp.send("POST", page, Map.of("Cookie", cookie, "Content-Type",
                            "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8));
                    if (broken.contains(body)) {
                        // 400, or the 401/403 of a page the visitor may not use at all
                        assertTrue(answer.status() >= 400, () -> what + " answered " + answer.status() + ": " + answer.body());
                    }
                    assertRefusedInChinese(answer.status(), answer.body(), page, what);
                }
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void brokenPercentEncodingInAFormIsA400Page() {
        Response r = given().config(RAW).contentType("application/x-www-form-urlencoded").body("a=%ZZ&b").post("/login");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.asString());
        assertNoServerError(r, "POST /login a=%ZZ&b");
    }

    @Test
    void aSignInWithAnUnsafeNextStillLandsOnASafePage() {
        String csrf = "malformed-csrf-token-0123456";
        for (String next : List.of("/me/hours x", "/me/hours\tx", "/me/hours\r\nSet-Cookie: a=b", "/%ZZ", "//evil.example",
                "/\\evil.example", "https://evil.example")) {
            Response r = given().redirects().follow(false).cookie("xueshi_csrf", csrf).formParam("csrf", csrf)
                    .formParam("username", "learner1").formParam("password", "xueshi-demo").formParam("next", next).post("/login");
            assertEquals(303, r.statusCode(), next + ": " + r.asString());
            String location = r.header("Location");
            assertTrue(location.endsWith("/") || location.endsWith("/%ZZ"), next + " → " + location);
            assertTrue(!location.contains("evil") && !location.contains("\n"), next + " → " + location);
        }
    }

    @Test
    void twelveSimultaneousQuizSubmissionsAreGradedWithinTheLimitAndNoneFails() throws Exception {
        Learners.Learner l = Learners.create();
        long course = Api.courseId("data-security");
        Api.completeLessons(l.professionalId(), course);
        Map<String, Object> answers = Map.of("answers", Map.of());
        List<Integer> seen = Parallel.race(12, () -> Api.as(l.token()).body(answers).post("/api/courses/" + course + "/quiz/attempts")
                .statusCode());
        assertTrue(seen.stream().allMatch(s -> s == 200 || s == 201 || s == 409 || s == 422), seen.toString());
        assertEquals(List.of(1L), Db.numbers("select distinct round from quiz_attempt where professional_id = ?", l.professionalId()),
                "no second round without watching again");
        assertEquals(3, Db.number("select count(*) from quiz_attempt where professional_id = ?", l.professionalId()),
                "three attempts in the round, each graded once");
    }
}
