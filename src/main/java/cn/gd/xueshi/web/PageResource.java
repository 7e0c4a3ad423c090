package cn.gd.xueshi.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;


import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.CatalogService;
import cn.gd.xueshi.catalog.CatalogViews;
import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.identity.AuthService;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.IdentityConfig;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.playback.PlaybackConfig;
import cn.gd.xueshi.playback.PlaybackService;
import cn.gd.xueshi.quiz.QuizService;
import cn.gd.xueshi.shared.FormFields;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.shared.SafeMarkdown;

/** The learner's pages (Chinese first, usable on a phone). They call the same services as the API. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PageResource {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance login(Chrome chrome, String next, String message);

        static native TemplateInstance catalog(Chrome chrome, CatalogViews.YearView catalog, List<String> guides);

        static native TemplateInstance course(Chrome chrome, CatalogViews.CourseView course, List<LessonRow> lessons,
                String quizSection, String descriptionHtml, String guideHtml);

        static native TemplateInstance courseQuiz(CatalogViews.CourseView course, String state, String attemptsLeft);

        static native TemplateInstance player(Chrome chrome, CatalogViews.CourseView course, CatalogViews.LessonView lesson,
                int heartbeatSeconds);

        static native TemplateInstance quiz(Chrome chrome, CatalogViews.CourseView course, List<QuestionRow> questions,
                int attemptsLeft, int passMark);

        static native TemplateInstance quizResult(Chrome chrome, CatalogViews.CourseView course, QuizService.Result result);

        static native TemplateInstance hours(Chrome chrome, int year, HourLedger.Statement statement);
    }


    /** One lesson of the course page as the learner sees it (every value is text, so it can be a hole of the shell). */
    public record LessonRow(CatalogViews.LessonView lesson, String doneClass, String percent, String progressText,
            String action) {

        static LessonRow of(CatalogViews.LessonView lesson, PlaybackService.Progress p) {
            if (p == null) {
                return new LessonRow(lesson, "", "0", "已学 0 秒（0%）", "开始学习");
            }
            String percent = String.valueOf((int) Math.floor(p.coverage() * 100));
            return p.completed() ? new LessonRow(lesson, " done", percent, "已完成", "重新观看")
                    : new LessonRow(lesson, "", percent, "已学 " + (int) p.watchedSeconds() + " 秒（" + percent + "%）", "继续学习");
        }

        List<String> values() {
            return List.of(doneClass, percent, progressText, action);
        }
    }

    public record QuestionRow(long id, String text, String kind, String kindLabel, List<CatalogViews.KeyedOption> options) {
    }

    /**
     * Pages that are the same for every visitor of a kind (anonymous, signed in, learner) but for a
     * few values are rendered once as shells with holes (0 the name, 1 the CSRF token, then the
     * page's own) and filled per request; see {@link PageShell}.
     */
    private final PageShell.Cache catalogShells = new PageShell.Cache();
    private final PageShell.Cache courseShells = new PageShell.Cache();
    private final PageShell.Cache quizShells = new PageShell.Cache();

    private final CatalogService catalog;
    private final QuizService quiz;
    private final HourLedger ledger;
    private final AuthService auth;
    private final CurrentUser user;
    private final Csrf csrf;
    private final IdentityConfig identity;
    private final PlaybackConfig playbackConfig;
    private final Clock clock;
    private final PageFrame frame;

    public PageResource(PageFrame frame, CatalogService catalog, QuizService quiz, HourLedger ledger,
            AuthService auth, CurrentUser user, Csrf csrf, IdentityConfig identity, PlaybackConfig playbackConfig, Clock clock) {
        this.catalog = catalog;
        this.quiz = quiz;
        this.ledger = ledger;
        this.auth = auth;
        this.user = user;
        this.csrf = csrf;
        this.identity = identity;
        this.playbackConfig = playbackConfig;
        this.clock = clock;
        this.frame = frame;
    }

    private int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    private Chrome chrome() {
        return frame.chrome();
    }

    private Chrome anonymousChrome() {
        return new Chrome(null, false, csrf.token(), thisYear());
    }

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create("/catalog/" + thisYear())).build();
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance loginPage(@QueryParam("next") String next) {
        return Templates.login(anonymousChrome(), safeNext(next), null);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> login(FormFields form) {
        String target = safeNext(form.first("next"));
        if (!csrf.matches(form.first(Csrf.FIELD))) {
            return Uni.createFrom().item(refusedLogin(403, target, "页面已过期，请重新登录。"));
        }
        return auth.signIn(form.first("username"), form.first("password")).map(AuthService::orRefuse)
                .map(signedIn -> Response.seeOther(URI.create(target))
                        .cookie(new NewCookie.Builder(identity.cookie()).value(signedIn.token().token()).path("/").httpOnly(true)
                                .secure(identity.secureCookie()).sameSite(NewCookie.SameSite.LAX)
                                .maxAge((int) identity.tokenLifetime().toSeconds()).build())
                        .build())
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    ProblemException p = (ProblemException) e;
                    Response refused = refusedLogin(p.status(), target, p.detail());
                    if (p.retryAfterSeconds() != null) {
                        refused.getHeaders().add("Retry-After", p.retryAfterSeconds());
                    }
                    return refused;
                });
    }

    private Response refusedLogin(int status, String next, String message) {
        return Response.status(status).entity(Templates.login(anonymousChrome(), next, message)).build();
    }

    @POST
    @Path("logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(FormFields form) {
        if (!csrf.matches(form.first(Csrf.FIELD))) {
            throw ProblemException.forbidden("csrf", "页面已过期，请刷新后重试。");
        }
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(identity.cookie()).value("").path("/").httpOnly(true).maxAge(0).build())
                .build();
    }

    @GET
    @Path("catalog/{year}")
    @PermitAll
    public Uni<String> catalogPage(@PathParam("year") int year) {
        return user.load().chain(() -> catalog.year(year)).map(view -> catalogShell(view).fill(
                user.signedIn() ? user.displayName() : null, csrf.token()));
    }

    /** This visitor's kind of shell of page {@code id}, rendered by {@code render} from a frame with holes 0 and 1. */
    private PageShell shell(PageShell.Cache shells, long id, Object view, Function<Chrome, PageShell> render) {
        Chrome now = frame.chrome();
        boolean signedIn = now.userName() != null;
        // one shell per kind of visitor: the navigation differs by what they may do
        int kind = (signedIn ? 1 : 0) | (now.learner() ? 2 : 0) | (now.editor() ? 4 : 0) | (now.reviewer() ? 8 : 0) | (now.hr() ? 16 : 0);
        return shells.get(id * 32 + kind, view, now.year(), () -> render.apply(new Chrome(signedIn ? PageShell.marker(0) : null,
                now.learner(), PageShell.marker(1), now.year(), now.editor(), now.reviewer(), now.hr())));
    }

    private PageShell catalogShell(CatalogViews.YearView view) {
        return shell(catalogShells, view.year(), view, frame -> PageShell.cut(Templates.catalog(frame, view, view.subjects()
                .stream().map(s -> SafeMarkdown.toHtml(s.guideMarkdown())).toList()).render(), 2));
    }

    @GET
    @Path("courses/{courseId}")
    @PermitAll
    public Uni<String> coursePage(@PathParam("courseId") long courseId) {
        return user.load().chain(() -> catalog.course(courseId)).flatMap(course -> {
            if (!user.isProfessional()) {
                return Uni.createFrom().item(coursePage(course, Map.of(), null));
            }
            return quiz.standing(user.professionalId(), course).map(s -> coursePage(course, s.progress(),
                    new PageShell.Raw(quizShell(course, s.standing().state()).fill(String.valueOf(s.standing().attemptsLeft())))));
        });
    }

    private String coursePage(CatalogViews.CourseView course, Map<Long, PlaybackService.Progress> progress,
            PageShell.Raw quizSection) {
        List<Object> values = new ArrayList<>();
        values.add(user.signedIn() ? user.displayName() : null);
        values.add(csrf.token());
        values.add(quizSection);
        course.lessons().forEach(l -> values.addAll(LessonRow.of(l, progress.get(l.id())).values()));
        return courseShell(course).fill(values.toArray());
    }

    /** The course page's shell: holes 0 and 1 of the frame, 2 the quiz section, then four per lesson. */
    private PageShell courseShell(CatalogViews.CourseView course) {
        return shell(courseShells, course.id(), course, frame -> {
            List<LessonRow> rows = new ArrayList<>();
            for (int i = 0; i < course.lessons().size(); i++) {
                int hole = 3 + 4 * i;
                rows.add(new LessonRow(course.lessons().get(i), PageShell.marker(hole), PageShell.marker(hole + 1),
                        PageShell.marker(hole + 2), PageShell.marker(hole + 3)));
            }
            return PageShell.cut(Templates.course(frame, course, rows, PageShell.marker(2), SafeMarkdown.toHtml(course.description()),
                    SafeMarkdown.toHtml(course.guideMarkdown())).render(), 3 + 4 * rows.size());
        });
    }

    /** The quiz section of a course page in one state, with a hole for the attempts left. */
    private PageShell quizShell(CatalogViews.CourseView course, QuizService.State state) {
        return quizShells.get(course.id() * 4 + state.ordinal(), course, 0,
                () -> PageShell.cut(Templates.courseQuiz(course, state.name(), PageShell.marker(0)).render(), 1));
    }

    @GET
    @Path("lessons/{lessonId}")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<TemplateInstance> playerPage(@PathParam("lessonId") long lessonId) {
        user.professionalId();
        return catalog.lesson(lessonId).flatMap(lesson -> catalog.course(lesson.courseId()).map(course -> Templates
                .player(chrome(), course, lesson, (int) playbackConfig.heartbeatInterval().toSeconds())));
    }

    @GET
    @Path("courses/{courseId}/quiz")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<TemplateInstance> quizPage(@PathParam("courseId") long courseId) {
        long pid = user.professionalId();
        return catalog.course(courseId).flatMap(course -> quiz.paper(pid, courseId).map(paper -> Templates.quiz(chrome(),
                course, paper.questions().stream().map(q -> new QuestionRow(q.id(), q.text(), q.kind(), kindLabel(q.kind()),
                        q.options())).toList(), paper.standing().attemptsLeft(), paper.passMark())));
    }

    @POST
    @Path("courses/{courseId}/quiz")
    @RolesAllowed(Role.PROFESSIONAL_)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> submitQuiz(@PathParam("courseId") long courseId, FormFields form) {
        if (!csrf.matches(form.first(Csrf.FIELD))) {
            throw ProblemException.forbidden("csrf", "页面已过期，请重新打开测验。");
        }
        Map<Long, List<Long>> answers = new HashMap<>();
        form.all().forEach((key, values) -> {
            if (key.startsWith("q")) {
                try {
                    answers.put(Long.parseLong(key.substring(1)), values.stream().map(Long::parseLong).toList());
                } catch (NumberFormatException e) {
                    throw ProblemException.badRequest("invalid-answer", "答案格式不正确，请重新作答。");
                }
            }
        });
        long pid = user.professionalId();
        return catalog.course(courseId).flatMap(course -> quiz.submit(pid, courseId, answers)
                .map(result -> Templates.quizResult(chrome(), course, result)));
    }

    @GET
    @Path("me/hours")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<TemplateInstance> hoursPage(@QueryParam("year") Integer year) {
        int y = year == null ? thisYear() : year;
        return ledger.statement(user.professionalId(), y).map(s -> Templates.hours(chrome(), y, s));
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "MULTIPLE" -> "多选题";
            case "TRUE_FALSE" -> "判断题";
            default -> "单选题";
        };
    }

    /** Only a path on this site, never another host. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.startsWith("/login")
                || next.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
