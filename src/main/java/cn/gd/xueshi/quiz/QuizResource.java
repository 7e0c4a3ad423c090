package cn.gd.xueshi.quiz;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.shared.ProblemException;

/** Only learners take quizzes. Questions leave the server without their answers. */
@Path("/api/courses/{courseId}/quiz")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PROFESSIONAL_)
public class QuizResource {

    private final QuizService quiz;
    private final CurrentUser user;

    public QuizResource(QuizService quiz, CurrentUser user) {
        this.quiz = quiz;
        this.user = user;
    }

    public record OptionDto(long id, String text) {
    }

    public record QuestionDto(long id, String text, String kind, List<OptionDto> options) {
    }

    public record PaperDto(List<QuestionDto> questions, int attemptsLeft, int passMark) {
    }

    public record AttemptRequest(Map<String, List<Long>> answers) {
    }

    public record AttemptResponse(int score, boolean passed, int attemptsLeft, BigDecimal hoursRegistered, boolean mustRewatch) {
    }

    @GET
    public Uni<PaperDto> paper(@PathParam("courseId") long courseId) {
        return quiz.paper(user.professionalId(), courseId).map(p -> new PaperDto(p.questions().stream()
                .map(q -> new QuestionDto(q.id(), q.text(), q.kind(),
                        q.options().stream().map(o -> new OptionDto(o.id(), o.text())).toList()))
                .toList(), p.standing().attemptsLeft(), p.passMark()));
    }

    @POST
    @Path("/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AttemptResponse> submit(@PathParam("courseId") long courseId, AttemptRequest request) {
        return quiz.submit(user.professionalId(), courseId, answers(request))
                .map(r -> new AttemptResponse(r.score(), r.passed(), r.attemptsLeft(), r.hoursRegistered(), r.mustRewatch()));
    }

    static Map<Long, List<Long>> answers(AttemptRequest request) {
        if (request == null || request.answers() == null) {
            throw ProblemException.badRequest("missing-answers", "请提交 answers：题目编号到所选选项编号列表的映射。");
        }
        if (request.answers().size() > 200) {
            throw ProblemException.unprocessable("too-many-answers", "答案数量超过试卷题目数量。");
        }
        Map<Long, List<Long>> out = new HashMap<>();
        request.answers().forEach((key, value) -> {
            try {
                out.put(Long.parseLong(key), value == null ? List.of() : value);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-question-id", "题目编号应为数字：" + key);
            }
        });
        return out;
    }
}
