package cn.gd.xueshi.catalog;

import java.math.BigDecimal;
import java.util.List;

/** Read models of the published catalog. Immutable, so they are cached and shared. */
public final class CatalogViews {

    private CatalogViews() {
    }

    public record YearView(int year, String title, List<SubjectView> subjects) {
    }

    public record SubjectView(long id, String code, String title, String guideMarkdown, int version, List<CourseSummary> courses) {
    }

    public record CourseSummary(long id, String title, BigDecimal hours, int lessonCount, boolean demo) {
    }

    public record CourseView(long id, String code, int version, boolean current, String title, BigDecimal hours, int year,
            long subjectId, String subjectTitle, List<LessonView> lessons, boolean demo, CourseCategory category,
            cn.gd.xueshi.identity.Sector sector, String description, String guideMarkdown, String coverKey,
            Integer questionsPerAttempt, Integer passMark, boolean published) {

        public int lessonCount() {
            return lessons.size();
        }
    }

    public record LessonView(long id, long courseId, int position, String title, int durationMs, String objectKey,
            String contentType, String captionKey) {

        public int durationSeconds() {
            return (durationMs + 999) / 1000;
        }
    }

    /** A question with its answer key: never sent to a client as is. */
    public record KeyedQuestion(long id, String kind, String text, List<KeyedOption> options) {
    }

    public record KeyedOption(long id, String text, boolean correct) {
    }
}
