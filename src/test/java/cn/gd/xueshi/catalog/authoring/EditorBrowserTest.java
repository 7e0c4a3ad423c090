package cn.gd.xueshi.catalog.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.gd.xueshi.support.Authoring;
import cn.gd.xueshi.support.Browser;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;

/**
 * An editor publishes a course from a real headless Chromium: the upload's progress bar, a dropped
 * connection, a reopened tab that resumes, captions, a question-bank file; then a provincial HR
 * reviewer previews and approves it, and axe-core finds nothing serious on any page on the way.
 */
@QuarkusTest
class EditorBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void browserIsInstalled() {
        Browser.requireInstalled();
    }

    @Test
    void anEditorUploadsResumesAndSubmitsAndAReviewerApprovesInTheBrowser(@TempDir Path dir) throws Exception {
        String subject = Authoring.subject(2026);
        Learners.Staff editor = Learners.editor();
        Learners.Staff reviewer = Learners.provinceHr();
        // four parts of 5 MiB (the tests' part size); its movie header says 25 minutes, enough for 0.5 学时
        Path video = Authoring.longVideo(dir, 25, 16_000_000);
        Path captions = dir.resolve("lesson.vtt");
        Files.writeString(captions, "WEBVTT\n\n00:00.000 --> 00:04.000\n欢迎学习本课程。\n", StandardCharsets.UTF_8);
        Path bank = dir.resolve("bank.csv");
        StringBuilder csv = new StringBuilder("题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("单选,第").append(i).append("题,对的,错的,,,,,A\n");
        }
        csv.append("多选,只有一个答案的多选题,甲,乙,,,,,A\n");
        Files.writeString(bank, csv.toString(), StandardCharsets.UTF_8);

        String output = Browser.run(base, "editor-publishes.mjs", editor.username(), reviewer.username(), Learners.PASSWORD,
                "2026/" + subject, video.toString(), captions.toString(), bank.toString());
        JsonNode result = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        // the drop: part 1 reached the store, the bar stopped part-way
        assertEquals(1, result.get("partsBeforeDrop").asInt(), output);
        assertTrue(result.get("afterDrop").asInt() > 0 && result.get("afterDrop").asInt() < 100, output);
        // the reopened tab: one part already stored, only the other three sent, the bar at 100 %
        assertEquals("1", result.get("resumedWithStored").asText(), output);
        assertEquals(3, result.get("partsAfterResume").asInt(), output);
        assertEquals(100, result.get("finalPercent").asInt(), output);
        assertTrue(result.get("finalStatus").asText().contains("时长 1500 秒"), output);
        assertTrue(result.get("importReport").asText().contains("已导入 5 题，拒绝 1 行"), output);
        assertTrue(result.get("importReport").asText().contains("第 7 行"), output);
        assertTrue(result.get("checksBeforeSubmit").asText().contains("已通过"), output);
        assertEquals("审核中", result.get("stateAfterSubmit").asText(), output);
        assertEquals(0, result.get("editorPolicyRefusals").asInt(), output);
        assertEquals(1, result.get("previewLessons").asInt(), output);
        assertEquals(1, result.get("previewTrack").asInt(), output);
        assertEquals("已通过", result.get("stateAfterApproval").asText(), output);
        assertTrue(result.get("inCatalog").asBoolean(), output);
        long course = result.get("courseId").asLong();
        assertEquals(1, Db.number("select count(*) from course where id = ? and published_at is not null", course));
        assertEquals(1, Db.number("select count(*) from lesson where course_id = ? and caption_key is not null", course));
        assertEquals(14, result.get("checked").size(), output);
    }
}
