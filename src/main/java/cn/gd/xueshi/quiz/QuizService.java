package cn.gd.xueshi.quiz;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.CatalogService;
import cn.gd.xueshi.catalog.CatalogViews;
import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.playback.PlaybackService;
import cn.gd.xueshi.shared.ProblemException;

/** Quiz papers, server-side grading, attempt limits, and the hours a pass registers. */
@ApplicationScoped
public class QuizService {

    public enum State {
        /** Lessons not yet complete. */
        LOCKED,
        OPEN,
        PASSED
    }

    public record Standing(State state, int attemptsLeft, int round, int questionCount) {
    }

    public record Paper(Standing standing, List<CatalogViews.KeyedQuestion> questions) {
    }

    public record Result(int score, int correct, int total, boolean passed, int attemptsLeft, BigDecimal hoursRegistered,
            boolean mustRewatch) {
    }

    private final CatalogService catalog;
    private final PlaybackService playback;
    private final HourLedger ledger;
    private final QuizConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final io.vertx.mutiny.sqlclient.Pool pool;

    public QuizService(CatalogService catalog, PlaybackService playback, HourLedger ledger, QuizConfig config, Clock clock,
            ObjectMapper json, io.vertx.mutiny.sqlclient.Pool pool) {
        this.pool = pool;
        this.catalog = catalog;
        this.playback = playback;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    public int passMark() {
        return config.passMark();
    }

    @WithSession
    public Uni<Paper> paper(long professionalId, long courseId) {
        return catalog.course(courseId).flatMap(course -> CourseEnrollment
                .<CourseEnrollment>findById(new CourseEnrollment.Key(professionalId, courseId))
                .flatMap(enrollment -> standing(professionalId, course, enrollment)).flatMap(standing -> {
                    refuseUnlessOpen(standing);
                    int attempt = config.attemptsPerRound() - standing.attemptsLeft() + 1;
                    return catalog.bank(courseId).map(bank -> new Paper(standing, QuizDraw.draw(bank,
                            config.questionsPerAttempt(), professionalId, courseId, standing.round(), attempt)));
                }));
    }

    /**
     * Grades one attempt. The enrollment row is locked, so racing submissions are graded one after
     * another, and the unique (learner, course, round, attempt) key grades each attempt once.
     */
    @WithTransaction
    public Uni<Result> submit(long professionalId, long courseId, Map<Long, List<Long>> answers) {
        return catalog.course(courseId).flatMap(course -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                insert into course_enrollment (professional_id, course_id) values (:pid, :cid) on conflict do nothing""")
                .setParameter("pid", professionalId).setParameter("cid", courseId).executeUpdate())
                .chain(() -> CourseEnrollment.<CourseEnrollment>findById(new CourseEnrollment.Key(professionalId, courseId),
                        LockModeType.PESSIMISTIC_WRITE))
                .flatMap(enrollment -> standing(professionalId, course, enrollment).flatMap(standing -> {
                    refuseUnlessOpen(standing);
                    int attemptNo = config.attemptsPerRound() - standing.attemptsLeft() + 1;
                    return catalog.bank(courseId).flatMap(bank -> {
                        List<CatalogViews.KeyedQuestion> paper = QuizDraw.draw(bank, config.questionsPerAttempt(),
                                professionalId, courseId, standing.round(), attemptNo);
                        String refusal = Grader.refusal(paper, answers);
                        if (refusal != null) {
                            throw ProblemException.unprocessable("answers-do-not-fit", refusal);
                        }
                        Grader.Graded graded = Grader.grade(paper, answers, config.passMark());
                        QuizAttempt attempt = new QuizAttempt();
                        attempt.professionalId = professionalId;
                        attempt.courseId = courseId;
                        attempt.round = enrollment.round;
                        attempt.attemptNo = attemptNo;
                        attempt.answers = toJson(answers);
                        attempt.score = graded.score();
                        attempt.passed = graded.passed();
                        attempt.createdAt = clock.instant();
                        int left = standing.attemptsLeft() - 1;
                        return attempt.persist().chain(() -> after(professionalId, course, enrollment, graded, left));
                    });
                })));
    }

    private Uni<Result> after(long professionalId, CatalogViews.CourseView course, CourseEnrollment enrollment,
            Grader.Graded graded, int left) {
        if (graded.passed()) {
            enrollment.passedAt = clock.instant();
            return Panache.getSession().flatMap(s -> s.flush())
                    .chain(() -> ledger.registerIfComplete(professionalId, course))
                    .map(hours -> new Result(graded.score(), graded.correct(), graded.total(), true, left, hours, false));
        }
        if (left > 0) {
            return Uni.createFrom().item(new Result(graded.score(), graded.correct(), graded.total(), false, left,
                    BigDecimal.ZERO, false));
        }
        enrollment.round++;
        return playback.resetCourse(professionalId, course.lessons()).map(n -> new Result(graded.score(),
                graded.correct(), graded.total(), false, 0, BigDecimal.ZERO, true));
    }

    private Uni<Standing> standing(long professionalId, CatalogViews.CourseView course, CourseEnrollment enrollment) {
        int round = enrollment == null ? 1 : enrollment.round;
        boolean passed = enrollment != null && enrollment.passedAt != null;
        return QuizAttempt.count("professionalId = ?1 and courseId = ?2 and round = ?3", professionalId, course.id(), round)
                .flatMap(used -> playback.allComplete(professionalId, course.lessons())
                        .map(lessonsDone -> decide(round, passed, used.intValue(), lessonsDone)));
    }

    /** The standing shown on pages, from the learner's progress already read: one query, no ORM session. */
    public Uni<Standing> standing(long professionalId, CatalogViews.CourseView course,
            Map<Long, PlaybackService.Progress> progress) {
        return pool.preparedQuery("""
                select coalesce(e.round, 1), e.passed_at is not null,
                       (select count(*) from quiz_attempt a where a.professional_id = $1 and a.course_id = $2
                           and a.round = coalesce(e.round, 1))
                  from (select 1) one
                  left join course_enrollment e on e.professional_id = $1 and e.course_id = $2""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(professionalId, course.id())).map(rows -> {
                    var r = rows.iterator().next();
                    boolean lessonsDone = course.lessons().stream()
                            .allMatch(l -> progress.containsKey(l.id()) && progress.get(l.id()).completed());
                    return decide(r.getInteger(0), r.getBoolean(1), r.getLong(2).intValue(), lessonsDone);
                });
    }

    private Standing decide(int round, boolean passed, int used, boolean lessonsDone) {
        int questionCount = config.questionsPerAttempt();
        if (passed) {
            return new Standing(State.PASSED, 0, round, questionCount);
        }
        int left = Math.max(0, config.attemptsPerRound() - used);
        boolean open = config.unlock() == QuizConfig.Unlock.ANYTIME || lessonsDone;
        return new Standing(open && left > 0 ? State.OPEN : State.LOCKED, left, round, questionCount);
    }

    private static void refuseUnlessOpen(Standing standing) {
        if (standing.state() == State.PASSED) {
            throw ProblemException.conflict("quiz-passed", "您已通过本课程测验，无需再次作答。");
        }
        if (standing.state() == State.LOCKED) {
            throw ProblemException.conflict("quiz-locked", "请先学完本课程的全部视频，再参加测验。");
        }
    }

    private String toJson(Map<Long, List<Long>> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
