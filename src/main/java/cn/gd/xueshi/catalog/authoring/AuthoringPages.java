package cn.gd.xueshi.catalog.authoring;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.CatalogAdmin;
import cn.gd.xueshi.catalog.CatalogConfig;
import cn.gd.xueshi.catalog.CourseCategory;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.Actors;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.shared.FormFields;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.shared.SafeMarkdown;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/**
 * The editors' pages: the workspace with their courses by state, the course editor (fields, guide,
 * lessons with uploads, question bank, submission) and the preview their reviewers see too. Forms
 * post here and call the same service as the API; uploads and file imports go from the page's
 * script to the API, the video bytes straight to the object store.
 */
@Path("/authoring")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.EDITOR_)
public class AuthoringPages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance workspace(Chrome chrome, List<Group> groups, List<CatalogAdmin.YearRow> years,
                List<Sector> sectors, String message);

        static native TemplateInstance editor(Chrome chrome, AuthoringViews.CourseDraft course, List<CatalogAdmin.YearRow> years,
                List<Sector> sectors, String message, String formatHelp, String guideHtml, int defaultQuestions, int minQuestions,
                int maxQuestions, int minPassMark);

        static native TemplateInstance preview(Chrome chrome, AuthoringViews.CourseDraft course, String descriptionHtml,
                String guideHtml, boolean reviewer);
    }

    /** The editor's courses in one review state, with its heading. */
    public record Group(String title, List<AuthoringViews.Summary> courses) {
    }

    private final AuthoringService authoring;
    private final CatalogAdmin catalog;
    private final CatalogConfig config;
    private final CurrentUser user;
    private final PageFrame frame;

    public AuthoringPages(AuthoringService authoring, CatalogAdmin catalog, CatalogConfig config, CurrentUser user, PageFrame frame) {
        this.authoring = authoring;
        this.catalog = catalog;
        this.config = config;
        this.user = user;
        this.frame = frame;
    }

    private Actor actor() {
        return Actors.of(user);
    }

    @GET
    public Uni<Response> workspace() {
        return workspace(null, 200);
    }

    private Uni<Response> workspace(String message, int status) {
        return authoring.mine(actor()).flatMap(mine -> catalog.years().map(years -> {
            List<Group> groups = new ArrayList<>();
            for (ReviewState s : List.of(ReviewState.DRAFT, ReviewState.RETURNED, ReviewState.SUBMITTED, ReviewState.APPROVED)) {
                groups.add(new Group(label(s), mine.stream().filter(c -> c.state() == s).toList()));
            }
            return Response.status(status).entity(Templates.workspace(frame.chrome(), groups, years, List.of(Sector.values()), message))
                    .build();
        }));
    }

    static String label(ReviewState s) {
        return switch (s) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "审核中";
            case RETURNED -> "已退回，待修改";
            case APPROVED -> "已发布";
        };
    }

    @POST
    @Path("courses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(FormFields form) {
        requireCsrf(form);
        return attempt(() -> {
            String[] yearSubject = text(form, "subject", "科目").split("/", 2);
            if (yearSubject.length != 2) {
                throw ProblemException.unprocessable("invalid-subject", "请选择科目。");
            }
            CourseCategory category = choice(CourseCategory.class, form.first("category"), "类别");
            Sector sector = category == CourseCategory.PROFESSIONAL ? choice(Sector.class, form.first("sector"), "行业") : null;
            return authoring.create(actor(), new AuthoringService.NewCourse(number(yearSubject[0], "年度"), yearSubject[1], category, sector,
                    limited(text(form, "title", "课程名称"), 200, "课程名称"), hours(form.first("hours")),
                    limited(form.first("description"), 5000, "课程简介")))
                    .map(c -> Response.seeOther(URI.create("/authoring/courses/" + c.id())).build());
        }, message -> workspace(message, 422));
    }

    @GET
    @Path("courses/{id}")
    public Uni<Response> editor(@PathParam("id") long id) {
        return editor(id, null, 200);
    }

    private Uni<Response> editor(long id, String message, int status) {
        return authoring.draft(id, actor()).flatMap(course -> catalog.years().map(years -> Response.status(status)
                .entity(Templates.editor(frame.chrome(), course, years, List.of(Sector.values()), message, QuestionSheet.FORMAT_HELP,
                        SafeMarkdown.toHtml(course.guideMarkdown()), config.questionsPerAttempt(), config.minQuestionsPerAttempt(),
                        config.maxQuestionsPerAttempt(), config.minPassMark()))
                .build()));
    }

    @POST
    @Path("courses/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@PathParam("id") long id, FormFields form) {
        requireCsrf(form);
        return attempt(() -> {
            CourseCategory category = choice(CourseCategory.class, form.first("category"), "类别");
            Sector sector = category == CourseCategory.PROFESSIONAL ? choice(Sector.class, form.first("sector"), "行业") : null;
            return authoring.patch(id, actor(), new AuthoringService.CoursePatch(null, null, category, sector,
                    limited(text(form, "title", "课程名称"), 200, "课程名称"), hours(form.first("hours")),
                    limited(form.first("description"), 5000, "课程简介"), limited(form.first("guideMarkdown"), 50_000, "学习指南"),
                    optionalNumber(form.first("questionsPerAttempt"), "每次测验抽题数"), optionalNumber(form.first("passMark"), "及格分")))
                    .map(x -> back(id, "saved"));
        }, message -> editor(id, message, 422));
    }

    @POST
    @Path("courses/{id}/lessons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addLesson(@PathParam("id") long id, FormFields form) {
        requireCsrf(form);
        return attempt(() -> authoring.addLesson(id, actor(), limited(text(form, "title", "课时名称"), 200, "课时名称"))
                .map(x -> back(id, "lessons")), message -> editor(id, message, 422));
    }

    @POST
    @Path("courses/{id}/lessons/{lessonId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changeLesson(@PathParam("id") long id, @PathParam("lessonId") long lessonId, FormFields form) {
        requireCsrf(form);
        return attempt(() -> {
            if ("delete".equals(form.first("action"))) {
                return authoring.deleteLesson(lessonId, actor()).map(x -> back(id, "lessons"));
            }
            String move = form.first("action");
            Integer position = null;
            if ("up".equals(move) || "down".equals(move)) {
                position = number(form.first("position"), "位置") + ("up".equals(move) ? -1 : 1);
            }
            String title = form.first("title");
            return authoring.renameLesson(lessonId, actor(), title == null ? null : limited(title.isBlank() ? null : title, 200, "课时名称"),
                    position).map(x -> back(id, "lessons"));
        }, message -> editor(id, message, 422));
    }

    @POST
    @Path("courses/{id}/questions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addQuestion(@PathParam("id") long id, FormFields form) {
        requireCsrf(form);
        return attempt(() -> {
            BankRules.Kind kind = choice(BankRules.Kind.class, form.first("kind"), "题型");
            List<BankRules.Option> options = new ArrayList<>();
            List<String> correct = form.all().getOrDefault("correct", List.of());
            if (kind == BankRules.Kind.TRUE_FALSE) {
                options.add(new BankRules.Option("正确", "true".equals(form.first("truth"))));
                options.add(new BankRules.Option("错误", "false".equals(form.first("truth"))));
            } else {
                for (int i = 1; i <= 6; i++) {
                    String text = form.first("option" + i);
                    if (text != null && !text.isBlank()) {
                        options.add(new BankRules.Option(text, correct.contains(String.valueOf(i))));
                    }
                }
            }
            return authoring.addQuestion(id, actor(), new AuthoringService.NewQuestion(kind, form.first("text"), options))
                    .map(x -> back(id, "questions"));
        }, message -> editor(id, message, 422));
    }

    @POST
    @Path("courses/{id}/questions/{questionId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> deleteQuestion(@PathParam("id") long id, @PathParam("questionId") long questionId, FormFields form) {
        requireCsrf(form);
        return attempt(() -> authoring.deleteQuestion(questionId, actor()).map(x -> back(id, "questions")),
                message -> editor(id, message, 422));
    }

    @POST
    @Path("courses/{id}/submission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> submit(@PathParam("id") long id, FormFields form) {
        requireCsrf(form);
        return attempt(() -> authoring.submit(id, actor()).map(x -> back(id, "review")), message -> editor(id, message, 422));
    }

    @POST
    @Path("courses/{id}/versions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> newVersion(@PathParam("id") long id, FormFields form) {
        requireCsrf(form);
        return attempt(() -> authoring.newVersion(id, actor())
                .map(c -> Response.seeOther(URI.create("/authoring/courses/" + c.id())).build()), message -> editor(id, message, 409));
    }

    /** The course as learners will see it, for its editor and its reviewers. */
    @GET
    @Path("courses/{id}/preview")
    @RolesAllowed({Role.EDITOR_, Role.HR_ADMIN_, Role.AUTHORITY_REVIEWER_})
    public Uni<TemplateInstance> preview(@PathParam("id") long id) {
        Actor actor = actor();
        return authoring.draft(id, actor).map(course -> Templates.preview(frame.chrome(), course,
                SafeMarkdown.toHtml(course.description()), SafeMarkdown.toHtml(course.guideMarkdown()),
                course.ownerAccountId() != actor.accountId()));
    }

    // ---- form plumbing ---------------------------------------------------------------------------

    private static Response back(long id, String anchor) {
        return Response.seeOther(URI.create("/authoring/courses/" + id + "#" + anchor)).build();
    }

    private void requireCsrf(FormFields form) {
        frame.requireCsrf(form.first("csrf"));
    }

    /** Runs a form's action; a refusal other than "not found" shows the page again with its message. */
    static Uni<Response> attempt(java.util.function.Supplier<Uni<Response>> action, Function<String, Uni<Response>> again) {
        Uni<Response> run;
        try {
            run = action.get();
        } catch (ProblemException e) {
            run = Uni.createFrom().failure(e);
        }
        return run.onFailure(e -> e instanceof ProblemException p && p.status() != 404 && p.status() != 403)
                .recoverWithUni(e -> again.apply(((ProblemException) e).detail()));
    }

    private static String text(FormFields form, String name, String label) {
        String value = form.first(name);
        if (value == null || value.isBlank()) {
            throw ProblemException.unprocessable("missing-field", "请填写" + label + "。");
        }
        return value.strip();
    }

    private static String limited(String value, int max, String label) {
        if (value != null && value.length() > max) {
            throw ProblemException.unprocessable("too-long", label + "不能超过 " + max + " 字。");
        }
        return value;
    }

    private static int number(String value, String label) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.unprocessable("not-a-number", label + "须为整数。");
        }
    }

    private static Integer optionalNumber(String value, String label) {
        return value == null || value.isBlank() ? null : number(value, label);
    }

    private static BigDecimal hours(String value) {
        try {
            BigDecimal h = new BigDecimal(value == null ? "" : value.strip());
            if (h.scale() > 1 || h.compareTo(new BigDecimal("0.5")) < 0 || h.compareTo(new BigDecimal("200")) > 0) {
                throw new NumberFormatException();
            }
            return h;
        } catch (NumberFormatException e) {
            throw ProblemException.unprocessable("invalid-hours", "学时须在 0.5 到 200 之间，最多一位小数。");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String label) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-choice", "请选择" + label + "。");
        }
    }
}
