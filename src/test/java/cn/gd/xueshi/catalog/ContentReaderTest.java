package cn.gd.xueshi.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.gd.xueshi.media.MediaProbe;
import cn.gd.xueshi.media.RangeReader;

class ContentReaderTest {

    @Test
    void shippedContentHasTwoSubjectsThreeCoursesAndEnoughLessonsAndQuestions() {
        ContentPlan plan = ContentReader.read(Path.of("content"));
        ContentPlan.YearPlan y2026 = plan.years().stream().filter(y -> y.year() == 2026).findFirst().orElseThrow();
        assertTrue(y2026.subjects().size() >= 2);
        long courses = y2026.subjects().stream().mapToLong(s -> s.courses().size()).sum();
        assertTrue(courses >= 3);
        y2026.subjects().forEach(s -> {
            assertTrue(s.guideMarkdown().startsWith("# 学习指南"));
            s.courses().forEach(c -> {
                assertTrue(c.lessons().size() >= 2, c.code());
                assertTrue(c.questions().size() >= 5, c.code());
                c.lessons().forEach(l -> assertEquals(24_000, l.durationMs(), l.file().toString()));
            });
        });
    }

    @Test
    void durationIsReadFromTheMovieHeader() throws Exception {
        assertEquals(24_000, MediaProbe.probe(RangeReader.of(Path.of("content/2026/lessons/ai-1.mp4"))).durationMs());
    }

    @Test
    void aChangedCourseHashesDifferentlyAndAnUnchangedOneTheSame(@TempDir Path dir) throws IOException {
        copyContent(dir);
        String before = course(ContentReader.read(dir), "gba-rules").hash();
        assertEquals(before, course(ContentReader.read(dir), "gba-rules").hash());
        Path manifest = dir.resolve("2026/catalog.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("hours: 30", "hours: 20"), StandardCharsets.UTF_8);
        ContentPlan.CoursePlan changed = course(ContentReader.read(dir), "gba-rules");
        assertNotEquals(before, changed.hash());
        assertEquals(0, new BigDecimal("20").compareTo(changed.hours()));
    }

    @Test
    void aQuestionWithTwoRightAnswersInASingleChoiceIsRejected(@TempDir Path dir) throws IOException {
        copyContent(dir);
        Path bank = dir.resolve("2026/questions/gba-rules.yaml");
        Files.writeString(bank, Files.readString(bank).replace("{ text: 三种货币, correct: false }", "{ text: 三种货币, correct: true }"),
                StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContentReader.read(dir));
        assertTrue(e.getMessage().contains("wrong number of correct options"), e.getMessage());
    }

    static ContentPlan.CoursePlan course(ContentPlan plan, String code) {
        return plan.years().get(0).subjects().stream().flatMap(s -> s.courses().stream())
                .filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    static void copyContent(Path target) throws IOException {
        Path source = Path.of("content");
        try (var files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }
}
