package cn.gd.xueshi.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.CatalogService;
import cn.gd.xueshi.catalog.CatalogViews;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.playback.PlaybackService;
import cn.gd.xueshi.shared.FormFields;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.shared.SafeMarkdown;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;
import cn.gd.xueshi.web.PageShell;

/**
 * A course as its learner sees it — lessons with their progress, the quiz section — and the quiz
 * itself. The course page is a shell per kind of visitor with holes for each learner's own values.
 */
@Path("/courses")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CoursePages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance course(Chrome chrome, CatalogViews.CourseView course, List<LessonRow> lessons,
                String quizSection, String descriptionHtml, String guideHtml);

        static native TemplateInstance courseQuiz(CatalogViews.CourseView course, String state, String attemptsLeft);

        static native TemplateInstance quiz(Chrome chrome, CatalogViews.CourseView course, List<QuestionRow> questions,
                int attemptsLeft, int passMark);

        static native TemplateInstance quizResult(Chrome chrome, CatalogViews.CourseView course, QuizService.Result result);
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

    private final PageShell.Cache courseShells = new PageShell.Cache();
    private final PageShell.Cache quizShells = new PageShell.Cache();
    private final CatalogService catalog;
    private final QuizService quiz;
    private final CurrentUser user;
    private final PageFrame frame;

    public CoursePages(CatalogService catalog, QuizService quiz, CurrentUser user, PageFrame frame) {
        this.catalog = catalog;
        this.quiz = quiz;
        this.user = user;
        this.frame = frame;
    }

    private Chrome chrome() {
        return frame.chrome();
    }

    @GET
    @Path("{courseId}")
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
        values.add(frame.csrf());
        values.add(quizSection);
        course.lessons().forEach(l -> values.addAll(LessonRow.of(l, progress.get(l.id())).values()));
        return courseShell(course).fill(values.toArray());
    }

    /** The course page's shell: holes 0 and 1 of the frame, 2 the quiz section, then four per lesson. */
    private PageShell courseShell(CatalogViews.CourseView course) {
        return frame.shell(courseShells, course.id(), course, chrome -> {
            List<LessonRow> rows = new ArrayList<>();
            for (int i = 0; i < course.lessons().size(); i++) {
                int hole = 3 + 4 * i;
                rows.add(new LessonRow(course.lessons().get(i), PageShell.marker(hole), PageShell.marker(hole + 1),
                        PageShell.marker(hole + 2), PageShell.marker(hole + 3)));
            }
            return PageShell.cut(Templates.course(chrome, course, rows, PageShell.marker(2), SafeMarkdown.toHtml(course.description()),
                    SafeMarkdown.toHtml(course.guideMarkdown())).render(), 3 + 4 * rows.size());
        });
    }

    /** The quiz section of a course page in one state, with a hole for the attempts left. */
    private PageShell quizShell(CatalogViews.CourseView course, QuizService.State state) {
        return quizShells.get(course.id() * 4 + state.ordinal(), course, 0,
                () -> PageShell.cut(Templates.courseQuiz(course, state.name(), PageShell.marker(0)).render(), 1));
    }

    @GET
    @Path("{courseId}/quiz")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<TemplateInstance> quizPage(@PathParam("courseId") long courseId) {
        long pid = user.professionalId();
        return catalog.course(courseId).flatMap(course -> quiz.paper(pid, courseId).map(paper -> Templates.quiz(chrome(),
                course, paper.questions().stream().map(q -> new QuestionRow(q.id(), q.text(), q.kind(), kindLabel(q.kind()),
                        q.options())).toList(), paper.standing().attemptsLeft(), paper.passMark())));
    }

    @POST
    @Path("{courseId}/quiz")
    @RolesAllowed(Role.PROFESSIONAL_)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> submitQuiz(@PathParam("courseId") long courseId, FormFields form) {
        if (!frame.csrfMatches(form.first("csrf"))) {
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

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "MULTIPLE" -> "多选题";
            case "TRUE_FALSE" -> "判断题";
            default -> "单选题";
        };
    }
}
