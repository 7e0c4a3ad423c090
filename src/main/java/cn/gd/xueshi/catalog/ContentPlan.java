package cn.gd.xueshi.catalog;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** What the content folder holds, resolved and hashed, ready to compare with the database. */
public record ContentPlan(List<YearPlan> years) {

    public record YearPlan(int year, String title, List<SubjectPlan> subjects) {
    }

    public record SubjectPlan(String code, String title, String guideMarkdown, String hash, List<CoursePlan> courses) {
    }

    public record CoursePlan(String code, String title, BigDecimal hours, String hash, List<LessonPlan> lessons,
            List<ContentManifest.QuestionEntry> questions, boolean demo) {
    }

    public record LessonPlan(String title, Path file, String objectKey, String contentType, long sizeBytes, int durationMs) {
    }
}
