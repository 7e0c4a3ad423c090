package cn.gd.xueshi.catalog.authoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.Course;
import cn.gd.xueshi.catalog.CourseCategory;
import cn.gd.xueshi.catalog.Lesson;
import cn.gd.xueshi.catalog.Subject;
import cn.gd.xueshi.identity.DemoAccounts;
import cn.gd.xueshi.identity.IdentityConfig;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewService;

/**
 * Where the demo accounts are seeded, editor1 gets one draft and one submitted course (demo
 * courses, on the shipped videos), so a newcomer can try the editor's side and the reviewer's at
 * once: the submitted one is engineering courseware, waiting in authority1's queue.
 */
@ApplicationScoped
public class DemoCourses {

    static final String EDITOR = "editor1";
    private static final long LOCK_KEY = 0x7875657368690002L;

    private final IdentityConfig identity;
    private final ReviewService reviews;

    public DemoCourses(IdentityConfig identity, ReviewService reviews) {
        this.identity = identity;
        this.reviews = reviews;
    }

    /** After the accounts and the shipped content exist. */
    void onStart(@Observes @Priority(5000) StartupEvent event) throws Throwable {
        if (identity.seedDemo()) {
            VertxContextSupport.subscribeAndAwait(this::seed);
        }
    }

    public Uni<Void> seed() {
        // instances starting together take turns, so the second finds the first one's courses
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "select cast(pg_advisory_xact_lock(" + LOCK_KEY + ") as text)").getSingleResult())
                .chain(() -> DemoAccounts.accountId(EDITOR)).flatMap(editorId -> {
            if (editorId == null) {
                return Uni.createFrom().voidItem();
            }
            return Course.count("ownerAccountId", editorId).flatMap(n -> n > 0 ? Uni.createFrom().voidItem()
                    : Lesson.<Lesson>list("objectKey is not null and courseId in (select c.id from Course c where c.demo = true "
                            + "and c.publishedAt is not null and c.supersededAt is null) order by courseId, position")
                            .flatMap(videos -> Subject.<Subject>list("order by year desc, position").flatMap(subjects -> {
                                if (videos.size() < 2 || subjects.isEmpty()) {
                                    return Uni.createFrom().voidItem();
                                }
                                Actor editor = new Actor(editorId, Set.of(Role.EDITOR), new Scope(null, null, null, null), "林编辑");
                                Subject subject = subjects.get(0);
                                return course(editor, subject, "数字政府建设实务", CourseCategory.PUBLIC, null,
                                        List.of(videos.get(0)), 2, "第二讲 还没有视频")
                                        .chain(draft -> course(editor, subject, "工程项目安全管理（远程课件）", CourseCategory.PROFESSIONAL,
                                                Sector.ENGINEERING, List.of(videos.get(0), videos.get(1)), 5, null))
                                        .flatMap(submitted -> reviews.submit(ReviewKind.COURSE, submitted, editor))
                                        .invoke(x -> Log.infof("demo courses for %s: one draft, one submitted to the engineering authority",
                                                EDITOR))
                                        .replaceWithVoid();
                            })));
        }));
    }

    private Uni<Long> course(Actor editor, Subject subject, String title, CourseCategory category, Sector sector, List<Lesson> videos,
            int questions, String lessonWithoutVideo) {
        Course c = new Course();
        c.subjectId = subject.id;
        c.code = "demo-" + (category == CourseCategory.PUBLIC ? "draft" : "submitted");
        c.version = 1;
        c.title = title;
        c.hours = new BigDecimal("2.0");
        c.description = "演示课程：视频为示意短片。";
        c.guideMarkdown = "## 学习目标\n\n- 了解本课程的要点\n- 完成课后测验";
        c.category = category;
        c.sector = sector;
        c.ownerAccountId = editor.accountId();
        c.demo = true;
        c.position = 1000;
        return c.<Course>persist().flatMap(saved -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            int position = 0;
            for (Lesson v : videos) {
                Lesson l = new Lesson();
                l.courseId = saved.id;
                l.position = ++position;
                l.title = "第" + "一二三四".charAt(position - 1) + "讲 " + v.title.replaceFirst("^第.讲\\s*", "");
                l.durationMs = v.durationMs;
                l.objectKey = v.objectKey;
                l.contentType = v.contentType;
                l.sizeBytes = v.sizeBytes;
                chain = chain.chain(() -> l.persist().replaceWithVoid());
            }
            if (lessonWithoutVideo != null) {
                Lesson l = new Lesson();
                l.courseId = saved.id;
                l.position = position + 1;
                l.title = lessonWithoutVideo;
                chain = chain.chain(() -> l.persist().replaceWithVoid());
            }
            List<AuthoringService.NewQuestion> bank = new java.util.ArrayList<>();
            for (int i = 1; i <= questions; i++) {
                bank.add(new AuthoringService.NewQuestion(BankRules.Kind.SINGLE, "演示题 " + i + "：本课程是演示课程吗？",
                        List.of(new BankRules.Option("是", true), new BankRules.Option("不是", false))));
            }
            return chain.chain(() -> AuthoringService.addQuestions(saved.id, bank))
                    .chain(() -> reviews.open(ReviewKind.COURSE, saved.id, saved.title, editor, Role.EDITOR,
                            AuthoringService.scopeOf(saved)))
                    .replaceWith(saved.id);
        });
    }
}
