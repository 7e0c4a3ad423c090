package cn.gd.xueshi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.gd.xueshi.support.Authoring;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;

/** Uploads left open are aborted by the sweep, with their parts, in the real S3 server; finished ones are left alone. */
@QuarkusTest
class AbandonedUploadsTest {

    @Inject
    Uploads uploads;
    @Inject
    ObjectStore store;
    @Inject
    MutableClock clock;

    @Test
    void anUploadLeftOpenPastTheLimitIsAbortedAndItsPartsDeleted(@TempDir Path dir) throws Throwable {
        Learners.Staff editor = Learners.editor();
        long course = Authoring.course(editor.token(), 2026, Authoring.subject(2026), "PUBLIC", null, "1.0");
        long lesson = Authoring.lesson(editor.token(), course, "第一讲");
        Path video = Authoring.paddedVideo(dir, 11_000_000);
        JsonPath open = Authoring.start(editor.token(), lesson, video, "VIDEO");
        assertEquals(200, Authoring.putPart(video, 5_242_880L, 1, open.getString("parts[0].url")));
        String key = (String) Db.row("select object_key from media_upload where id = ?::uuid", open.getString("uploadId")).get(0);
        String s3 = (String) Db.row("select s3_upload_id from media_upload where id = ?::uuid", open.getString("uploadId")).get(0);
        assertEquals(1, store.storedParts(key, s3).size());
        Authoring.upload(editor.token(), Authoring.lesson(editor.token(), course, "第二讲"), video, "VIDEO");

        clock.advance(Duration.ofHours(25));
        int aborted = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> uploads.abortAbandoned());

        assertEquals(true, aborted >= 1);
        assertEquals("ABORTED", Db.row("select state from media_upload where id = ?::uuid", open.getString("uploadId")).get(0));
        assertEquals(0, store.storedParts(key, s3).size());
        assertEquals(0, Db.number("select count(*) from media_upload where state = 'COMPLETED' and finished_at is null"));
    }
}
