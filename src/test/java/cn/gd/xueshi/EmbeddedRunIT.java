package cn.gd.xueshi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The README's run command, as a newcomer runs it (the packaged artifact with its embedded
 * PostgreSQL and S3 server), with some documented variables set: they win over the launcher's
 * defaults; the secrets it writes are its owner's alone; commits are durable; health and metrics
 * are on the management port only.
 */
class EmbeddedRunIT {

    private static Process service;
    private static Path data;
    private static Path log;
    private static String base;
    private static String management;
    private static int managementPort;

    @BeforeAll
    static void run() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-data", "embedded-" + ProcessHandle.current().pid()));
        data = dir.resolve("data");
        Path noCourses = Files.createDirectories(dir.resolve("no-courses"));
        int port = freePort();
        managementPort = freePort();
        base = "http://127.0.0.1:" + port;
        management = "http://127.0.0.1:" + managementPort;
        log = dir.resolve("service.log");
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx384m", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("XUESHI_"));
        env.put("XUESHI_DATA_DIR", data.toAbsolutePath().toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("XUESHI_CONTENT_DIR", noCourses.toAbsolutePath().toString()); // the launcher's default is content/
        env.put("XUESHI_IDENTITY_SECURE_COOKIE", "true"); // the launcher's default is false
        env.put("XUESHI_IDENTITY_TOKEN_LIFETIME", "PT5M"); // the launcher sets nothing here
        service = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(service.isAlive(), () -> "the service died: " + read(log));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready: " + read(log));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void documentedVariablesWinOverTheLaunchersDefaults() {
        given().get(base + "/api/catalog/2026").then().statusCode(404);
        Instant expires = Instant.parse(given().contentType(ContentType.JSON).body(Map.of("username", "learner1", "password", "xueshi-demo"))
                .post(base + "/api/auth/login").then().statusCode(200).extract().path("expiresAt"));
        assertTrue(Duration.between(Instant.now(), expires).compareTo(Duration.ofMinutes(6)) < 0, "token lifetime " + expires);
        String csrf = "embedded-run-csrf-token-0123";
        Response signIn = given().redirects().follow(false).cookie("xueshi_csrf", csrf).formParam("csrf", csrf)
                .formParam("username", "learner1").formParam("password", "xueshi-demo").post(base + "/login");
        assertEquals(303, signIn.statusCode());
        String cookie = signIn.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("xueshi_token=")).findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
    }

    @Test
    void theSigningKeyAndTheStoresSecretsAreTheirOwnersAlone() throws IOException {
        Path keys = data.resolve("keys");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        for (String secret : List.of("private-key.pem", "public-key.pem", "object-store-secret", "database-secret")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(secret))), secret);
        }
        for (String secret : List.of("object-store-secret", "database-secret")) {
            String value = Files.readString(keys.resolve(secret));
            assertEquals(32, value.length(), secret);
            assertFalse(read(log).contains(value), secret + " is never logged");
        }
    }

    @Test
    void theDatabaseAcknowledgesOnlyDurableCommits() throws Exception {
        String port = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).strip();
        String password = Files.readString(data.resolve("keys").resolve("database-secret"));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password)) {
            for (String setting : List.of("synchronous_commit", "fsync", "full_page_writes")) {
                try (ResultSet r = c.createStatement().executeQuery("show " + setting)) {
                    r.next();
                    assertEquals("on", r.getString(1), setting);
                }
            }
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        given().get(base + "/q/metrics").then().statusCode(404);
        given().get(base + "/q/health/ready").then().statusCode(404);
        given().get(management + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "/q/metrics").then().statusCode(200);
    }

    @Test
    void theApiDocumentStaysOnThePublicPort() {
        given().get(base + "/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/api/auth/login"));
        given().get(management + "/q/openapi").then().statusCode(404);
    }

    @Test
    void theManagementPortListensOnThisMachineOnly() {
        assertTrue(read(log).contains("Management interface listening on http://127.0.0.1:" + managementPort + "."), read(log));
    }
}
