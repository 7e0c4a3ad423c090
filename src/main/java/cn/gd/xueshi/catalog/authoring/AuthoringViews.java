package cn.gd.xueshi.catalog.authoring;

import java.math.BigDecimal;
import java.util.List;

import cn.gd.xueshi.catalog.CourseCategory;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.review.ReviewViews;

/** What editors and reviewers see of a course version being written. */
public final class AuthoringViews {

    private AuthoringViews() {
    }

    public record Created(long id, int version, ReviewState state) {
    }

    public record Summary(long id, String title, int year, String subjectTitle, CourseCategory category, Sector sector,
            BigDecimal hours, int version, ReviewState state, boolean published, boolean current) {
    }

    public record LessonDraft(long lessonId, int position, String title, Integer durationSeconds, String contentType, Long sizeBytes,
            boolean hasVideo, boolean hasCaptions) {
    }

    public record OptionDraft(String text, boolean correct) {
    }

    public record QuestionDraft(long questionId, int position, BankRules.Kind kind, String text, List<OptionDraft> options) {
    }

    public record CourseDraft(long id, String code, int version, int year, String subjectCode, String subjectTitle,
            CourseCategory category, Sector sector, String title, BigDecimal hours, String description, String guideMarkdown,
            boolean hasCover, Integer questionsPerAttempt, Integer passMark, boolean published, boolean current, boolean editable,
            long ownerAccountId, List<LessonDraft> lessons, List<QuestionDraft> questions, List<String> integrityRefusals,
            ReviewViews.Item review) {
    }

    public record Upload(String uploadId, long partSizeBytes, List<Part> parts) {
    }

    public record Part(int partNumber, String url) {
    }

    public record UploadStatus(String uploadId, String state, long sizeBytes, long partSizeBytes, List<Integer> partsStored,
            List<Part> parts) {
    }

    public record Completed(String contentType, Integer durationSeconds, long sizeBytes) {
    }

    public record ImportReport(int accepted, int refused, List<RowRefusal> refusals) {
    }

    public record RowRefusal(int row, String reason) {
    }

    public record Submitted(long reviewId, ReviewState state) {
    }

    public record Media(String videoUrl, String captionsUrl) {
    }
}
