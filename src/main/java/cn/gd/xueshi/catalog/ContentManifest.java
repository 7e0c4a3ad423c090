package cn.gd.xueshi.catalog;

import java.math.BigDecimal;
import java.util.List;

/** The shape of {@code content/<year>/catalog.yaml} and its question files, as authors write them. */
public final class ContentManifest {

    private ContentManifest() {
    }

    public record Year(int year, String title, List<SubjectEntry> subjects) {
    }

    public record SubjectEntry(String code, String title, String guide, List<CourseEntry> courses) {
    }

    public record CourseEntry(String code, String title, BigDecimal hours, List<LessonEntry> lessons, String questions, Boolean demo) {
    }

    public record LessonEntry(String title, String file, Integer durationSeconds) {
    }

    public record QuestionEntry(String kind, String text, List<OptionEntry> options) {
    }

    public record OptionEntry(String text, boolean correct) {
    }
}
