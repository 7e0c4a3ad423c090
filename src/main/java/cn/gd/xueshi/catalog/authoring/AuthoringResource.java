package cn.gd.xueshi.catalog.authoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.CourseCategory;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.media.UploadKind;
import cn.gd.xueshi.review.Actors;

/** The editors' API: courses, lessons, uploads straight to the object store, question banks, submission. */
@Path("/api/authoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_)
public class AuthoringResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuthoringService authoring;
    private final cn.gd.xueshi.catalog.CatalogService catalog;
    private final CurrentUser user;

    public AuthoringResource(AuthoringService authoring, cn.gd.xueshi.catalog.CatalogService catalog, CurrentUser user) {
        this.authoring = authoring;
        this.catalog = catalog;
        this.user = user;
    }

    public record NewCourseRequest(
            @NotNull(message = "请填写年度") @Min(value = 2000, message = "年度不正确") @Max(value = 2100, message = "年度不正确") Integer year,
            @NotBlank(message = "请选择科目") @Size(max = 64, message = "科目代码过长") String subjectCode,
            @NotNull(message = "请选择类别：PUBLIC（公需科目）或 PROFESSIONAL（专业科目）") CourseCategory category,
            Sector sector,
            @NotBlank(message = "请填写课程名称") @Size(max = 200, message = "课程名称不能超过 200 字") String title,
            @NotNull(message = "请填写学时") @DecimalMin(value = "0.5", message = "学时至少 0.5") @DecimalMax(value = "200", message = "学时不能超过 200")
            @Digits(integer = 3, fraction = 1, message = "学时最多一位小数") BigDecimal hours,
            @Size(max = 5000, message = "课程简介不能超过 5000 字") String description) {
    }

    public record CoursePatchRequest(
            @Min(value = 2000, message = "年度不正确") @Max(value = 2100, message = "年度不正确") Integer year,
            @Size(min = 1, max = 64, message = "科目代码须为 1 至 64 个字符") String subjectCode,
            CourseCategory category,
            Sector sector,
            @Size(min = 1, max = 200, message = "课程名称须为 1 至 200 字") String title,
            @DecimalMin(value = "0.5", message = "学时至少 0.5") @DecimalMax(value = "200", message = "学时不能超过 200")
            @Digits(integer = 3, fraction = 1, message = "学时最多一位小数") BigDecimal hours,
            @Size(max = 5000, message = "课程简介不能超过 5000 字") String description,
            @Size(max = 50000, message = "学习指南不能超过 50000 字") String guideMarkdown,
            Integer questionsPerAttempt,
            Integer passMark) {
    }

    public record LessonRequest(@NotBlank(message = "请填写课时名称") @Size(max = 200, message = "课时名称不能超过 200 字") String title) {
    }

    public record LessonPatchRequest(@Size(min = 1, max = 200, message = "课时名称须为 1 至 200 字") String title,
            @Min(value = 1, message = "位置从 1 开始") Integer position) {
    }

    public record LessonCreated(long lessonId) {
    }

    public record UploadRequest(
            @NotBlank(message = "请提供文件名") @Size(max = 200, message = "文件名不能超过 200 字") String fileName,
            @NotNull(message = "请提供文件大小") @Positive(message = "文件大小须大于 0") Long sizeBytes,
            UploadKind kind) {
    }

    public record OptionRequest(@NotNull(message = "选项不能为空") @Size(min = 1, max = BankRules.MAX_OPTION, message = "选项须为 1 至 500 字")
            String text, boolean correct) {
    }

    public record QuestionRequest(
            @NotNull(message = "请选择题型：SINGLE、MULTIPLE 或 TRUE_FALSE") BankRules.Kind kind,
            @NotBlank(message = "题干不能为空") @Size(max = BankRules.MAX_TEXT, message = "题干不能超过 2000 字") String text,
            @NotEmpty(message = "请提供选项") @Size(max = 6, message = "最多 6 个选项") List<@Valid @NotNull(message = "选项不能为空") OptionRequest> options) {
    }

    public record QuestionCreated(long questionId) {
    }

    /** Creates a course (version 1, a draft) in a subject of a year. */
    @POST
    @Path("courses")
    public Uni<Response> create(@Valid @NotNull(message = "请求内容不能为空") NewCourseRequest r) {
        return authoring.create(Actors.of(user), new AuthoringService.NewCourse(r.year(), r.subjectCode().strip(), r.category(),
                r.sector(), r.title(), r.hours(), r.description())).map(c -> Response.status(201).entity(c).build());
    }

    /** The editor's workspace: their courses with their review states. */
    @GET
    @Path("courses")
    public Uni<List<AuthoringViews.Summary>> mine() {
        return authoring.mine(Actors.of(user));
    }

    /** A version as its editor writes it and its reviewer previews it: fields, lessons, bank, checks, review history. */
    @GET
    @Path("courses/{id}")
    @RolesAllowed({Role.EDITOR_, Role.HR_ADMIN_, Role.AUTHORITY_REVIEWER_})
    public Uni<AuthoringViews.CourseDraft> draft(@PathParam("id") long id) {
        return authoring.draft(id, Actors.of(user));
    }

    /** Changes any course field while the version is a draft or returned. */
    @PATCH
    @Path("courses/{id}")
    public Uni<AuthoringViews.CourseDraft> patch(@PathParam("id") long id, @Valid @NotNull(message = "请求内容不能为空") CoursePatchRequest r) {
        return authoring.patch(id, Actors.of(user), new AuthoringService.CoursePatch(r.year(),
                r.subjectCode() == null ? null : r.subjectCode().strip(), r.category(), r.sector(), r.title(), r.hours(),
                r.description(), r.guideMarkdown(), r.questionsPerAttempt(), r.passMark()));
    }

    /** A new draft version of a published course; the published one stays online until the new one is approved. */
    @POST
    @Path("courses/{id}/versions")
    public Uni<Response> newVersion(@PathParam("id") long id) {
        return authoring.newVersion(id, Actors.of(user)).map(c -> Response.status(201).entity(c).build());
    }

    @POST
    @Path("courses/{id}/lessons")
    public Uni<Response> addLesson(@PathParam("id") long id, @Valid @NotNull(message = "请求内容不能为空") LessonRequest r) {
        return authoring.addLesson(id, Actors.of(user), r.title()).map(l -> Response.status(201).entity(new LessonCreated(l)).build());
    }

    /** Renames a lesson or moves it to another position. */
    @PATCH
    @Path("lessons/{lessonId}")
    public Uni<Response> patchLesson(@PathParam("lessonId") long lessonId, @Valid @NotNull(message = "请求内容不能为空") LessonPatchRequest r) {
        return authoring.renameLesson(lessonId, Actors.of(user), r.title(), r.position()).map(x -> Response.noContent().build());
    }

    @DELETE
    @Path("lessons/{lessonId}")
    public Uni<Response> deleteLesson(@PathParam("lessonId") long lessonId) {
        return authoring.deleteLesson(lessonId, Actors.of(user)).map(x -> Response.noContent().build());
    }

    /**
     * Starts a browser upload of a lesson's video (default) or captions: the answer has a presigned
     * PUT URL per part; the bytes go straight to the object store.
     */
    @POST
    @Path("lessons/{lessonId}/uploads")
    public Uni<Response> startUpload(@PathParam("lessonId") long lessonId, @Valid @NotNull(message = "请求内容不能为空") UploadRequest r) {
        return authoring.startLessonUpload(lessonId, Actors.of(user), r.kind() == null ? UploadKind.VIDEO : r.kind(), r.fileName(),
                r.sizeBytes()).map(u -> Response.status(201).entity(u).build());
    }

    /** Starts a browser upload of the course's cover image (PNG, JPEG or WebP). */
    @POST
    @Path("courses/{id}/cover-uploads")
    public Uni<Response> startCoverUpload(@PathParam("id") long id, @Valid @NotNull(message = "请求内容不能为空") UploadRequest r) {
        return authoring.startCoverUpload(id, Actors.of(user), r.fileName(), r.sizeBytes()).map(u -> Response.status(201).entity(u).build());
    }

    /** Which parts the store holds, with fresh URLs for the missing ones: how an interrupted upload resumes. */
    @GET
    @Path("uploads/{uploadId}")
    public Uni<AuthoringViews.UploadStatus> uploadStatus(@PathParam("uploadId") String uploadId) {
        return authoring.uploadStatus(uuid(uploadId), Actors.of(user));
    }

    /** Joins the parts; the type and a video's duration are read from the stored object. 422 when refused. */
    @POST
    @Path("uploads/{uploadId}/completion")
    public Uni<AuthoringViews.Completed> complete(@PathParam("uploadId") String uploadId) {
        return authoring.completeUpload(uuid(uploadId), Actors.of(user));
    }

    /** An upload id as issued; anything else names no upload. */
    private static UUID uuid(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // falls through to not found
        }
        throw cn.gd.xueshi.shared.ProblemException.notFound("上传不存在（编号 " + id + "）。");
    }

    /** Short-lived URLs of a lesson's video and captions, for the preview. */
    @GET
    @Path("lessons/{lessonId}/media")
    @RolesAllowed({Role.EDITOR_, Role.HR_ADMIN_, Role.AUTHORITY_REVIEWER_})
    public Uni<AuthoringViews.Media> media(@PathParam("lessonId") long lessonId) {
        return authoring.media(lessonId, Actors.of(user));
    }

    /** The version's cover image (a redirect to a fresh store URL), for the preview. */
    @GET
    @Path("courses/{id}/cover")
    @RolesAllowed({Role.EDITOR_, Role.HR_ADMIN_, Role.AUTHORITY_REVIEWER_})
    public Uni<Response> cover(@PathParam("id") long id) {
        return authoring.coverUrl(id, Actors.of(user)).map(url -> Response.seeOther(java.net.URI.create(url)).build());
    }

    /** A lesson's WebVTT captions, for the preview. */
    @GET
    @Path("lessons/{lessonId}/captions")
    @Produces("text/vtt;charset=UTF-8")
    @RolesAllowed({Role.EDITOR_, Role.HR_ADMIN_, Role.AUTHORITY_REVIEWER_})
    public Uni<String> captions(@PathParam("lessonId") long lessonId) {
        return authoring.captions(lessonId, Actors.of(user), catalog::readText);
    }

    @POST
    @Path("courses/{id}/questions")
    public Uni<Response> addQuestion(@PathParam("id") long id, @Valid @NotNull(message = "请求内容不能为空") QuestionRequest r) {
        return authoring.addQuestion(id, Actors.of(user), new AuthoringService.NewQuestion(r.kind(), r.text(),
                r.options().stream().map(o -> new BankRules.Option(o.text(), o.correct())).toList()))
                .map(q -> Response.status(201).entity(new QuestionCreated(q)).build());
    }

    /** Imports questions from a CSV or XLSX file (format in {@link QuestionSheet}); answers a per-row report. */
    @POST
    @Path("courses/{id}/questions/import")
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Uni<AuthoringViews.ImportReport> importQuestions(@PathParam("id") long id, byte[] body) {
        return authoring.importQuestions(id, Actors.of(user), body == null ? new byte[0] : body);
    }

    @DELETE
    @Path("questions/{questionId}")
    public Uni<Response> deleteQuestion(@PathParam("questionId") long questionId) {
        return authoring.deleteQuestion(questionId, Actors.of(user)).map(x -> Response.noContent().build());
    }

    /** Hands the version in for review; 422 listing what the integrity checks refuse. */
    @POST
    @Path("courses/{id}/submission")
    public Uni<Response> submit(@PathParam("id") long id) {
        return authoring.submit(id, Actors.of(user)).map(s -> Response.status(201).entity(s).build());
    }
}
