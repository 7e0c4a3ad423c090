package cn.gd.xueshi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.gd.xueshi.embedded.EmbeddedServers;
import cn.gd.xueshi.identity.IdNumber;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Two packaged instances share one PostgreSQL and one S3 server, behind nginx when it is installed
 * (.ci/run installs it), with no session affinity. Proves the cross-instance guarantees.
 */
class MultiInstanceIT {

    private static EmbeddedServers servers;
    private static final List<Instance> INSTANCES = new ArrayList<>();
    private static Process nginx;
    private static String balancer;

    /** A packaged instance: its API at {@code url}, its health and metrics on the management port at {@code management}. */
    record Instance(String id, String url, String management, Process process, Path log) {
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it-data", "run-" + ProcessHandle.current().pid()));
        servers = EmbeddedServers.start(dir.resolve("servers"), false);
        for (String id : List.of("a", "b")) {
            INSTANCES.add(launch(id, dir));
        }
        for (Instance i : INSTANCES) {
            awaitReady(i);
        }
        balancer = startNginx(dir);
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (nginx != null) {
            nginx.destroy();
        }
        for (Instance i : INSTANCES) {
            i.process().destroy();
        }
        for (Instance i : INSTANCES) {
            i.process().waitFor();
        }
        if (servers != null) {
            servers.close();
        }
    }

    private static Instance launch(String id, Path dir) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        Path log = dir.resolve("instance-" + id + ".log");
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx384m", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        servers.properties().forEach((key, value) -> env.put(key.toUpperCase().replaceAll("[.-]", "_"), value));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("XUESHI_CONTENT_DIR", Path.of("content").toAbsolutePath().toString());
        env.put("XUESHI_IDENTITY_SEED_DEMO", "true");
        env.put("XUESHI_IDENTITY_SECURE_COOKIE", "false");
        env.put("XUESHI_IDENTITY_BCRYPT_COST", "4");
        env.put("XUESHI_INSTANCE_ID", id);
        env.put("XUESHI_PLAYBACK_SWEEP_EVERY", "2s");
        return new Instance(id, "http://127.0.0.1:" + port, "http://127.0.0.1:" + managementPort, pb.start(), log);
    }

    private static void awaitReady(Instance i) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(i.process().isAlive(), "instance " + i.id() + " died: " + Files.readString(i.log()));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(i.management() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance " + i.id() + " not ready: " + Files.readString(i.log()));
    }

    private static String startNginx(Path dir) throws Exception {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            System.out.println("nginx is not installed: cross-instance checks call both instances directly");
            return INSTANCES.get(0).url();
        }
        int port = freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s; proxy_temp_path %1$s; fastcgi_temp_path %1$s;
                  uwsgi_temp_path %1$s; scgi_temp_path %1$s;
                  upstream xueshi { server %2$s; server %3$s; }
                  server { listen 127.0.0.1:%4$d; location / { proxy_pass http://xueshi; proxy_http_version 1.1; } }
                }
                """.formatted(dir.toAbsolutePath(), INSTANCES.get(0).url().substring(7), INSTANCES.get(1).url().substring(7), port));
        nginx = new ProcessBuilder(binary.toString(), "-c", conf.toAbsolutePath().toString(), "-p", dir.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/api/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return url;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
    }

    private static RequestSpecification api(String base, String token) {
        RequestSpecification spec = given().baseUri(base).contentType(ContentType.JSON).accept(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    private static String login(String base, String username, String password) {
        return api(base, null).body(Map.of("username", username, "password", password)).post("/api/auth/login").then()
                .statusCode(200).extract().path("token");
    }

    private static int seq = (int) (System.nanoTime() % 500);

    /** Registers a new learner through the HR administrator's API on instance A and signs in. */
    private static Map.Entry<Long, String> newLearner() {
        String a = INSTANCES.get(0).url();
        String hr = login(a, "hradmin1", "xueshi-demo");
        String first17 = "44010619870202" + String.format("%03d", ++seq % 1000);
        String username = "it-learner-" + seq;
        Map<String, Object> body = new HashMap<>(Map.of("name", "多实例学员", "idNumber", first17 + IdNumber.checkCharacter(first17),
                "employerCreditCode", "91440101MA5CXA012K", "titleLevel", "中级", "sector", "HEALTH", "cityCode", "4406",
                "username", username, "password", "it-password-1"));
        Number pid = api(a, hr).body(body).post("/api/professionals").then().statusCode(201).extract().path("professionalId");
        return Map.entry(pid.longValue(), login(INSTANCES.get(1).url(), username, "it-password-1"));
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(servers.jdbcUrl(), "postgres", servers.properties().get("quarkus.datasource.password"));
    }

    private static long number(String sql, Object... args) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aCourseApprovedOnInstanceAIsInInstanceBsCatalogWithinTwoSeconds() throws Exception {
        String a = INSTANCES.get(0).url();
        String b = INSTANCES.get(1).url();
        // the demo's submitted course waits in authority1's queue; B has the catalog cached without it
        String reviewer = login(a, "authority1", "xueshi-demo");
        List<Integer> queue = api(a, reviewer).get("/api/reviews").then().statusCode(200).extract().path("reviewId");
        assertEquals(1, queue.size(), "the demo seeds one submitted course, once, though both instances seeded");
        long course = ((Number) api(a, reviewer).get("/api/reviews/" + queue.get(0)).then().statusCode(200).extract().path("subjectId"))
                .longValue();
        api(b, null).get("/api/catalog/2026").then().statusCode(200)
                .body("subjects.courses.flatten().id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) course)));
        long approved = System.nanoTime();
        api(a, reviewer).body(Map.of("decision", "APPROVE")).post("/api/reviews/" + queue.get(0) + "/decisions").then()
                .statusCode(200).body("state", equalTo("APPROVED"));
        long seenMs = -1;
        while (System.nanoTime() - approved < 5_000_000_000L) {
            List<Integer> ids = api(b, null).get("/api/catalog/2026").then().statusCode(200).extract()
                    .path("subjects.courses.flatten().id");
            if (ids.contains((int) course)) {
                seenMs = (System.nanoTime() - approved) / 1_000_000;
                break;
            }
            Thread.sleep(20);
        }
        System.out.println("approval on A to the course in B's catalog: " + seenMs + " ms");
        assertTrue(seenMs >= 0 && seenMs < 2_000, "B saw the course after " + seenMs + " ms");
        // B's course page too (its page cache renders from the new catalog)
        given().baseUri(b).get("/catalog/2026").then().statusCode(200).body(org.hamcrest.Matchers.containsString("工程项目安全管理"));
    }

    @Test
    void aTokenFromOneInstanceIsAcceptedByTheOther() {
        String fromA = login(INSTANCES.get(0).url(), "learner1", "xueshi-demo");
        String fromB = login(INSTANCES.get(1).url(), "learner1", "xueshi-demo");
        api(INSTANCES.get(1).url(), fromA).get("/api/me/hours").then().statusCode(200).body("year", equalTo(2026));
        api(INSTANCES.get(0).url(), fromB).get("/api/me/hours").then().statusCode(200);
        api(balancer, fromA).get("/api/me/hours").then().statusCode(200);
    }

    @Test
    void aSessionOnInstanceAIsSuspendedByANewOneOnInstanceB() throws Exception {
        var learner = newLearner();
        String token = learner.getValue();
        long lesson1 = number("select l.id from lesson l join course c on c.id = l.course_id where c.code = 'ai-at-work' and l.position = 1");
        long lesson2 = number("select l.id from lesson l join course c on c.id = l.course_id where c.code = 'ai-at-work' and l.position = 2");
        String onA = api(INSTANCES.get(0).url(), token).post("/api/lessons/" + lesson1 + "/sessions").then().statusCode(201)
                .extract().path("sessionId");
        String onB = api(INSTANCES.get(1).url(), token).post("/api/lessons/" + lesson2 + "/sessions").then().statusCode(201)
                .extract().path("sessionId");
        Map<String, Object> beat = Map.of("positionSeconds", 1, "playing", true, "visible", true, "playbackRate", 1);
        api(INSTANCES.get(0).url(), token).body(beat).post("/api/sessions/" + onA + "/heartbeats").then().statusCode(409)
                .body("type", equalTo("/problems/session-suspended"));
        api(INSTANCES.get(0).url(), token).body(beat).post("/api/sessions/" + onB + "/heartbeats").then().statusCode(200);
        assertEquals(1, number("select count(*) from playback_session where professional_id = ? and status = 'ACTIVE'",
                learner.getKey()));
    }

    @Test
    void racingCompletionsOnBothInstancesRegisterTheHoursOnce() throws Exception {
        var learner = newLearner();
        String token = learner.getValue();
        long course = number("select id from course where code = 'gba-rules' and superseded_at is null");
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                insert into lesson_progress (professional_id, lesson_id, watched, watched_ms, position_ms, completed_at)
                select ?, id, '0-' || duration_ms, duration_ms, duration_ms, now() from lesson where course_id = ?""")) {
            ps.setLong(1, learner.getKey());
            ps.setLong(2, course);
            ps.executeUpdate();
        }
        List<Integer> ids = api(INSTANCES.get(0).url(), token).get("/api/courses/" + course + "/quiz").then().statusCode(200)
                .extract().path("questions.id");
        Map<String, Object> answers = new HashMap<>();
        for (Integer id : ids) {
            List<Long> right = new ArrayList<>();
            try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                    "select id from question_option where question_id = ? and correct")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        right.add(rs.getLong(1));
                    }
                }
            }
            answers.put(String.valueOf(id), right);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String base = i % 3 == 0 ? balancer : INSTANCES.get(i % 2).url();
            results.add(pool.submit(() -> {
                go.await();
                return api(base, token).body(Map.of("answers", answers)).post("/api/courses/" + course + "/quiz/attempts")
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, number("select count(*) from hour_entry where professional_id = ?", learner.getKey()));
    }

    @Test
    void aScheduledJobRunsOncePerSlotNotOncePerInstance() throws Exception {
        Thread.sleep(7_000);
        Pattern ran = Pattern.compile("job session-sweep slot (\\d+): ran on (\\w+)");
        Pattern skipped = Pattern.compile("job session-sweep slot (\\d+): skipped");
        Map<String, Integer> runsPerSlot = new HashMap<>();
        int skips = 0;
        for (Instance i : INSTANCES) {
            String log = Files.readString(i.log());
            Matcher m = ran.matcher(log);
            while (m.find()) {
                runsPerSlot.merge(m.group(1), 1, Integer::sum);
            }
            Matcher s = skipped.matcher(log);
            while (s.find()) {
                skips++;
            }
        }
        assertTrue(runsPerSlot.size() >= 2, "the sweep should have run in several slots: " + runsPerSlot);
        runsPerSlot.forEach((slot, runs) -> assertEquals(1, runs, "slot " + slot + " ran " + runs + " times"));
        assertTrue(skips >= 1, "the other instance should have fired and skipped at least once");
        // a slot claimed after the logs were read (its row is written before its log line) is not counted
        long lastLogged = runsPerSlot.keySet().stream().mapToLong(Long::parseLong).max().orElse(0);
        assertEquals(runsPerSlot.size(), number("select count(*) from job_run where job = 'session-sweep' and slot <= ?", lastLogged));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortOnlyAndTheApiDocumentOnThePublicOne() {
        Instance a = INSTANCES.get(0);
        given().get(a.url() + "/q/metrics").then().statusCode(404);
        given().get(a.url() + "/q/health/ready").then().statusCode(404);
        given().get(a.management() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(a.url() + "/q/openapi").then().statusCode(200);
        given().get(a.management() + "/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests_seconds_count"));
    }

    @Test
    void theManagementPortCarriesTheSecurityHeadersToo() {
        Instance a = INSTANCES.get(0);
        String policy = given().get(a.url() + "/api/catalog/2026").header("Content-Security-Policy");
        assertTrue(policy.startsWith("default-src 'self'; script-src 'self'; "), policy);
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/no-such-thing")) {
            Response r = given().get(a.management() + path);
            assertEquals(policy, r.header("Content-Security-Policy"), path);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertEquals("DENY", r.header("X-Frame-Options"), path);
            assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"), path);
        }
    }
}
