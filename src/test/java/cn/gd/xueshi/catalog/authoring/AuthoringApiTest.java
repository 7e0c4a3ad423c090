package cn.gd.xueshi.catalog.authoring;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.gd.xueshi.support.Api;
import cn.gd.xueshi.support.Authoring;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;

/** An editor puts a course online through the API: real uploads in parts to the real S3 server, review, publishing. */
@QuarkusTest
class AuthoringApiTest {

    @TempDir
    static Path dir;
    static Path video;
    static String subject;

    @BeforeAll
    static void files() throws Exception {
        // 12 MB: three parts of 5 MiB (the tests' part size), the last one short; its header says 25 minutes
        video = Authoring.longVideo(dir, 25, 12_000_000);
    }

    private static String subject() {
        if (subject == null) {
            subject = Authoring.subject(2026);
        }
        return subject;
    }

    private static long readyCourse(String editor, String category, String sector) throws Exception {
        return Authoring.readyCourse(editor, subject(), video, category, sector);
    }

    @Test
    void anUploadInPartsIsJoinedInTheStoreAndItsDurationIsReadFromTheObject() throws Exception {
        Learners.Staff editor = Learners.editor();
        long course = Authoring.course(editor.token(), 2026, subject(), "PUBLIC", null, "1.0");
        long lesson = Authoring.lesson(editor.token(), course, "第一讲");
        JsonPath started = Authoring.start(editor.token(), lesson, video, "VIDEO");
        assertEquals(5_242_880L, started.getLong("partSizeBytes"));
        assertEquals(List.of(1, 2, 3), started.getList("parts.partNumber"));

        JsonPath done = Authoring.upload(editor.token(), lesson, video, "VIDEO");
        assertEquals("video/mp4", done.getString("contentType"));
        assertEquals(25 * 60, done.getInt("durationSeconds"));
        assertEquals(12_000_000L, done.getLong("sizeBytes"));
        as(editor.token()).get("/api/authoring/courses/" + course).then().statusCode(200)
                .body("lessons[0].hasVideo", equalTo(true)).body("lessons[0].durationSeconds", equalTo(1500))
                .body("lessons[0].contentType", equalTo("video/mp4"));
    }

    @Test
    void anInterruptedUploadResumesWithOnlyTheMissingParts() throws Exception {
        Learners.Staff editor = Learners.editor();
        long course = Authoring.course(editor.token(), 2026, subject(), "PUBLIC", null, "1.0");
        long lesson = Authoring.lesson(editor.token(), course, "第一讲");
        JsonPath started = Authoring.start(editor.token(), lesson, video, "VIDEO");
        String id = started.getString("uploadId");
        assertEquals(200, Authoring.putPart(video, 5_242_880L, 2, started.getString("parts[1].url")));
        // the connection drops here; the page asks what the store has
        JsonPath status = as(editor.token()).get("/api/authoring/uploads/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2), status.getList("partsStored"));
        assertEquals(List.of(1, 3), status.getList("parts.partNumber"));
        as(editor.token()).post("/api/authoring/uploads/" + id + "/completion").then().statusCode(422)
                .body("type", equalTo("/problems/parts-missing"));
        for (Map<String, Object> p : status.<Map<String, Object>>getList("parts")) {
            assertEquals(200, Authoring.putPart(video, 5_242_880L, (Integer) p.get("partNumber"), (String) p.get("url")));
        }
        as(editor.token()).post("/api/authoring/uploads/" + id + "/completion").then().statusCode(200)
                .body("durationSeconds", equalTo(1500));
        // completing again answers the same, and changes nothing
        as(editor.token()).post("/api/authoring/uploads/" + id + "/completion").then().statusCode(200)
                .body("durationSeconds", equalTo(1500));
    }

    @Test
    void aFileThatIsNotAVideoIsRefusedByItsBytesWhateverItsNameAndDeleted() throws Exception {
        Learners.Staff editor = Learners.editor();
        long course = Authoring.course(editor.token(), 2026, subject(), "PUBLIC", null, "1.0");
        long lesson = Authoring.lesson(editor.token(), course, "第一讲");
        Path fake = dir.resolve("lecture.mp4");
        Files.writeString(fake, "%PDF-1.7 this is a document pretending to be a video");
        JsonPath started = Authoring.start(editor.token(), lesson, fake, "VIDEO");
        Authoring.putPart(fake, 5_242_880L, 1, started.getString("parts[0].url"));
        as(editor.token()).post("/api/authoring/uploads/" + started.getString("uploadId") + "/completion").then().statusCode(422)
                .body("type", equalTo("/problems/file-refused"));
        assertEquals("REFUSED", Db.row("select state from media_upload where id = ?::uuid", started.getString("uploadId")).get(0));
        as(editor.token()).get("/api/authoring/courses/" + course).then().body("lessons[0].hasVideo", equalTo(false));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeAnyByteIsSent() {
        Learners.Staff editor = Learners.editor();
        long course = Authoring.course(editor.token(), 2026, subject(), "PUBLIC", null, "1.0");
        long lesson = Authoring.lesson(editor.token(), course, "第一讲");
        as(editor.token()).body(Map.of("fileName", "huge.mp4", "sizeBytes", 5_000_000_000L))
                .post("/api/authoring/lessons/" + lesson + "/uploads").then().statusCode(422)
                .body("type", equalTo("/problems/file-too-large"));
        as(editor.token()).body(Map.of("fileName", "subs.vtt", "sizeBytes", 600_000, "kind", "CAPTIONS"))
                .post("/api/authoring/lessons/" + lesson + "/uploads").then().statusCode(422);
    }

    @Test
    void submissionListsEveryIntegrityRuleTheCourseBreaks() throws Exception {
        Learners.Staff editor = Learners.editor();
        long course = Authoring.course(editor.token(), 2026, subject(), "PUBLIC", null, "30");
        long lesson = Authoring.lesson(editor.token(), course, "第一讲");
        Authoring.upload(editor.token(), lesson, Authoring.paddedVideo(dir, 6_000_000), "VIDEO");
        Authoring.lesson(editor.token(), course, "第二讲（没有视频）");
        Authoring.questions(editor.token(), course, 2);
        as(editor.token()).post("/api/authoring/courses/" + course + "/submission").then().statusCode(422)
                .body("type", equalTo("/problems/integrity"))
                .body("refusals", contains("第 2 讲没有可播放的视频。", "课程学时 30 超过视频总时长可支持的 0.0 学时（每学时 45 分钟）。",
                        "题库只有 2 题，少于每次测验抽取的 5 题。"));
        assertEquals("DRAFT", Db.row("select state from review_item where kind = 'COURSE' and subject_id = ?", course).get(0));
    }

    @Test
    void aPublicCourseIsApprovedByProvincialHrAndAppearsInTheCatalogWithItsHistory() throws Exception {
        Learners.Staff editor = Learners.editor();
        long course = readyCourse(editor.token(), "PUBLIC", null);
        long reviewId = ((Number) as(editor.token()).post("/api/authoring/courses/" + course + "/submission").then().statusCode(201)
                .body("state", equalTo("SUBMITTED")).extract().path("reviewId")).longValue();

        Learners.Staff hr = Learners.provinceHr();
        Learners.Staff cityHr = Learners.staff("HR_ADMIN", "CITY", "4401", null);
        Learners.Staff engineering = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "ENGINEERING");
        as(hr.token()).get("/api/reviews").then().statusCode(200).body("reviewId", hasItem((int) reviewId));
        as(cityHr.token()).get("/api/reviews").then().statusCode(200).body("reviewId", not(hasItem((int) reviewId)));
        as(engineering.token()).get("/api/reviews").then().statusCode(200).body("reviewId", not(hasItem((int) reviewId)));
        // the reviewer previews the course exactly as submitted
        as(hr.token()).get("/api/authoring/courses/" + course).then().statusCode(200).body("lessons.size()", equalTo(2));
        as(cityHr.token()).get("/api/authoring/courses/" + course).then().statusCode(404);

        as(hr.token()).body(Map.of("decision", "APPROVE")).post("/api/reviews/" + reviewId + "/decisions").then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        as(editor.token()).get("/api/reviews/" + reviewId).then().statusCode(200)
                .body("transitions.action", contains("OPEN", "SUBMIT", "APPROVE"))
                .body("transitions.to", contains("DRAFT", "SUBMITTED", "APPROVED"))
                .body("transitions.actorRole", contains("EDITOR", "EDITOR", "HR_ADMIN"))
                .body("transitions[2].actorAccountId", equalTo((int) hr.accountId()));
        Learners.Learner learner = Learners.create();
        as(learner.token()).get("/api/catalog/2026").then().statusCode(200)
                .body("subjects.courses.flatten().id", hasItem((int) course));
        // no cover yet: the learner's cover link says so
        io.restassured.RestAssured.given().redirects().follow(false).get("/api/courses/" + course + "/cover").then().statusCode(404);

        // a learner plays the uploaded video from the store with Range requests
        long lesson = Db.number("select id from lesson where course_id = ? and position = 1", course);
        String url = as(learner.token()).post("/api/lessons/" + lesson + "/sessions").then().statusCode(201).extract().path("mediaUrl");
        HttpResponse<byte[]> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Range", "bytes=4-11").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("ftypisom", new String(part.body(), java.nio.charset.StandardCharsets.US_ASCII).substring(0, 8).replace("mp42", "isom"));
    }

    @Test
    void professionalCoursewareGoesToAReviewerOfItsSectorOnly() throws Exception {
        Learners.Staff editor = Learners.editor();
        long course = readyCourse(editor.token(), "PROFESSIONAL", "HEALTH");
        long reviewId = ((Number) as(editor.token()).post("/api/authoring/courses/" + course + "/submission").then().statusCode(201)
                .extract().path("reviewId")).longValue();
        Learners.Staff engineering = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "ENGINEERING");
        Learners.Staff health = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "HEALTH");
        Learners.Staff hr = Learners.provinceHr();
        as(engineering.token()).get("/api/reviews").then().body("reviewId", not(hasItem((int) reviewId)));
        // outside the reviewer's scope the item does not exist
        as(engineering.token()).body(Map.of("decision", "APPROVE")).post("/api/reviews/" + reviewId + "/decisions").then().statusCode(404);
        as(hr.token()).body(Map.of("decision", "APPROVE")).post("/api/reviews/" + reviewId + "/decisions").then().statusCode(404);
        as(health.token()).get("/api/reviews").then().body("reviewId", hasItem((int) reviewId));
        as(health.token()).body(Map.of("decision", "RETURN")).post("/api/reviews/" + reviewId + "/decisions").then().statusCode(422)
                .body("type", equalTo("/problems/reason-required"));
        as(health.token()).body(Map.of("decision", "RETURN", "reason", "第二讲缺少字幕"))
                .post("/api/reviews/" + reviewId + "/decisions").then().statusCode(200).body("state", equalTo("RETURNED"));
        // the editor sees why, changes the course and hands it in again
        as(editor.token()).get("/api/authoring/courses/" + course).then().statusCode(200)
                .body("editable", equalTo(true)).body("review.transitions[-1].reason", equalTo("第二讲缺少字幕"));
        as(editor.token()).body(Map.of("title", "改过的课程")).patch("/api/authoring/courses/" + course).then().statusCode(200);
        as(editor.token()).post("/api/authoring/courses/" + course + "/submission").then().statusCode(201).body("state", equalTo("SUBMITTED"));
        // while submitted the editor cannot change it
        as(editor.token()).body(Map.of("title", "偷偷再改")).patch("/api/authoring/courses/" + course).then().statusCode(409);
        as(health.token()).body(Map.of("decision", "APPROVE")).post("/api/reviews/" + reviewId + "/decisions").then().statusCode(200);
        assertEquals("PROFESSIONAL", Db.row("select category from course where id = ?", course).get(0));
        assertTrue(Db.number("select count(*) from course where id = ? and published_at is not null", course) == 1);
    }

    @Test
    void nobodyDecidesTheirOwnItemAndEveryWrongStateIsRefused() throws Exception {
        // an account that is both editor and provincial HR writes a public course
        Learners.Staff both = Learners.staff("HR_ADMIN", "PROVINCE", null, null);
        Db.update("update account set roles = 'EDITOR,HR_ADMIN' where id = ?", both.accountId());
        String token = Learners.token(both.accountId(), both.username(), java.util.Set.of("EDITOR", "HR_ADMIN"), null,
                Map.of("lvl", "PROVINCE"));
        long course = readyCourse(token, "PUBLIC", null);
        long reviewId = Db.number("select id from review_item where kind = 'COURSE' and subject_id = ?", course);
        Learners.Staff hr = Learners.provinceHr();
        as(hr.token()).body(Map.of("decision", "APPROVE")).post("/api/reviews/" + reviewId + "/decisions").then().statusCode(409)
                .body("detail", equalTo("尚未提交审核，不能审核。"));
        as(token).post("/api/authoring/courses/" + course + "/submission").then().statusCode(201);
        as(token).post("/api/authoring/courses/" + course + "/submission").then().statusCode(409)
                .body("detail", equalTo("已提交审核，请等待审核结果。"));
        as(token).body(Map.of("decision", "APPROVE")).post("/api/reviews/" + reviewId + "/decisions").then().statusCode(403)
                .body("detail", equalTo("不能审核自己提交的内容。"));
        as(token).get("/api/reviews").then().statusCode(200).body("reviewId", not(hasItem((int) reviewId)));
        as(hr.token()).body(Map.of("decision", "APPROVE")).post("/api/reviews/" + reviewId + "/decisions").then().statusCode(200);
        as(hr.token()).body(Map.of("decision", "RETURN", "reason", "再看看")).post("/api/reviews/" + reviewId + "/decisions")
                .then().statusCode(409).body("detail", equalTo("已审核通过，不能再次审核。"));
        as(token).body(Map.of("title", "发布后再改")).patch("/api/authoring/courses/" + course).then().statusCode(409);
        assertEquals(3, Db.number("select count(*) from review_transition where item_id = ?", reviewId));
    }

    @Test
    void anotherEditorsCourseLessonAndUploadDoNotExistForYou() throws Exception {
        Learners.Staff owner = Learners.editor();
        Learners.Staff other = Learners.editor();
        long course = Authoring.course(owner.token(), 2026, subject(), "PUBLIC", null, "1.0");
        long lesson = Authoring.lesson(owner.token(), course, "第一讲");
        String upload = Authoring.start(owner.token(), lesson, video, "VIDEO").getString("uploadId");
        as(other.token()).get("/api/authoring/courses/" + course).then().statusCode(404);
        as(other.token()).body(Map.of("title", "x")).patch("/api/authoring/courses/" + course).then().statusCode(404);
        as(other.token()).body(Map.of("title", "x")).post("/api/authoring/courses/" + course + "/lessons").then().statusCode(404);
        as(other.token()).delete("/api/authoring/lessons/" + lesson).then().statusCode(404);
        as(other.token()).body(Map.of("fileName", "a.mp4", "sizeBytes", 10)).post("/api/authoring/lessons/" + lesson + "/uploads")
                .then().statusCode(404);
        as(other.token()).get("/api/authoring/uploads/" + upload).then().statusCode(404);
        as(other.token()).post("/api/authoring/uploads/" + upload + "/completion").then().statusCode(404);
        as(other.token()).post("/api/authoring/courses/" + course + "/submission").then().statusCode(404);
        as(other.token()).get("/api/authoring/courses").then().statusCode(200).body("id", not(hasItem((int) course)));
        // a draft is not in the learners' catalog, and not playable by guessing its ids
        Learners.Learner learner = Learners.create();
        as(learner.token()).get("/api/courses/" + course).then().statusCode(404);
        as(learner.token()).post("/api/lessons/" + lesson + "/sessions").then().statusCode(404);
    }

    @Test
    void aLearnerMidCourseKeepsTheVersionTheyStartedAndNoHoursChange() throws Exception {
        Learners.Staff editor = Learners.editor();
        Learners.Staff hr = Learners.provinceHr();
        long v1 = readyCourse(editor.token(), "PUBLIC", null);
        as(editor.token()).post("/api/authoring/courses/" + v1 + "/submission").then().statusCode(201);
        as(hr.token()).body(Map.of("decision", "APPROVE"))
                .post("/api/reviews/" + Db.number("select id from review_item where subject_id = ? and kind = 'COURSE'", v1) + "/decisions")
                .then().statusCode(200);
        Learners.Learner learner = Learners.create();
        long v1Lesson = Db.number("select id from lesson where course_id = ? and position = 1", v1);
        Api.startSession(learner.token(), v1Lesson);

        long v2 = ((Number) as(editor.token()).post("/api/authoring/courses/" + v1 + "/versions").then().statusCode(201)
                .body("version", equalTo(2)).body("state", equalTo("DRAFT")).extract().path("id")).longValue();
        as(editor.token()).post("/api/authoring/courses/" + v1 + "/versions").then().statusCode(409);
        as(editor.token()).body(Map.of("title", "第二版")).patch("/api/authoring/courses/" + v2).then().statusCode(200);
        as(editor.token()).get("/api/authoring/courses/" + v2).then().body("lessons.size()", equalTo(2)).body("questions.size()", equalTo(5));
        as(editor.token()).post("/api/authoring/courses/" + v2 + "/submission").then().statusCode(201);
        as(hr.token()).body(Map.of("decision", "APPROVE"))
                .post("/api/reviews/" + Db.number("select id from review_item where subject_id = ? and kind = 'COURSE'", v2) + "/decisions")
                .then().statusCode(200);

        // the catalog now shows version 2; version 1 stays studyable for whoever started it
        as(learner.token()).get("/api/catalog/2026").then().body("subjects.courses.flatten().id", hasItem((int) v2))
                .body("subjects.courses.flatten().id", not(hasItem((int) v1)));
        as(learner.token()).get("/api/courses/" + v1).then().statusCode(200).body("title", not(equalTo("第二版")));
        Api.completeLessons(learner.professionalId(), v1);
        as(learner.token()).body(Api.rightAnswers(learner.token(), v1)).post("/api/courses/" + v1 + "/quiz/attempts").then()
                .statusCode(200).body("passed", equalTo(true));
        // the same course in its new version earns nothing more
        Api.completeLessons(learner.professionalId(), v2);
        as(learner.token()).body(Api.rightAnswers(learner.token(), v2)).post("/api/courses/" + v2 + "/quiz/attempts").then()
                .statusCode(200).body("passed", equalTo(true));
        assertEquals(1, Db.number("select count(*) from hour_entry where professional_id = ?", learner.professionalId()));
        assertEquals(1.0, ((Number) Db.row("select hours from hour_entry where professional_id = ?", learner.professionalId()).get(0))
                .doubleValue());
    }

    @Test
    void twoReviewersApprovingAtOnceRecordOneDecision() throws Exception {
        Learners.Staff editor = Learners.editor();
        long course = readyCourse(editor.token(), "PUBLIC", null);
        long reviewId = ((Number) as(editor.token()).post("/api/authoring/courses/" + course + "/submission").then().statusCode(201)
                .extract().path("reviewId")).longValue();
        Learners.Staff a = Learners.provinceHr();
        Learners.Staff b = Learners.provinceHr();
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> codes = cn.gd.xueshi.support.Parallel.race(2, () -> {
            int i = turn.getAndIncrement();
            return as(i == 0 ? a.token() : b.token()).body(Map.of("decision", i == 0 ? "APPROVE" : "RETURN", "reason", "并发"))
                    .post("/api/reviews/" + reviewId + "/decisions").statusCode();
        });
        assertEquals(List.of(200, 409), codes.stream().sorted().toList());
        assertEquals(1, Db.number("select count(*) from review_transition where item_id = ? and action in ('APPROVE','RETURN')", reviewId));
    }

    @Test
    void aCoverIsAnImageJudgedByItsBytesAndServedByAFreshRedirect() throws Exception {
        Learners.Staff editor = Learners.editor();
        long course = readyCourse(editor.token(), "PUBLIC", null);
        Path png = dir.resolve("cover.png");
        byte[] bytes = new byte[2048];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, bytes, 0, 8);
        Files.write(png, bytes);
        JsonPath started = as(editor.token()).body(Map.of("fileName", "cover.png", "sizeBytes", 2048))
                .post("/api/authoring/courses/" + course + "/cover-uploads").then().statusCode(201).extract().jsonPath();
        assertEquals(200, Authoring.putPart(png, 5_242_880L, 1, started.getString("parts[0].url")));
        as(editor.token()).post("/api/authoring/uploads/" + started.getString("uploadId") + "/completion").then().statusCode(200)
                .body("contentType", equalTo("image/png"));
        as(editor.token()).get("/api/authoring/courses/" + course).then().body("hasCover", equalTo(true));
        String location = as(editor.token()).redirects().follow(false).get("/api/authoring/courses/" + course + "/cover").then()
                .statusCode(303).extract().header("Location");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertTrue(java.util.Arrays.equals(bytes, image.body()));
        // a draft's cover is nobody else's business, on either route
        as(Learners.editor().token()).redirects().follow(false).get("/api/authoring/courses/" + course + "/cover").then().statusCode(404);
        io.restassured.RestAssured.given().redirects().follow(false).get("/api/courses/" + course + "/cover").then().statusCode(404);
    }
}
