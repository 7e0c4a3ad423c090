package cn.gd.xueshi.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseIntegrityTest {

    private final CourseIntegrity integrity = new CourseIntegrity(45, 5);

    @Test
    void hoursMustFitTheVideoTimeAtFortyFiveMinutesEach() {
        assertEquals(List.of(), integrity.refusals(new BigDecimal("2"), List.of(2_700_000, 2_700_000), 5));
        assertEquals(List.of("课程学时 2.1 超过视频总时长可支持的 2.0 学时（每学时 45 分钟）。"),
                integrity.refusals(new BigDecimal("2.1"), List.of(2_700_000, 2_700_000), 5));
        assertEquals(List.of("课程学时 30 超过视频总时长可支持的 0.0 学时（每学时 45 分钟）。"),
                integrity.refusals(new BigDecimal("30"), List.of(24_000, 24_000), 6));
        assertEquals(List.of(), new CourseIntegrity(30, 5).refusals(new BigDecimal("3"), List.of(5_400_000), 5));
    }

    @Test
    void everyLessonNeedsAPlayableVideoAndTheBankOneFullPaper() {
        assertEquals(List.of("课程至少需要一讲视频。", "课程学时 1 超过视频总时长可支持的 0.0 学时（每学时 45 分钟）。"),
                integrity.refusals(BigDecimal.ONE, List.of(), 5));
        assertEquals(List.of("第 2 讲没有可播放的视频。"), integrity.refusals(BigDecimal.ONE, List.of(2_700_000, 0), 5));
        assertEquals(List.of("题库只有 4 题，少于每次测验抽取的 5 题。"), integrity.refusals(BigDecimal.ONE, List.of(2_700_000), 4));
    }

    private static CatalogConfig config(boolean acceptDemo) {
        return new CatalogConfig() {
            public Optional<String> dir() {
                return Optional.empty();
            }

            public boolean acceptDemo() {
                return acceptDemo;
            }

            public int minutesPerHour() {
                return 45;
            }

            public int questionsPerAttempt() {
                return 5;
            }

            public int minQuestionsPerAttempt() {
                return 3;
            }

            public int maxQuestionsPerAttempt() {
                return 50;
            }

            public int minPassMark() {
                return 60;
            }
        };
    }

    private static List<String> admitted(ContentPlan plan, boolean acceptDemo) {
        return new ContentImporter(config(acceptDemo), null, null, null).admit(plan).years().stream()
                .flatMap(y -> y.subjects().stream()).flatMap(s -> s.courses().stream()).map(ContentPlan.CoursePlan::code).toList();
    }

    @Test
    void demoCoursesAreImportedOnlyWhereDemosAreAccepted() {
        ContentPlan shipped = ContentReader.read(Path.of("content"));
        assertEquals(List.of("ai-at-work", "data-security", "gba-rules"), admitted(shipped, true));
        assertEquals(List.of(), admitted(shipped, false));
    }

    @Test
    void aCourseThatBreaksTheRulesIsNotImportedUnlessItIsADemo(@TempDir Path dir) throws Exception {
        ContentReaderTest.copyContent(dir);
        Path manifest = dir.resolve("2026/catalog.yaml");
        String yaml = Files.readString(manifest)
                .replace("      - code: gba-rules\n        demo: true\n", "      - code: gba-rules\n")
                .replace("      - code: ai-at-work\n        demo: true\n", "      - code: ai-at-work\n")
                .replace("hours: 15\n        lessons:\n          - { title: 第一讲 人工智能是什么, file: lessons/ai-1.mp4 }\n"
                        + "          - { title: 第二讲 在岗位上用好人工智能, file: lessons/ai-2.mp4 }",
                        "hours: 2\n        lessons:\n          - { title: 第一讲 人工智能是什么, file: lessons/ai-1.mp4 }\n"
                        + "          - { title: 第二讲 在岗位上用好人工智能, file: lessons/ai-2.mp4 }");
        Files.writeString(manifest, yaml, StandardCharsets.UTF_8);
        // two lessons whose movie headers say 45 minutes each: 2 学时 of video
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path long45 = cn.gd.xueshi.support.Authoring.longVideo(scratch, 45, Files.size(cn.gd.xueshi.support.Authoring.VIDEO) + 8);
        Files.copy(long45, dir.resolve("2026/lessons/ai-1.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(long45, dir.resolve("2026/lessons/ai-2.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ContentPlan plan = ContentReader.read(dir);
        assertEquals(List.of("ai-at-work", "data-security"), admitted(plan, true));
        assertEquals(List.of("ai-at-work"), admitted(plan, false));
    }

    @Test
    void aDurationTheCatalogFileClaimsButTheVideoDoesNotHaveIsRefused(@TempDir Path dir) throws Exception {
        ContentReaderTest.copyContent(dir);
        Path manifest = dir.resolve("2026/catalog.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("file: lessons/ai-1.mp4 }",
                "file: lessons/ai-1.mp4, durationSeconds: 2700 }"), StandardCharsets.UTF_8);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ContentReader.read(dir));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("runs 24000 ms, not the 2700 s its entry says"), e.getMessage());
    }
}
