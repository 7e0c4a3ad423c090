package cn.gd.xueshi.support;

import static cn.gd.xueshi.support.Api.as;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.path.json.JsonPath;

/** An editor's steps through the API, for tests: a subject to write in, courses, real uploads in parts. */
public final class Authoring {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 10_000));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public static final Path VIDEO = Path.of("content/2026/lessons/ai-1.mp4");

    private Authoring() {
    }

    /** A fresh subject of {@code year} (created by a provincial HR admin), so tests do not see each other's courses. */
    public static String subject(int year) {
        Learners.Staff hr = Learners.provinceHr();
        as(hr.token()).body(Map.of("year", year, "title", year + " 年度测试目录")).post("/api/catalog/years");
        String code = "t-subject-" + SEQ.incrementAndGet();
        as(hr.token()).body(Map.of("code", code, "title", "测试科目 " + code, "guideMarkdown", "# 指南"))
                .post("/api/catalog/years/" + year + "/subjects").then().log().ifValidationFails().statusCode(201);
        return code;
    }

    public static long course(String editorToken, int year, String subject, String category, String sector, String hours) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("year", year, "subjectCode", subject, "category", category,
                "title", "测试课程 " + SEQ.incrementAndGet(), "hours", hours, "description", "简介"));
        if (sector != null) {
            body.put("sector", sector);
        }
        return ((Number) as(editorToken).body(body).post("/api/authoring/courses").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    public static long lesson(String editorToken, long courseId, String title) {
        return ((Number) as(editorToken).body(Map.of("title", title)).post("/api/authoring/courses/" + courseId + "/lessons")
                .then().statusCode(201).extract().path("lessonId")).longValue();
    }

    /** Starts an upload of {@code file} for a lesson; the JSON answer. */
    public static JsonPath start(String editorToken, long lessonId, Path file, String kind) throws IOException {
        return as(editorToken).body(Map.of("fileName", file.getFileName().toString(), "sizeBytes", Files.size(file), "kind", kind))
                .post("/api/authoring/lessons/" + lessonId + "/uploads").then().statusCode(201).extract().jsonPath();
    }

    /** Sends one part of {@code file} to its presigned URL, as a browser would; the store's status code. */
    public static int putPart(Path file, long partSize, int partNumber, String url) throws IOException, InterruptedException {
        long size = Files.size(file);
        long from = (partNumber - 1L) * partSize;
        int length = (int) Math.min(partSize, size - from);
        byte[] bytes = new byte[length];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.read(ByteBuffer.wrap(bytes), from);
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    /** Uploads {@code file} for a lesson in parts and completes it; the completion's JSON. */
    public static JsonPath upload(String editorToken, long lessonId, Path file, String kind) throws Exception {
        JsonPath started = start(editorToken, lessonId, file, kind);
        long partSize = started.getLong("partSizeBytes");
        List<Map<String, Object>> parts = started.getList("parts");
        for (Map<String, Object> p : parts) {
            int status = putPart(file, partSize, (Integer) p.get("partNumber"), (String) p.get("url"));
            if (status != 200) {
                throw new AssertionError("part " + p.get("partNumber") + " refused: " + status);
            }
        }
        return as(editorToken).post("/api/authoring/uploads/" + started.getString("uploadId") + "/completion").then().statusCode(200)
                .extract().jsonPath();
    }

    /** A real MP4 (a shipped lesson) grown to {@code size} bytes with a trailing {@code free} box: same video, same duration. */
    public static Path paddedVideo(Path dir, long size) throws IOException {
        Path out = dir.resolve("padded-" + size + ".mp4");
        long original = Files.size(VIDEO);
        long pad = size - original;
        try (OutputStream o = Files.newOutputStream(out)) {
            Files.copy(VIDEO, o);
            o.write(new byte[] {(byte) (pad >>> 24), (byte) (pad >>> 16), (byte) (pad >>> 8), (byte) pad, 'f', 'r', 'e', 'e'});
            byte[] zeros = new byte[1 << 20];
            long left = pad - 8;
            while (left > 0) {
                int n = (int) Math.min(zeros.length, left);
                o.write(zeros, 0, n);
                left -= n;
            }
        }
        return out;
    }

    /**
     * A real MP4 whose movie header says it runs {@code minutes}: the bytes of a shipped lesson with
     * the duration in {@code mvhd} rewritten (and padded to {@code size}), so a test can meet the
     * rule of 45 minutes per 学时 without shipping a 45-minute video.
     */
    public static Path longVideo(Path dir, int minutes, long size) throws IOException {
        Path out = paddedVideo(dir, size);
        Path renamed = dir.resolve("long-" + minutes + "-" + size + ".mp4");
        Files.move(out, renamed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] head = Files.readAllBytes(VIDEO);
        int at = -1;
        for (int i = 0; i + 4 <= head.length; i++) {
            if (head[i] == 'm' && head[i + 1] == 'v' && head[i + 2] == 'h' && head[i + 3] == 'd') {
                at = i;
                break;
            }
        }
        if (at < 0 || head[at + 4] != 0) {
            throw new IllegalStateException("expected a version-0 mvhd in " + VIDEO);
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        int timescale = b.getInt(at + 4 + 4 + 8);
        try (FileChannel ch = FileChannel.open(renamed, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, (int) ((long) minutes * 60 * timescale)), at + 4 + 4 + 8 + 4);
        }
        return renamed;
    }

    /** A course of 1 学时 in {@code subject} of 2026: two lessons of {@code video} (25 minutes each) and five questions, ready to submit. */
    public static long readyCourse(String editorToken, String subject, Path video, String category, String sector) throws Exception {
        long course = course(editorToken, 2026, subject, category, sector, "1.0");
        for (int i = 1; i <= 2; i++) {
            upload(editorToken, lesson(editorToken, course, "第 " + i + " 讲"), video, "VIDEO");
        }
        questions(editorToken, course, 5);
        return course;
    }

    /** Five single-choice questions, enough for one attempt's draw. */
    public static void questions(String editorToken, long courseId, int count) {
        for (int i = 1; i <= count; i++) {
            as(editorToken).body(Map.of("kind", "SINGLE", "text", "第 " + i + " 题", "options", List.of(
                    Map.of("text", "对的", "correct", true), Map.of("text", "错的", "correct", false))))
                    .post("/api/authoring/courses/" + courseId + "/questions").then().statusCode(201);
        }
    }
}
