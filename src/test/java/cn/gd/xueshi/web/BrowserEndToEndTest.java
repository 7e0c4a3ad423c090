package cn.gd.xueshi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gd.xueshi.support.Api;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A learner in a real headless Chromium (Debian's, driven by playwright-core) signs in, plays a
 * lesson until the server records progress, and sees it on the course page.
 */
@QuarkusTest
class BrowserEndToEndTest {

    private static final Path E2E = Path.of("src/test/e2e");

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void browserIsInstalled() {
        assertTrue(Files.isDirectory(E2E.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: run `bash .ci/run` (or `npm install` in src/test/e2e)");
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "Debian's chromium is not installed: run `bash .ci/run` (it installs chromium and chromium-driver)");
    }

    @Test
    void aLearnerPlaysALessonAndTheCoursePageShowsTheProgress() throws Exception {
        Learners.Learner learner = Learners.create();
        long lesson = Api.lessonId("gba-rules", 1);
        long course = Api.courseId("gba-rules");
        String output = node("learner-plays.mjs", learner.username(), Learners.PASSWORD, String.valueOf(lesson),
                String.valueOf(course));
        assertTrue(output.contains("\"codecOk\":\"probably\""), output);
        long watchedMs = Db.number("select watched_ms from lesson_progress where professional_id = ? and lesson_id = ?",
                learner.professionalId(), lesson);
        assertTrue(watchedMs >= 4_000, "server recorded " + watchedMs + " ms; browser said " + output);
    }

    @Test
    void aLearnerWatchesACoursePassesItsQuizAndFindsTheHoursRegistered() throws Exception {
        Learners.Learner learner = Learners.create();
        long course = Api.courseId("data-security");
        Api.completeLessons(learner.professionalId(), course);
        String answers = new ObjectMapper().writeValueAsString(Api.rightAnswers(learner.token(), course).get("answers"));
        Db.update("delete from lesson_progress where professional_id = ?", learner.professionalId());
        String output = node("full-path.mjs", learner.username(), Learners.PASSWORD, String.valueOf(course), answers);
        assertTrue(output.contains("\"earnedPublic\":\"15.0\""), output);
        assertEquals(1, Db.number("select count(*) from hour_entry where professional_id = ? and source = 'ONLINE_COURSE'",
                learner.professionalId()));
    }

    @Test
    void everyPageALearnerUsesPassesAxeOnAPhoneAndADesktop() throws Exception {
        Learners.Learner learner = Learners.create();
        long course = Api.courseId("ai-at-work");
        Api.completeLessons(learner.professionalId(), course);
        String output = node("a11y.mjs", learner.username(), Learners.PASSWORD, String.valueOf(course),
                String.valueOf(Api.lessonId("ai-at-work", 1)));
        assertTrue(output.contains("desktop learner quiz result") && output.contains("phone anonymous /login"), output);
    }

    private String node(String script, String... args) throws Exception {
        return cn.gd.xueshi.support.Browser.run(base, script, args);
    }

}
