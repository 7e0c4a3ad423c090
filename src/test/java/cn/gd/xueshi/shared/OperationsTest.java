package cn.gd.xueshi.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import cn.gd.xueshi.support.Db;
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
    void theTestDatabaseAcknowledgesOnlyDurableCommitsLikeTheRunOne() {
        assertEquals(List.of("on", "on", "on"), Db.row("select current_setting('synchronous_commit'), current_setting('fsync'),"
                + " current_setting('full_page_writes')"));
    }

    @Test
    void theApiIsListedInOpenApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/auth/login"), containsString("/api/catalog/{year}"),
                        containsString("/api/courses/{courseId}"), containsString("/api/lessons/{lessonId}/sessions"),
                        containsString("/api/sessions/{sessionId}/heartbeats"), containsString("/api/courses/{courseId}/quiz"),
                        containsString("/api/courses/{courseId}/quiz/attempts"), containsString("/api/me/hours"));
    }

    @Test
    void theApiDocumentListsOnlyTheApiAndItsOwnTypes() {
        Map<String, Object> doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        for (String path : paths.keySet()) {
            assertTrue(path.startsWith("/api/"), "not an API path: " + path);
        }
        Set<String> ours = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.gd.xueshi").stream().map(JavaClass::getSimpleName).collect(Collectors.toSet());
        @SuppressWarnings("unchecked")
        Map<String, Object> components = (Map<String, Object>) doc.getOrDefault("components", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        Set<String> foreign = new TreeSet<>(schemas.keySet());
        foreign.removeIf(ours::contains);
        foreign.removeAll(Set.of("Instant", "LocalDate", "OffsetDateTime", "Duration")); // JSON strings in ISO 8601
        assertEquals(Set.of(), foreign, "schemas that are not the API's own types");
        Set<String> framework = Set.of("EngineImpl", "TemplateInstance", "AtomicLong", "Uni", "Multi", "Response", "RestResponse",
                "Object", "Template", "Engine", "Buffer");
        assertTrue(Collections.disjoint(schemas.keySet(), framework), schemas.keySet().toString());
    }
}
