package xueshi.loadtest;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.HdrHistogram.Histogram;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * An open-loop load generator: requests leave at a fixed arrival rate whatever the server does,
 * and each latency is measured from the moment the request was due, not from when it could be
 * sent, so a stalled server shows in the percentiles (no coordinated omission).
 *
 * <pre>
 * mint       KEY.pem SESSIONS.tsv OUT.tsv            sign one RS256 token per learner
 * admintoken KEY.pem ACCOUNT EMPLOYER                 print a token of an administrator of that unit
 * heartbeats BASE LEARNERS.tsv RATE SECONDS WARMUP [ACKS.tsv]
 * get        BASE PATH RATE SECONDS WARMUP [COOKIE]
 * burst      BASE ATTEMPTS.tsv SECONDS [WARM.tsv WARMSECONDS]   POST each line's body once, spread over SECONDS
 *                                                    (after WARM.tsv's, unrecorded, in the same process)
 * ttfb       URL RANGE COUNT                         time to first byte of a Range GET
 * quizprep   BASE JDBC USER PASS LEARNERS.tsv COURSE OUT.tsv   the right answers to each learner's paper
 * </pre>
 */
public final class LoadGen {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "mint" -> mint(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "admintoken" -> System.out.println(adminToken(Path.of(args[1]), args[2], args[3]));
            case "heartbeats" -> heartbeats(args[1], Path.of(args[2]), Double.parseDouble(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args.length > 6 ? Path.of(args[6]) : null);
            case "get" -> get(args[1], args[2], Double.parseDouble(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    args.length > 6 ? args[6] : null);
            case "burst" -> burst(args[1], Path.of(args[2]), Double.parseDouble(args[3]),
                    args.length > 5 ? Path.of(args[4]) : null, args.length > 5 ? Double.parseDouble(args[5]) : 0);
            case "ttfb" -> ttfb(args[1], args[2], Integer.parseInt(args[3]));
            case "quizprep" -> quizprep(args[1], args[2], args[3], args[4], Path.of(args[5]), args[6], Path.of(args[7]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // ---- tokens -------------------------------------------------------------------------------

    static void mint(Path key, Path sessions, Path out) throws Exception {
        String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        List<String> lines = Files.readAllLines(sessions);
        long exp = Instant.now().getEpochSecond() + 12 * 3600;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"xueshi\"}");
        String[] outLines = new String[lines.size()];
        IntStream.range(0, lines.size()).parallel().forEach(i -> {
            String[] f = lines.get(i).split("\t");
            String payload = b64("{\"iss\":\"xueshi\",\"sub\":\"" + f[0] + "\",\"upn\":\"bench-" + f[0]
                    + "\",\"groups\":[\"PROFESSIONAL\"],\"pid\":" + f[0] + ",\"exp\":" + exp + ",\"iat\":" + (exp - 12 * 3600) + "}");
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(privateKey);
                s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
                outLines[i] = lines.get(i) + "\t" + header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Files.write(out, List.of(outLines));
        System.out.printf("minted %d tokens%n", outLines.length);
    }

    static String adminToken(Path key, String account, String employer) throws Exception {
        String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long exp = Instant.now().getEpochSecond() + 3600;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"xueshi\"}");
        String payload = b64("{\"iss\":\"xueshi\",\"sub\":\"" + account + "\",\"upn\":\"bench-admin\",\"name\":\"压测单位管理员\","
                + "\"groups\":[\"EMPLOYER_ADMIN\"],\"eid\":" + employer + ",\"exp\":" + exp + ",\"iat\":" + (exp - 3600) + "}");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(privateKey);
        s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    // ---- the open-loop engine ------------------------------------------------------------------

    interface Request {
        /** Sends request number {@code k}; calls {@code done} with the status (or -1 on a connection error). */
        void send(HttpClient client, long k, java.util.function.IntConsumer done);
    }

    record Result(Histogram histogram, Map<Integer, Long> statuses, long sent, double seconds) {
        void print(String name, double rate) {
            long ok = statuses.getOrDefault(200, 0L) + statuses.getOrDefault(201, 0L);
            System.out.printf("%s target_rate=%.0f/s achieved=%.0f/s recorded=%d ok=%d statuses=%s p50_ms=%.2f p90_ms=%.2f "
                            + "p99_ms=%.2f p999_ms=%.2f max_ms=%.2f%n",
                    name, rate, sent / seconds, histogram.getTotalCount(), ok, statuses,
                    histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0, histogram.getValueAtPercentile(99.9) / 1000.0,
                    histogram.getMaxValue() / 1000.0);
        }
    }

    static Result run(String base, double rate, int seconds, int warmup, long limit, int connections, Request request)
            throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        java.net.URI uri = java.net.URI.create(base);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort()).setKeepAlive(true).setConnectTimeout(5_000).setIdleTimeout(30),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        Histogram histogram = new Histogram(60_000_000L, 3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong inFlight = new AtomicLong();
        long total = limit > 0 ? limit : (long) (rate * (seconds + warmup));
        long start = System.nanoTime() + 200_000_000L;
        long recordFrom = start + warmup * 1_000_000_000L;
        long[] next = {0};
        CountDownLatch finished = new CountDownLatch(1);
        long period = vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            while (next[0] < total) {
                long k = next[0];
                long due = start + (long) (k * 1_000_000_000.0 / rate);
                if (due > now) {
                    break;
                }
                next[0]++;
                inFlight.incrementAndGet();
                request.send(client, k, status -> {
                    long latency = (System.nanoTime() - due) / 1_000;
                    if (due >= recordFrom) {
                        synchronized (histogram) {
                            histogram.recordValue(Math.min(latency, 60_000_000L));
                        }
                        statuses.merge(status, 1L, Long::sum);
                    }
                    if (inFlight.decrementAndGet() == 0 && next[0] >= total) {
                        finished.countDown();
                    }
                });
            }
        });
        finished.await(seconds + warmup + 120L, java.util.concurrent.TimeUnit.SECONDS);
        vertx.cancelTimer(period);
        double measured = Math.max(0.001, (System.nanoTime() - recordFrom) / 1e9);
        long sent = next[0] - (long) (rate * warmup);
        vertx.close();
        return new Result(histogram, new HashMap<>(statuses), Math.max(0, sent), Math.min(measured, seconds));
    }

    static void call(HttpClient client, HttpMethod method, String path, String token, String cookie, Buffer body,
            java.util.function.Consumer<io.vertx.core.http.HttpClientResponse> onResponse, java.util.function.IntConsumer done) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(path);
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        if (cookie != null) {
            options.putHeader("Cookie", cookie);
        }
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        client.request(options).compose(req -> body == null ? req.send() : req.send(body)).onComplete(ar -> {
            if (ar.failed()) {
                done.accept(-1);
                return;
            }
            var resp = ar.result();
            resp.body().onComplete(b -> {
                if (onResponse != null && b.succeeded()) {
                    onResponse.accept(resp);
                }
                done.accept(resp.statusCode());
            });
        });
    }

    // ---- scenarios ----------------------------------------------------------------------------

    /**
     * Every learner in the file watches honestly: its position follows the wall clock, one beat
     * every (learners / rate) seconds. Writes the highest acknowledged watchedSeconds per session.
     */
    static void heartbeats(String base, Path learners, double rate, int seconds, int warmup, Path acks) throws Exception {
        List<String[]> rows = Files.readAllLines(learners).stream().map(l -> l.split("\t")).toList();
        int n = rows.size();
        long epoch = Long.parseLong(Files.readString(learners.resolveSibling("epoch")).trim());
        Map<String, Double> acknowledged = new ConcurrentHashMap<>();
        Result r = run(base, rate, seconds, warmup, 0, 512, (client, k, done) -> {
            String[] row = rows.get((int) (k % n));
            double position = Math.max(0, (System.currentTimeMillis() - epoch) / 1000.0) % 7000;
            Buffer body = Buffer.buffer("{\"positionSeconds\":" + position + ",\"playing\":true,\"visible\":true,\"playbackRate\":1.0}");
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/sessions/" + row[1] + "/heartbeats")
                    .putHeader("Authorization", "Bearer " + row[2]).putHeader("Content-Type", "application/json");
            client.request(options).compose(req -> req.send(body)).onComplete(ar -> {
                if (ar.failed()) {
                    done.accept(-1);
                    return;
                }
                ar.result().body().onComplete(b -> {
                    if (ar.result().statusCode() == 200 && b.succeeded() && acks != null) {
                        double watched = new JsonObject(b.result()).getDouble("watchedSeconds");
                        acknowledged.merge(row[1], watched, Math::max);
                    }
                    done.accept(ar.result().statusCode());
                });
            });
        });
        r.print("heartbeats", rate);
        if (acks != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(acks))) {
                acknowledged.forEach((session, watched) -> w.println(session + "\t" + watched));
            }
        }
    }

    static void get(String base, String path, double rate, int seconds, int warmup, String cookie) throws Exception {
        Result r = run(base, rate, seconds, warmup, 0, 256, (client, k, done) ->
                call(client, HttpMethod.GET, path, null, cookie, null, null, done));
        r.print("GET " + path, rate);
    }

    /**
     * Submits each line's attempt once, spread evenly over {@code seconds}. With a warm-up file, those
     * attempts go first (over {@code warmSeconds}, not recorded) in this same process, so neither the
     * service's nor this generator's code is measured cold.
     */
    static void burst(String base, Path attempts, double seconds, Path warm, double warmSeconds) throws Exception {
        if (warm != null) {
            submitAll(base, warm, warmSeconds);
            Thread.sleep(2_000);
        }
        List<String[]> rows = rows(attempts);
        submitAll(base, attempts, seconds).print("quiz-burst", rows.size() / seconds);
    }

    private static List<String[]> rows(Path attempts) throws java.io.IOException {
        return Files.readAllLines(attempts).stream().map(l -> l.split("\t", 3)).toList();
    }

    private static Result submitAll(String base, Path attempts, double seconds) throws Exception {
        List<String[]> rows = rows(attempts);
        return run(base, rows.size() / seconds, (int) Math.ceil(seconds), 0, rows.size(), rows.size(), (client, k, done) -> {
            String[] row = rows.get((int) k);
            call(client, HttpMethod.POST, "/api/courses/" + row[1] + "/quiz/attempts", row[0], null, Buffer.buffer(row[2]), null, done);
        });
    }

    static void quizprep(String base, String jdbc, String user, String pass, Path learners, String course, Path out)
            throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<String> lines = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbc, user, pass);
                java.sql.PreparedStatement ps = c.prepareStatement("select id from question_option where question_id = ? and correct")) {
            for (String line : Files.readAllLines(learners)) {
                String token = line.split("\t")[2];
                var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/courses/" + course + "/quiz"))
                        .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                JsonObject answers = new JsonObject();
                for (Object q : new JsonObject(response.body()).getJsonArray("questions")) {
                    long id = ((JsonObject) q).getLong("id");
                    ps.setLong(1, id);
                    io.vertx.core.json.JsonArray right = new io.vertx.core.json.JsonArray();
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            right.add(rs.getLong(1));
                        }
                    }
                    answers.put(String.valueOf(id), right);
                }
                lines.add(token + "\t" + course + "\t" + new JsonObject().put("answers", answers).encode());
            }
        }
        Files.write(out, lines);
    }

    static void ttfb(String url, String range, int count) throws Exception {
        java.net.URI uri = java.net.URI.create(url);
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        Histogram h = new Histogram(60_000_000L, 3);
        int status = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            var resp = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost()).setPort(uri.getPort())
                    .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())).putHeader("Range", range))
                    .compose(req -> req.send()).toCompletionStage().toCompletableFuture().get();
            h.recordValue((System.nanoTime() - t0) / 1_000);
            status = resp.statusCode();
            resp.body().toCompletionStage().toCompletableFuture().get();
        }
        System.out.printf("ttfb status=%d n=%d p50_ms=%.3f p99_ms=%.3f mean_ms=%.3f%n", status, count,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMean() / 1000.0);
        vertx.close();
    }
}
