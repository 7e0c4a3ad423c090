package cn.gd.xueshi.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.shared.ProblemException;

/**
 * Reads the published catalog; every answer is cached (see {@link CatalogCache}). A database
 * session is opened only on a miss: the hits are on every page, heartbeat-adjacent call and quiz
 * submission, and opening a session there cost more than the rest of the catalog page.
 */
@ApplicationScoped
public class CatalogService {

    private final CatalogCache cache;
    private final cn.gd.xueshi.media.ObjectStore store;
    private final io.vertx.mutiny.core.Vertx vertx;

    public CatalogService(CatalogCache cache, cn.gd.xueshi.media.ObjectStore store, io.vertx.mutiny.core.Vertx vertx) {
        this.cache = cache;
        this.store = store;
        this.vertx = vertx;
    }

    /** A published lesson's WebVTT captions (small text, served by the service so the player needs no cross-origin track). */
    public Uni<String> captions(long lessonId) {
        String cached = cache.captions.get(lessonId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return lesson(lessonId).flatMap(l -> {
            if (l.captionKey() == null) {
                throw ProblemException.notFound("该课时没有字幕。");
            }
            return readText(l.captionKey()).invoke(text -> cache.captions.put(lessonId, text));
        });
    }

    /** Reads a small text object (captions) from the store on a worker thread. */
    public Uni<String> readText(String key) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                cn.gd.xueshi.media.RangeReader r = store.reader(key);
                return new String(r.read(0, (int) Math.min(r.size(), 1 << 20)), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    public Uni<CatalogViews.YearView> year(int year) {
        CatalogViews.YearView cached = cache.years.get(year);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return Panache.withSession(() -> CatalogYear.<CatalogYear>findById(year).flatMap(y -> {
            if (y == null) {
                throw ProblemException.notFound(year + " 年度的公需科目目录尚未发布。");
            }
            return Subject.<Subject>list("year = ?1 order by position", year).flatMap(subjects -> subjects.isEmpty()
                    ? Uni.createFrom().item(new CatalogViews.YearView(year, y.title, List.of()))
                    : Course.<Course>list(
                    "subjectId in ?1 and supersededAt is null and publishedAt is not null order by position",
                    subjects.stream().map(s -> s.id).toList()).flatMap(courses -> Lesson.<Lesson>list(
                            "courseId in ?1", ids(courses)).map(lessons -> {
                                Map<Long, Long> lessonCounts = lessons.stream()
                                        .collect(Collectors.groupingBy(l -> l.courseId, Collectors.counting()));
                                List<CatalogViews.SubjectView> views = subjects.stream().map(s -> new CatalogViews.SubjectView(
                                        s.id, s.code, s.title, s.guideMarkdown, s.version,
                                        courses.stream().filter(c -> c.subjectId.equals(s.id))
                                                .map(c -> new CatalogViews.CourseSummary(c.id, c.title, c.hours,
                                                        lessonCounts.getOrDefault(c.id, 0L).intValue(), c.demo))
                                                .toList()))
                                        .toList();
                                CatalogViews.YearView view = new CatalogViews.YearView(year, y.title, views);
                                cache.years.put(year, view);
                                return view;
                            })));
        }));
    }

    private static List<Long> ids(List<Course> courses) {
        // an empty IN list is not valid SQL: ask for an id that never exists instead
        return courses.isEmpty() ? List.of(-1L) : courses.stream().map(c -> c.id).toList();
    }

    /** A published course (current or superseded: learners finish the version they started); a draft is not found. */
    public Uni<CatalogViews.CourseView> course(long courseId) {
        CatalogViews.CourseView cached = cache.courses.get(courseId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return Panache.withSession(() -> view(courseId).map(view -> {
            if (!view.published()) {
                throw ProblemException.notFound("课程不存在（编号 " + courseId + "）。");
            }
            cache.courses.put(courseId, view);
            view.lessons().forEach(v -> cache.lessons.put(v.id(), v));
            return view;
        }));
    }

    /** Any version, drafts included, as a learner would see it once published: for its editor and reviewers. Not cached. */
    public Uni<CatalogViews.CourseView> preview(long courseId) {
        return Panache.withSession(() -> view(courseId));
    }

    static Uni<CatalogViews.CourseView> view(long courseId) {
        return Course.<Course>findById(courseId).flatMap(course -> {
            if (course == null) {
                throw ProblemException.notFound("课程不存在（编号 " + courseId + "）。");
            }
            return Subject.<Subject>findById(course.subjectId).flatMap(subject -> Lesson.<Lesson>list(
                    "courseId = ?1 order by position", courseId).map(lessons -> {
                        List<CatalogViews.LessonView> views = lessons.stream().map(l -> new CatalogViews.LessonView(
                                l.id, l.courseId, l.position, l.title, l.durationMs == null ? 0 : l.durationMs, l.objectKey,
                                l.contentType, l.captionKey)).toList();
                        return new CatalogViews.CourseView(course.id, course.code, course.version,
                                course.supersededAt == null, course.title, course.hours, subject.year, subject.id,
                                subject.title, views, course.demo, course.category, course.sector, course.description,
                                course.guideMarkdown, course.coverKey, course.questionsPerAttempt, course.passMark,
                                course.publishedAt != null);
                    }));
        });
    }

    public Uni<CatalogViews.LessonView> lesson(long lessonId) {
        CatalogViews.LessonView cached = cache.lessons.get(lessonId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return Panache.withSession(() -> Lesson.<Lesson>findById(lessonId).flatMap(lesson -> {
            if (lesson == null) {
                throw ProblemException.notFound("课程视频不存在（编号 " + lessonId + "）。");
            }
            return course(lesson.courseId).map(c -> cache.lessons.get(lessonId));
        }));
    }

    /** The question bank with its answer key, for drawing and grading. */
    public Uni<List<CatalogViews.KeyedQuestion>> bank(long courseId) {
        List<CatalogViews.KeyedQuestion> cached = cache.banks.get(courseId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return Panache.withSession(() -> Question.<Question>list("courseId = ?1 order by position", courseId).flatMap(questions -> QuestionOption
                .<QuestionOption>list("questionId in ?1", questions.isEmpty() ? List.of(-1L) : questions.stream().map(q -> q.id).toList()).map(options -> {
                    Map<Long, List<QuestionOption>> byQuestion = options.stream()
                            .collect(Collectors.groupingBy(o -> o.questionId));
                    List<CatalogViews.KeyedQuestion> bank = questions.stream().map(q -> new CatalogViews.KeyedQuestion(
                            q.id, q.kind, q.text, byQuestion.getOrDefault(q.id, List.of()).stream()
                                    .sorted(Comparator.comparingInt(o -> o.position))
                                    .map(o -> new CatalogViews.KeyedOption(o.id, o.text, o.correct)).toList()))
                            .toList();
                    cache.banks.put(courseId, bank);
                    return bank;
                })));
    }
}
