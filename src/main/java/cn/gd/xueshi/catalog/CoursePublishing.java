package cn.gd.xueshi.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewOutcome;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.shared.ProblemException;

/**
 * The one versioning rule, for imports and editors alike: a version is published once and never
 * changes; publishing it supersedes the version that was current (learners who started that one
 * finish it), and tells every instance to drop its cached catalog ({@link CatalogChanges}). For
 * editors' courses it is the catalog's answer to the review: an approved course is published, if
 * it still passes the integrity checks.
 */
@ApplicationScoped
public class CoursePublishing implements ReviewOutcome {

    private final CatalogConfig config;

    public CoursePublishing(CatalogConfig config) {
        this.config = config;
    }

    @Override
    public ReviewKind kind() {
        return ReviewKind.COURSE;
    }

    @Override
    public Uni<List<String>> submissionRefusals(long courseId) {
        return Course.<Course>findById(courseId).flatMap(this::refusals);
    }

    /** Why this version may not be published (in Chinese); empty when it may. */
    public Uni<List<String>> refusals(Course course) {
        return Lesson.<Lesson>list("courseId = ?1 order by position", course.id).flatMap(lessons -> Question
                .count("courseId", course.id).map(questions -> {
                    List<Integer> durations = new ArrayList<>();
                    lessons.forEach(l -> durations.add(l.durationMs == null || l.objectKey == null ? 0 : l.durationMs));
                    int perAttempt = course.questionsPerAttempt != null ? course.questionsPerAttempt : config.questionsPerAttempt();
                    return new CourseIntegrity(config.minutesPerHour(), perAttempt).refusals(course.hours, durations,
                            (int) (long) questions, !(course.demo && config.acceptDemo()));
                }));
    }

    @Override
    public Uni<Void> decided(long courseId, ReviewState to, Instant at, Actor by) {
        if (to != ReviewState.APPROVED) {
            return Uni.createFrom().voidItem();
        }
        return Course.<Course>findById(courseId).flatMap(course -> refusals(course).flatMap(refusals -> {
            if (!refusals.isEmpty()) {
                throw ProblemException.unprocessable("integrity", "课程未通过发布前检查，不能通过审核：" + String.join(" ", refusals))
                        .withRefusals(refusals);
            }
            return publish(course, at);
        }));
    }

    /** Puts {@code course} online in place of the current version of the same course, inside the caller's transaction. */
    static Uni<Void> publish(Course course, Instant at) {
        if (course.publishedAt != null) {
            throw new IllegalStateException("version " + course.id + " is published already");
        }
        return Course.<Course>list("subjectId = ?1 and code = ?2 and publishedAt is not null and supersededAt is null",
                course.subjectId, course.code).flatMap(current -> {
                    current.forEach(c -> c.supersededAt = at);
                    return Panache.getSession().flatMap(s -> s.flush());
                }).flatMap(x -> {
                    course.publishedAt = at;
                    return Panache.getSession().flatMap(s -> s.flush());
                }).chain(() -> CatalogChanges.announce(course.id));
    }
}
