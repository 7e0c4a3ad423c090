package cn.gd.xueshi.identity;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.gd.xueshi.support.Api;
import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Every endpoint states who may call it; everyone else is refused. */
@QuarkusTest
class RoleAccessTest {

    private static final List<String> ALL_ROLES = List.of("PROFESSIONAL", "EDITOR", "EMPLOYER_ADMIN", "AUTHORITY_REVIEWER",
            "HR_ADMIN", "SYSTEM");
    private static final String ANY_SESSION = "00000000-0000-0000-0000-000000000001";

    record Endpoint(String method, String path, Set<String> allowed, String contentType) {
        Endpoint(String method, String path, Set<String> allowed) {
            this(method, path, allowed, "application/json");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> protectedEndpoints() {
        Set<String> learner = Set.of("PROFESSIONAL");
        Set<String> editor = Set.of("EDITOR");
        Set<String> reviewer = Set.of("HR_ADMIN", "AUTHORITY_REVIEWER");
        Set<String> editorOrReviewer = Set.of("EDITOR", "HR_ADMIN", "AUTHORITY_REVIEWER");
        return Stream.of(
                new Endpoint("POST", "/api/lessons/{lesson}/sessions", learner),
                new Endpoint("POST", "/api/sessions/" + ANY_SESSION + "/heartbeats", learner),
                new Endpoint("GET", "/api/sessions/" + ANY_SESSION + "/media", learner),
                new Endpoint("POST", "/api/sessions/" + ANY_SESSION + "/attention", learner),
                new Endpoint("GET", "/api/courses/{course}/quiz", learner),
                new Endpoint("POST", "/api/courses/{course}/quiz/attempts", learner),
                new Endpoint("GET", "/api/me/hours", learner),
                new Endpoint("POST", "/api/hours/entries/1/revocations", Set.of("HR_ADMIN")),
                new Endpoint("POST", "/api/employers", Set.of("HR_ADMIN")),
                new Endpoint("POST", "/api/professionals", Set.of("HR_ADMIN", "EMPLOYER_ADMIN")),
                new Endpoint("POST", "/api/authoring/courses", editor),
                new Endpoint("GET", "/api/authoring/courses", editor),
                new Endpoint("GET", "/api/authoring/courses/1", editorOrReviewer),
                new Endpoint("PATCH", "/api/authoring/courses/1", editor),
                new Endpoint("POST", "/api/authoring/courses/1/versions", editor),
                new Endpoint("POST", "/api/authoring/courses/1/lessons", editor),
                new Endpoint("PATCH", "/api/authoring/lessons/1", editor),
                new Endpoint("DELETE", "/api/authoring/lessons/1", editor),
                new Endpoint("POST", "/api/authoring/lessons/1/uploads", editor),
                new Endpoint("POST", "/api/authoring/courses/1/cover-uploads", editor),
                new Endpoint("GET", "/api/authoring/uploads/" + ANY_SESSION, editor),
                new Endpoint("POST", "/api/authoring/uploads/" + ANY_SESSION + "/completion", editor),
                new Endpoint("GET", "/api/authoring/lessons/1/media", editorOrReviewer),
                new Endpoint("GET", "/api/authoring/lessons/1/captions", editorOrReviewer),
                new Endpoint("GET", "/api/authoring/courses/1/cover", editorOrReviewer),
                new Endpoint("POST", "/api/authoring/courses/1/questions", editor),
                new Endpoint("POST", "/api/authoring/courses/1/questions/import", editor, "text/csv"),
                new Endpoint("DELETE", "/api/authoring/questions/1", editor),
                new Endpoint("POST", "/api/authoring/courses/1/submission", editor),
                new Endpoint("GET", "/api/reviews", reviewer),
                new Endpoint("GET", "/api/reviews/1", Set.of("EDITOR", "HR_ADMIN", "AUTHORITY_REVIEWER", "EMPLOYER_ADMIN", "PROFESSIONAL")),
                new Endpoint("POST", "/api/reviews/1/decisions", reviewer),
                new Endpoint("GET", "/api/catalog/years", editorOrReviewer),
                new Endpoint("POST", "/api/catalog/years", Set.of("HR_ADMIN")),
                new Endpoint("POST", "/api/catalog/years/2026/subjects", Set.of("HR_ADMIN")),
                new Endpoint("POST", "/api/declarations", learner, "multipart/form-data; boundary=x"),
                new Endpoint("PUT", "/api/declarations/1", learner, "multipart/form-data; boundary=x"),
                new Endpoint("GET", "/api/me/declarations", learner),
                new Endpoint("GET", "/api/declarations/1", Set.of("PROFESSIONAL", "EMPLOYER_ADMIN")),
                new Endpoint("GET", "/api/declarations/1/evidence/1", Set.of("PROFESSIONAL", "EMPLOYER_ADMIN")),
                new Endpoint("GET", "/api/declarations/conversions", Set.of("PROFESSIONAL", "EMPLOYER_ADMIN")),
                new Endpoint("GET", "/api/employer/declarations", Set.of("EMPLOYER_ADMIN")),
                new Endpoint("POST", "/api/employer/declarations/decisions", Set.of("EMPLOYER_ADMIN")),
                new Endpoint("GET", "/api/employer/staff", Set.of("EMPLOYER_ADMIN")),
                new Endpoint("POST", "/api/employer/staff", Set.of("EMPLOYER_ADMIN")),
                new Endpoint("POST", "/api/employer/staff/import", Set.of("EMPLOYER_ADMIN"), "text/csv"),
                new Endpoint("DELETE", "/api/employer/staff/1", Set.of("EMPLOYER_ADMIN")),
                new Endpoint("POST", "/api/sector/hours", Set.of("SYSTEM")),
                new Endpoint("GET", "/api/hr/sector-clients", Set.of("HR_ADMIN")),
                new Endpoint("POST", "/api/hr/sector-clients", Set.of("HR_ADMIN")),
                new Endpoint("PATCH", "/api/hr/sector-clients/health-system", Set.of("HR_ADMIN")),
                new Endpoint("POST", "/api/hr/sector-clients/health-system/secret", Set.of("HR_ADMIN")),
                new Endpoint("GET", "/api/hr/sector-clients/health-system/records", Set.of("HR_ADMIN")));
    }

    static Stream<Arguments> refusals() {
        return protectedEndpoints().flatMap(e -> ALL_ROLES.stream().filter(r -> !e.allowed().contains(r))
                .map(r -> Arguments.of(e, r)));
    }

    private static String path(Endpoint e) {
        return e.path().replace("{lesson}", String.valueOf(Api.lessonId("ai-at-work", 1)))
                .replace("{course}", String.valueOf(Api.courseId("ai-at-work")));
    }

    private static io.restassured.response.Response call(RequestSpecification spec, Endpoint e) {
        RequestSpecification s = spec.contentType(e.contentType()).accept("application/json, */*;q=0.5");
        s = e.contentType().startsWith("multipart/") ? s.body("--x--\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                : s.body("{}");
        return switch (e.method()) {
            case "GET" -> s.get(path(e));
            case "PATCH" -> s.patch(path(e));
            case "DELETE" -> s.delete(path(e));
            case "PUT" -> s.put(path(e));
            default -> s.post(path(e));
        };
    }

    @ParameterizedTest(name = "{1} may not call {0}")
    @MethodSource("refusals")
    void otherRolesAreRefusedWith403(Endpoint endpoint, String role) {
        String token = "PROFESSIONAL".equals(role) ? Learners.create().token() : Learners.tokenFor(role);
        call(as(token), endpoint).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @ParameterizedTest(name = "anonymous may not call {0}")
    @MethodSource("protectedEndpoints")
    void anonymousCallersAreRefusedWith401(Endpoint endpoint) {
        call(as(null), endpoint).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"));
    }

    @Test
    void theCatalogAndCoursePagesOfTheApiAreOpenToEveryone() {
        as(null).get("/api/catalog/2026").then().statusCode(200).body("year", equalTo(2026));
        as(null).get("/api/courses/" + Api.courseId("ai-at-work")).then().statusCode(200).body("lessons.size()", equalTo(2));
    }

    @Test
    void aRememberedTokenIsStillRefusedOnceItExpires() throws InterruptedException {
        Learners.Learner l = Learners.create();
        String shortLived = Jwt.issuer("xueshi").upn(l.username()).groups("PROFESSIONAL").claim("pid", l.professionalId())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(2)).sign();
        as(shortLived).get("/api/me/hours").then().statusCode(200);
        as(shortLived).get("/api/me/hours").then().statusCode(200);
        Thread.sleep(3_500); // past expiry plus the test profile's 1 s clock skew
        as(shortLived).get("/api/me/hours").then().statusCode(401);
    }

    @Test
    void expiredModifiedAndForeignTokensAreRefused() {
        Learners.Learner l = Learners.create();
        String expired = Jwt.issuer("xueshi").upn(l.username()).groups("PROFESSIONAL").claim("pid", l.professionalId())
                .issuedAt(Instant.now().minus(Duration.ofHours(3))).expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
        as(expired).get("/api/me/hours").then().statusCode(401);
        String foreign = Jwt.issuer("someone-else").upn(l.username()).groups("PROFESSIONAL").claim("pid", l.professionalId())
                .sign();
        as(foreign).get("/api/me/hours").then().statusCode(401);
        String[] parts = l.token().split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"xueshi\",\"upn\":\"x\",\"groups\":[\"HR_ADMIN\"],\"exp\":" + (Instant.now().getEpochSecond() + 600)
                        + "}").getBytes()) + "." + parts[2];
        as(forged).get("/api/me/hours").then().statusCode(401);
        as(l.token()).get("/api/me/hours").then().statusCode(200);
    }
}
