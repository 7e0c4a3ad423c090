package cn.gd.xueshi.quiz;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.gd.xueshi.catalog.CatalogService;
import cn.gd.xueshi.catalog.CatalogViews;
import cn.gd.xueshi.playback.PlaybackService;
import cn.gd.xueshi.shared.Grouping;
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

    public record Paper(Standing standing, List<CatalogViews.KeyedQuestion> questions, int passMark) {
    }

    public record Result(int score, int correct, int total, boolean passed, int attemptsLeft, BigDecimal hoursRegistered,
            boolean mustRewatch) {
    }

    private final CatalogService catalog;
    private final PlaybackService playback;
    private final QuizConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final io.vertx.mutiny.sqlclient.Pool pool;
    private final CourseCompletion completion;

    private final Grouping<Asked, CourseStanding> standings;

    public QuizService(CatalogService catalog, PlaybackService playback, QuizConfig config, Clock clock,
            ObjectMapper json, io.vertx.mutiny.sqlclient.Pool pool, io.vertx.core.Vertx vertx, CourseCompletion completion) {
        this.pool = pool;
        this.completion = completion;
        // up to 128 reads per query, gathered for at most 1 ms while another query is in flight
        this.standings = new Grouping<>(vertx, 128, java.time.Duration.ofMillis(1), 4, this::readStandings,
                e -> {
                    Log.errorf(e, "reading course standings failed");
                    return ProblemException.unavailable("学习进度暂时无法读取，请稍后刷新。");
                });
        this.catalog = catalog;
        this.playback = playback;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** The course's own pass mark, or the configured one. */
    public int passMark(CatalogViews.CourseView course) {
        return course.passMark() != null ? course.passMark() : config.passMark();
    }

    /** How many questions one attempt of the course draws: the course's own setting, or the configured one. */
    int questionsPerAttempt(CatalogViews.CourseView course) {
        return course.questionsPerAttempt() != null ? course.questionsPerAttempt() : config.questionsPerAttempt();
    }

    public Uni<Paper> paper(long professionalId, long courseId) {
        return catalog.course(courseId).flatMap(course -> standing(professionalId, course).map(CourseStanding::standing)
                .flatMap(standing -> {
                    refuseUnlessOpen(standing);
                    int attempt = config.attemptsPerRound() - standing.attemptsLeft() + 1;
                    return catalog.bank(courseId).map(bank -> new Paper(standing, QuizDraw.draw(bank,
                            questionsPerAttempt(course), professionalId, courseId, standing.round(), attempt), passMark(course)));
                }));
    }

    /**
     * Grades one attempt in one transaction on the reactive client. The enrollment row is locked,
     * so racing submissions are graded one after another, and the unique (learner, course, round,
     * attempt) key grades each attempt once.
     */
    public Uni<Result> submit(long professionalId, long courseId, Map<Long, List<Long>> answers) {
        return catalog.course(courseId).flatMap(course -> catalog.bank(courseId).flatMap(bank -> pool
                .withTransaction(conn -> grade(conn, professionalId, course, bank, answers))));
    }

    private Uni<Result> grade(SqlConnection conn, long professionalId, CatalogViews.CourseView course,
            List<CatalogViews.KeyedQuestion> bank, Map<Long, List<Long>> answers) {
        long courseId = course.id();
        Long[] lessonIds = course.lessons().stream().map(CatalogViews.LessonView::id).toArray(Long[]::new);
        // enrol if new and lock the enrollment row (ON CONFLICT DO UPDATE locks it); then count in a
        // statement of its own: its snapshot is taken after the lock, so it sees what a racing
        // submission committed (a new round, lessons to watch again), which a subquery of the
        // locking statement would not
        return conn.preparedQuery("""
                insert into course_enrollment (professional_id, course_id) values ($1, $2)
                on conflict (professional_id, course_id) do update set round = course_enrollment.round""")
                .execute(Tuple.of(professionalId, courseId))
                .chain(() -> conn.preparedQuery("""
                        select e.round, e.passed_at is not null,
                               (select count(*) from quiz_attempt a
                                 where a.professional_id = $1 and a.course_id = $2 and a.round = e.round),
                               (select count(*) from lesson_progress p
                                 where p.professional_id = $1 and p.lesson_id = any($3) and p.completed_at is not null)
                          from course_enrollment e where e.professional_id = $1 and e.course_id = $2""")
                        .execute(Tuple.of(professionalId, courseId, lessonIds)))
                .chain(rows -> {
                    Row c = rows.iterator().next();
                    int round = c.getInteger(0);
                    Standing standing = decide(course, round, c.getBoolean(1), c.getLong(2).intValue(), c.getLong(3) == lessonIds.length);
                    refuseUnlessOpen(standing);
                    int attemptNo = config.attemptsPerRound() - standing.attemptsLeft() + 1;
                    List<CatalogViews.KeyedQuestion> paper = QuizDraw.draw(bank, questionsPerAttempt(course),
                            professionalId, courseId, round, attemptNo);
                    String refusal = Grader.refusal(paper, answers);
                    if (refusal != null) {
                        throw ProblemException.unprocessable("answers-do-not-fit", refusal);
                    }
                    Grader.Graded graded = Grader.grade(paper, answers, passMark(course));
                    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                    int left = standing.attemptsLeft() - 1;
                    return conn.preparedQuery("""
                            insert into quiz_attempt (professional_id, course_id, round, attempt_no, answers, score,
                                                      passed, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                            .execute(Tuple.tuple(List.of(professionalId, courseId, round, attemptNo, toJson(answers),
                                    graded.score(), graded.passed(), now)))
                            .chain(() -> after(conn, professionalId, course, lessonIds, graded, left, now));
                });
    }

    private Uni<Result> after(SqlConnection conn, long professionalId, CatalogViews.CourseView course, Long[] lessonIds,
            Grader.Graded graded, int left, OffsetDateTime now) {
        Tuple learner = Tuple.of(professionalId, course.id());
        if (graded.passed()) {
            return conn.preparedQuery("update course_enrollment set passed_at = $3 where professional_id = $1 and course_id = $2")
                    .execute(learner.addValue(now))
                    .chain(() -> Uni.createFrom().completionStage(() -> completion.settle(conn.getDelegate(), professionalId,
                            course.id(), now.toInstant()).toCompletionStage()))
                    .map(hours -> new Result(graded.score(), graded.correct(), graded.total(), true, left, hours, false));
        }
        if (left > 0) {
            return Uni.createFrom().item(new Result(graded.score(), graded.correct(), graded.total(), false, left,
                    BigDecimal.ZERO, false));
        }
        return conn.preparedQuery("update course_enrollment set round = round + 1 where professional_id = $1 and course_id = $2")
                .execute(learner)
                .chain(() -> playback.resetCourse(conn, professionalId, lessonIds))
                .map(n -> new Result(graded.score(), graded.correct(), graded.total(), false, 0, BigDecimal.ZERO, true));
    }

    /** A learner's progress in each lesson of a course and their standing in its quiz. */
    public record CourseStanding(Map<Long, PlaybackService.Progress> progress, Standing standing) {
    }

    private record Asked(long professionalId, CatalogViews.CourseView course) {
    }

    /**
     * A learner's progress and quiz standing in a course. Every course page, course API call and quiz
     * paper needs both; the reads that arrive together share one query (see {@link Grouping}), which
     * costs the database far less than one query each.
     */
    public Uni<CourseStanding> standing(long professionalId, CatalogViews.CourseView course) {
        return standings.submit(new Asked(professionalId, course));
    }

    private io.vertx.core.Future<Void> readStandings(List<Grouping.Request<Asked, CourseStanding>> group) {
        int n = group.size();
        Long[] learners = new Long[n];
        Long[] courses = new Long[n];
        for (int i = 0; i < n; i++) {
            learners[i] = group.get(i).question().professionalId();
            courses[i] = group.get(i).question().course().id();
        }
        return pool.getDelegate().preparedQuery("""
                select r.i, coalesce(e.round, 1), e.passed_at is not null, used.n,
                       p.lesson_id, p.watched_ms, p.position_ms, p.completed_at is not null, l.duration_ms
                  from unnest($1::bigint[], $2::bigint[]) with ordinality as r(pid, cid, i)
                  left join course_enrollment e on e.professional_id = r.pid and e.course_id = r.cid
                  cross join lateral (select count(*) n from quiz_attempt a
                                       where a.professional_id = r.pid and a.course_id = r.cid
                                         and a.round = coalesce(e.round, 1)) used
                  left join (lesson_progress p join lesson l on l.id = p.lesson_id)
                         on p.professional_id = r.pid and l.course_id = r.cid""")
                .execute(io.vertx.sqlclient.Tuple.tuple().addArrayOfLong(learners).addArrayOfLong(courses)).map(rows -> {
                    // one or more rows per request (one per lesson started); the standing columns repeat on each
                    io.vertx.sqlclient.Row[] standing = new io.vertx.sqlclient.Row[n];
                    List<Map<Long, PlaybackService.Progress>> progress = new java.util.ArrayList<>();
                    group.forEach(g -> progress.add(new java.util.HashMap<>()));
                    for (io.vertx.sqlclient.Row r : rows) {
                        int i = (int) (r.getLong(0) - 1);
                        standing[i] = r;
                        if (r.getLong(4) != null) {
                            progress.get(i).put(r.getLong(4), PlaybackService.Progress.of(r.getInteger(5), r.getInteger(6),
                                    r.getInteger(8), r.getBoolean(7)));
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        Map<Long, PlaybackService.Progress> p = progress.get(i);
                        boolean lessonsDone = group.get(i).question().course().lessons().stream()
                                .allMatch(l -> p.containsKey(l.id()) && p.get(l.id()).completed());
                        group.get(i).answer(new CourseStanding(p, decide(group.get(i).question().course(), standing[i].getInteger(1), standing[i].getBoolean(2),
                                standing[i].getLong(3).intValue(), lessonsDone)));
                    }
                    return null;
                });
    }

    private Standing decide(CatalogViews.CourseView course, int round, boolean passed, int used, boolean lessonsDone) {
        int questionCount = questionsPerAttempt(course);
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
