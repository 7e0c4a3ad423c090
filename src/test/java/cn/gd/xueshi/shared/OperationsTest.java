package cn.gd.xueshi.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabaseAndTheObjectStore() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("object-store", "Reactive PostgreSQL connections health check"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/api/catalog/2026").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void theApiIsListedInOpenApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/auth/login"), containsString("/api/catalog/{year}"),
                        containsString("/api/courses/{courseId}"), containsString("/api/lessons/{lessonId}/sessions"),
                        containsString("/api/sessions/{sessionId}/heartbeats"), containsString("/api/courses/{courseId}/quiz"),
                        containsString("/api/courses/{courseId}/quiz/attempts"), containsString("/api/me/hours"));
    }
}
