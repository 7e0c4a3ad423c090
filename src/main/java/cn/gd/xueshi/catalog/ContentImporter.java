package cn.gd.xueshi.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.media.ObjectStore;

/**
 * Loads the shipped content at start, idempotently: media go to the object store under their
 * SHA-256 (uploaded once), and a course whose content hash changed becomes a new version.
 * Instances starting together take turns through a database advisory lock.
 */
@ApplicationScoped
public class ContentImporter {

    private static final long LOCK_KEY = 0x7875657368690001L;

    private final CatalogConfig config;
    private final ObjectStore store;
    private final Clock clock;
    private final CatalogCache cache;

    public ContentImporter(CatalogConfig config, ObjectStore store, Clock clock, CatalogCache cache) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.cache = cache;
    }

    public record Summary(int newCourses, int newVersions, int unchanged, int retired, int uploaded) {
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        store.ensureBucket();
        if (config.dir().isEmpty()) {
            Log.info("no content folder configured: nothing imported");
            return;
        }
        Path dir = Path.of(config.dir().get());
        if (!Files.isDirectory(dir)) {
            Log.warnf("content folder %s does not exist: nothing imported", dir.toAbsolutePath());
            return;
        }
        Summary s = importFrom(dir);
        Log.infof("content imported from %s: %d new courses, %d new versions, %d unchanged, %d retired, %d media uploaded",
                dir.toAbsolutePath(), s.newCourses(), s.newVersions(), s.unchanged(), s.retired(), s.uploaded());
    }

    /** Blocking: call from a worker or the main thread. */
    public Summary importFrom(Path dir) throws Throwable {
        ContentPlan plan = admit(ContentReader.read(dir));
        int uploaded = 0;
        for (ContentPlan.YearPlan year : plan.years()) {
            for (ContentPlan.SubjectPlan subject : year.subjects()) {
                for (ContentPlan.CoursePlan course : subject.courses()) {
                    for (ContentPlan.LessonPlan lesson : course.lessons()) {
                        if (store.size(lesson.objectKey()) != lesson.sizeBytes()) {
                            store.put(lesson.objectKey(), lesson.file(), lesson.contentType());
                            uploaded++;
                        }
                    }
                }
            }
        }
        Summary s = VertxContextSupport.subscribeAndAwait(() -> apply(plan));
        cache.clear();
        return new Summary(s.newCourses(), s.newVersions(), s.unchanged(), s.retired(), uploaded);
    }

    /**
     * The plan without the courses that may not be published: those that break the integrity rules
     * unless they are demo courses where demos are accepted, and demo courses anywhere else.
     */
    ContentPlan admit(ContentPlan plan) {
        CourseIntegrity integrity = new CourseIntegrity(config.minutesPerHour(), config.questionsPerAttempt());
        List<ContentPlan.YearPlan> years = new ArrayList<>();
        for (ContentPlan.YearPlan year : plan.years()) {
            List<ContentPlan.SubjectPlan> subjects = new ArrayList<>();
            for (ContentPlan.SubjectPlan subject : year.subjects()) {
                List<ContentPlan.CoursePlan> courses = new ArrayList<>();
                for (ContentPlan.CoursePlan course : subject.courses()) {
                    List<String> refusals = integrity.refusals(course.hours(),
                            course.lessons().stream().map(ContentPlan.LessonPlan::durationMs).toList(), course.questions().size());
                    if (course.demo() && !config.acceptDemo()) {
                        Log.errorf("course %s/%s not imported: it is a demo course, imported only where the demo accounts are seeded",
                                year.year(), course.code());
                    } else if (!refusals.isEmpty() && !course.demo()) {
                        Log.errorf("course %s/%s not imported: %s", year.year(), course.code(), String.join(" ", refusals));
                    } else {
                        courses.add(course);
                    }
                }
                subjects.add(new ContentPlan.SubjectPlan(subject.code(), subject.title(), subject.guideMarkdown(), subject.hash(),
                        courses));
            }
            years.add(new ContentPlan.YearPlan(year.year(), year.title(), subjects));
        }
        return new ContentPlan(years);
    }

    @WithTransaction
    Uni<Summary> apply(ContentPlan plan) {
        int[] counts = new int[4];
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult())
                .chain(() -> Multi.createFrom().iterable(plan.years())
                        .onItem().transformToUniAndConcatenate(year -> applyYear(year, counts))
                        .collect().last())
                .map(x -> new Summary(counts[0], counts[1], counts[2], counts[3], 0));
    }

    private Uni<Void> applyYear(ContentPlan.YearPlan plan, int[] counts) {
        return CatalogYear.<CatalogYear>findById(plan.year()).flatMap(year -> {
            if (year == null) {
                CatalogYear y = new CatalogYear();
                y.year = plan.year();
                y.title = plan.title();
                return y.persist().replaceWithVoid();
            }
            year.title = plan.title();
            return Uni.createFrom().voidItem();
        }).chain(() -> each(plan.subjects(), (s, i) -> applySubject(plan.year(), s, i, counts)));
    }

    private Uni<Void> applySubject(int year, ContentPlan.SubjectPlan plan, int position, int[] counts) {
        return Subject.<Subject>find("year = ?1 and code = ?2", year, plan.code()).firstResult().flatMap(found -> {
            Subject subject = found != null ? found : new Subject();
            if (found == null) {
                subject.year = year;
                subject.code = plan.code();
                subject.version = 1;
            } else if (!found.contentHash.equals(plan.hash())) {
                subject.version++;
            }
            subject.title = plan.title();
            subject.guideMarkdown = plan.guideMarkdown();
            subject.contentHash = plan.hash();
            subject.position = position;
            return subject.<Subject>persist();
        }).flatMap(subject -> each(plan.courses(), (c, i) -> applyCourse(subject, c, i, counts))
                .chain(() -> retireMissing(subject, plan, counts)));
    }

    private Uni<Void> applyCourse(Subject subject, ContentPlan.CoursePlan plan, int position, int[] counts) {
        return Course.<Course>find("subjectId = ?1 and code = ?2 and publishedAt is not null and supersededAt is null",
                subject.id, plan.code()).firstResult().flatMap(current -> {
                    if (current != null && plan.hash().equals(current.contentHash)) {
                        current.position = position;
                        counts[2]++;
                        return Uni.createFrom().voidItem();
                    }
                    counts[current != null ? 1 : 0]++;
                    return Course.<Course>find("subjectId = ?1 and code = ?2 order by version desc", subject.id, plan.code())
                            .firstResult().flatMap(latest -> {
                                Course course = new Course();
                                course.subjectId = subject.id;
                                course.code = plan.code();
                                course.version = latest == null ? 1 : latest.version + 1;
                                course.title = plan.title();
                                course.hours = plan.hours();
                                course.demo = plan.demo();
                                course.contentHash = plan.hash();
                                course.position = position;
                                return course.<Course>persist().flatMap(saved -> insertParts(saved, plan))
                                        .chain(() -> CoursePublishing.publish(course, clock.instant()));
                            });
                });
    }

    private Uni<Void> insertParts(Course course, ContentPlan.CoursePlan plan) {
        List<Lesson> lessons = new ArrayList<>();
        for (int i = 0; i < plan.lessons().size(); i++) {
            ContentPlan.LessonPlan lp = plan.lessons().get(i);
            Lesson l = new Lesson();
            l.courseId = course.id;
            l.position = i + 1;
            l.title = lp.title();
            l.durationMs = lp.durationMs();
            l.objectKey = lp.objectKey();
            l.contentType = lp.contentType();
            l.sizeBytes = lp.sizeBytes();
            lessons.add(l);
        }
        return Lesson.persist(lessons).chain(() -> each(plan.questions(), (q, i) -> {
            Question question = new Question();
            question.courseId = course.id;
            question.position = i + 1;
            question.kind = q.kind();
            question.text = q.text();
            return question.<Question>persist().flatMap(saved -> {
                List<QuestionOption> options = new ArrayList<>();
                for (int j = 0; j < q.options().size(); j++) {
                    QuestionOption o = new QuestionOption();
                    o.questionId = saved.id;
                    o.position = j + 1;
                    o.text = q.options().get(j).text();
                    o.correct = q.options().get(j).correct();
                    options.add(o);
                }
                return QuestionOption.persist(options);
            });
        }));
    }

    private Uni<Void> retireMissing(Subject subject, ContentPlan.SubjectPlan plan, int[] counts) {
        Set<String> codes = new HashSet<>();
        plan.courses().forEach(c -> codes.add(c.code()));
        // only what was imported: editors' courses in the same subject are theirs to retire
        return Course.<Course>list("subjectId = ?1 and supersededAt is null and publishedAt is not null and ownerAccountId is null",
                subject.id).map(courses -> {
            for (Course c : courses) {
                if (!codes.contains(c.code)) {
                    c.supersededAt = clock.instant();
                    counts[3]++;
                }
            }
            return null;
        });
    }

    interface Step<T> {
        Uni<?> apply(T item, int index);
    }

    private static <T> Uni<Void> each(List<T> items, Step<T> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            chain = chain.chain(() -> step.apply(items.get(index), index).replaceWithVoid());
        }
        return chain;
    }
}
