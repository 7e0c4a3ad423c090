package cn.gd.xueshi.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.CatalogService;
import cn.gd.xueshi.catalog.CatalogViews;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.playback.PlaybackService;
import cn.gd.xueshi.quiz.QuizService;

/** A course as a learner sees it: the catalog's lessons plus, when signed in, progress and quiz state. */
@Path("/api/courses")
@Produces(MediaType.APPLICATION_JSON)
public class CourseApiResource {

    private final CatalogService catalog;
    private final QuizService quiz;
    private final CurrentUser user;

    public CourseApiResource(CatalogService catalog, QuizService quiz, CurrentUser user) {
        this.catalog = catalog;
        this.quiz = quiz;
        this.user = user;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LessonDto(long id, String title, int durationSeconds, PlaybackService.Progress progress) {
    }

    public record QuizDto(String state, int attemptsLeft) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CourseDto(long id, String title, BigDecimal hours, int year, String subject, int version, boolean current,
            boolean demo, List<LessonDto> lessons, QuizDto quiz) {
    }

    /** Open to everyone; progress and quiz state are added for a signed-in learner. */
    @GET
    @Path("/{courseId}")
    @PermitAll
    public Uni<CourseDto> course(@PathParam("courseId") long courseId) {
        return user.load().chain(() -> catalog.course(courseId)).flatMap(course -> {
            if (!user.isProfessional()) {
                return Uni.createFrom().item(dto(course, Map.of(), null));
            }
            long pid = user.professionalId();
            return quiz.standing(pid, course).map(s -> dto(course, s.progress(),
                    new QuizDto(s.standing().state().name(), s.standing().attemptsLeft())));
        });
    }

    private static CourseDto dto(CatalogViews.CourseView c, Map<Long, PlaybackService.Progress> progress, QuizDto quiz) {
        return new CourseDto(c.id(), c.title(), c.hours(), c.year(), c.subjectTitle(), c.version(), c.current(), c.demo(),
                c.lessons().stream().map(l -> new LessonDto(l.id(), l.title(), l.durationSeconds(), progress.get(l.id())))
                        .toList(), quiz);
    }
}
