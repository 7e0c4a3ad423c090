package cn.gd.xueshi.catalog.authoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.CatalogConfig;
import cn.gd.xueshi.catalog.Course;
import cn.gd.xueshi.catalog.CourseCategory;
import cn.gd.xueshi.catalog.CoursePublishing;
import cn.gd.xueshi.catalog.Lesson;
import cn.gd.xueshi.catalog.Question;
import cn.gd.xueshi.catalog.QuestionOption;
import cn.gd.xueshi.catalog.Subject;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.media.ObjectStore;
import cn.gd.xueshi.media.UploadKind;
import cn.gd.xueshi.media.Uploads;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewService;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.review.ReviewViews;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.shared.sheet.SheetException;

/**
 * Editors write courses here: a course version is theirs to change while its review item is a
 * draft or returned; once submitted it waits for the reviewer, once approved it is published by
 * the catalog and never changes again (editing makes a new version). Access is one rule: the
 * version's editor, or whoever may decide its review (for the preview); anyone else gets 404.
 */
@ApplicationScoped
public class AuthoringService {

    private final ReviewService reviews;
    private final Uploads uploads;
    private final ObjectStore store;
    private final CoursePublishing publishing;
    private final CatalogConfig config;
    private final Clock clock;

    public AuthoringService(ReviewService reviews, Uploads uploads, ObjectStore store, CoursePublishing publishing,
            CatalogConfig config, Clock clock) {
        this.reviews = reviews;
        this.uploads = uploads;
        this.store = store;
        this.publishing = publishing;
        this.config = config;
        this.clock = clock;
    }

    public record NewCourse(int year, String subjectCode, CourseCategory category, Sector sector, String title, BigDecimal hours,
            String description) {
    }

    /** The fields a patch may change; null leaves a field as it is. */
    public record CoursePatch(Integer year, String subjectCode, CourseCategory category, Sector sector, String title, BigDecimal hours,
            String description, String guideMarkdown, Integer questionsPerAttempt, Integer passMark) {
    }

    /** A name as written, or 400 when it is blank (also when only ideographic spaces fill it). */
    static String name(String value, String label) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("invalid-fields", label + "不能为空。").withRefusals(java.util.List.of(label + "不能为空"));
        }
        return value.strip();
    }

    static Scope scopeOf(Course c) {
        return c.category == CourseCategory.PROFESSIONAL ? Scope.province(c.sector) : Scope.PROVINCE;
    }

    // ---- courses ---------------------------------------------------------------------------

    public Uni<AuthoringViews.Created> create(Actor editor, NewCourse n) {
        checkCategory(n.category(), n.sector());
        return Panache.withTransaction(() -> subject(n.year(), n.subjectCode()).flatMap(subject -> {
            Course c = new Course();
            c.subjectId = subject.id;
            c.code = "e" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            c.version = 1;
            c.title = name(n.title(), "课程名称");
            c.hours = n.hours();
            c.description = n.description() == null ? "" : n.description().strip();
            c.category = n.category();
            c.sector = n.sector();
            c.ownerAccountId = editor.accountId();
            c.position = 1000;
            return c.<Course>persist().flatMap(saved -> reviews.open(ReviewKind.COURSE, saved.id, saved.title, editor, Role.EDITOR,
                    scopeOf(saved)).replaceWith(new AuthoringViews.Created(saved.id, saved.version, ReviewState.DRAFT)));
        }));
    }

    /** The editor's workspace: the current version and any draft of each of their courses. */
    public Uni<List<AuthoringViews.Summary>> mine(Actor editor) {
        return Panache.withSession(() -> Course.<Course>list("ownerAccountId = ?1 and supersededAt is null order by id desc",
                editor.accountId()).flatMap(courses -> subjects(courses).flatMap(subjects -> reviews.items(ReviewKind.COURSE,
                        courses.stream().map(c -> c.id).toList()).map(items -> courses.stream().map(c -> {
                            Subject s = subjects.get(c.subjectId);
                            ReviewViews.Item item = items.get(c.id);
                            return new AuthoringViews.Summary(c.id, c.title, s.year, s.title, c.category, c.sector, c.hours, c.version,
                                    item == null ? ReviewState.APPROVED : item.state(), c.publishedAt != null, c.supersededAt == null);
                        }).toList()))));
    }

    public Uni<AuthoringViews.CourseDraft> draft(long courseId, Actor actor) {
        return Panache.withSession(() -> visible(courseId, actor).flatMap(this::draftOf));
    }

    public Uni<AuthoringViews.CourseDraft> patch(long courseId, Actor editor, CoursePatch p) {
        return Panache.withTransaction(() -> editable(courseId, editor).flatMap(c -> {
            Uni<Void> move = Uni.createFrom().voidItem();
            if (p.year() != null || p.subjectCode() != null) {
                move = Subject.<Subject>findById(c.subjectId).flatMap(current -> subject(p.year() != null ? p.year() : current.year,
                        p.subjectCode() != null ? p.subjectCode() : current.code)).map(s -> {
                            c.subjectId = s.id;
                            return null;
                        });
            }
            return move.flatMap(x -> {
                CourseCategory category = p.category() != null ? p.category() : c.category;
                Sector sector = p.category() == CourseCategory.PUBLIC ? null : p.sector() != null ? p.sector() : c.sector;
                checkCategory(category, sector);
                c.category = category;
                c.sector = sector;
                if (p.title() != null) {
                    c.title = name(p.title(), "课程名称");
                }
                if (p.hours() != null) {
                    c.hours = p.hours();
                }
                if (p.description() != null) {
                    c.description = p.description().strip();
                }
                if (p.guideMarkdown() != null) {
                    c.guideMarkdown = p.guideMarkdown();
                }
                if (p.questionsPerAttempt() != null) {
                    c.questionsPerAttempt = within(p.questionsPerAttempt(), config.minQuestionsPerAttempt(),
                            config.maxQuestionsPerAttempt(), "每次测验抽题数");
                }
                if (p.passMark() != null) {
                    c.passMark = within(p.passMark(), config.minPassMark(), 100, "及格分");
                }
                return reviews.describe(ReviewKind.COURSE, c.id, c.title, scopeOf(c));
            }).flatMap(x -> draftOf(c));
        }));
    }

    /** A new draft version of a published course, with its lessons and questions, for its editor. */
    public Uni<AuthoringViews.Created> newVersion(long courseId, Actor editor) {
        return Panache.withTransaction(() -> Course.<Course>findById(courseId).flatMap(c -> {
            if (c == null || c.ownerAccountId == null || c.ownerAccountId != editor.accountId()) {
                throw ProblemException.notFound("课程不存在（编号 " + courseId + "）。");
            }
            if (c.publishedAt == null || c.supersededAt != null) {
                throw ProblemException.conflict("not-current", "只能在当前已发布的版本上创建新版本。");
            }
            return Course.<Course>find("subjectId = ?1 and code = ?2 and publishedAt is null and supersededAt is null", c.subjectId, c.code)
                    .firstResult().flatMap(open -> {
                        if (open != null) {
                            throw ProblemException.conflict("draft-exists", "该课程已有未发布的新版本（编号 " + open.id + "），请在其上修改。");
                        }
                        return Course.<Course>find("subjectId = ?1 and code = ?2 order by version desc", c.subjectId, c.code)
                                .firstResult().flatMap(latest -> copy(c, latest.version + 1, editor));
                    });
        }));
    }

    private Uni<AuthoringViews.Created> copy(Course from, int version, Actor editor) {
        Course c = new Course();
        c.subjectId = from.subjectId;
        c.code = from.code;
        c.version = version;
        c.title = from.title;
        c.hours = from.hours;
        c.description = from.description;
        c.guideMarkdown = from.guideMarkdown;
        c.coverKey = from.coverKey;
        c.category = from.category;
        c.sector = from.sector;
        c.questionsPerAttempt = from.questionsPerAttempt;
        c.passMark = from.passMark;
        c.position = from.position;
        c.ownerAccountId = editor.accountId();
        return c.<Course>persist().flatMap(saved -> Lesson.<Lesson>list("courseId = ?1 order by position", from.id).flatMap(lessons -> {
            List<Lesson> copies = lessons.stream().map(l -> {
                Lesson n = new Lesson();
                n.courseId = saved.id;
                n.position = l.position;
                n.title = l.title;
                n.durationMs = l.durationMs;
                n.objectKey = l.objectKey;
                n.contentType = l.contentType;
                n.sizeBytes = l.sizeBytes;
                n.captionKey = l.captionKey;
                return n;
            }).toList();
            return Lesson.persist(copies);
        }).chain(() -> questions(from.id)).flatMap(bank -> addQuestions(saved.id, bank.stream()
                .map(q -> new NewQuestion(q.kind(), q.text(), q.options().stream().map(o -> new BankRules.Option(o.text(), o.correct()))
                        .toList())).toList()))
                .chain(() -> reviews.open(ReviewKind.COURSE, saved.id, saved.title, editor, Role.EDITOR, scopeOf(saved)))
                .replaceWith(new AuthoringViews.Created(saved.id, saved.version, ReviewState.DRAFT)));
    }

    public Uni<AuthoringViews.Submitted> submit(long courseId, Actor editor) {
        return Panache.withSession(() -> owned(courseId, editor)).flatMap(c -> reviews.submit(ReviewKind.COURSE, courseId, editor))
                .map(item -> new AuthoringViews.Submitted(item.reviewId(), item.state()));
    }

    // ---- lessons ---------------------------------------------------------------------------

    public Uni<Long> addLesson(long courseId, Actor editor, String title) {
        return Panache.withTransaction(() -> editable(courseId, editor).flatMap(c -> Lesson.<Lesson>find(
                "courseId = ?1 order by position desc", c.id).firstResult().flatMap(last -> {
                    Lesson l = new Lesson();
                    l.courseId = c.id;
                    l.position = last == null ? 1 : last.position + 1;
                    l.title = name(title, "课时名称");
                    return l.<Lesson>persist();
                })).map(l -> l.id));
    }

    public Uni<Void> renameLesson(long lessonId, Actor editor, String title, Integer position) {
        return Panache.withTransaction(() -> editableLesson(lessonId, editor).flatMap(l -> {
            if (title != null) {
                l.title = name(title, "课时名称");
            }
            if (position == null || position == l.position) {
                return Uni.createFrom().voidItem();
            }
            return Lesson.<Lesson>list("courseId = ?1 order by position", l.courseId).flatMap(all -> {
                if (position < 1 || position > all.size()) {
                    throw ProblemException.unprocessable("invalid-position", "位置须在 1 到 " + all.size() + " 之间。");
                }
                List<Lesson> order = new ArrayList<>(all.stream().filter(x -> !x.id.equals(l.id)).toList());
                order.add(position - 1, all.stream().filter(x -> x.id.equals(l.id)).findFirst().orElseThrow());
                for (int i = 0; i < order.size(); i++) {
                    order.get(i).position = i + 1; // the unique position is checked at commit (deferred)
                }
                return Uni.createFrom().voidItem();
            });
        }));
    }

    public Uni<Void> deleteLesson(long lessonId, Actor editor) {
        return Panache.withTransaction(() -> editableLesson(lessonId, editor).flatMap(l -> l.delete()
                .chain(() -> Lesson.<Lesson>list("courseId = ?1 order by position", l.courseId)).map(rest -> {
                    for (int i = 0; i < rest.size(); i++) {
                        rest.get(i).position = i + 1;
                    }
                    return null;
                })));
    }

    // ---- uploads ---------------------------------------------------------------------------

    public Uni<AuthoringViews.Upload> startLessonUpload(long lessonId, Actor editor, UploadKind kind, String fileName, long size) {
        if (kind == UploadKind.COVER) {
            throw ProblemException.unprocessable("invalid-kind", "课时只能上传视频（VIDEO）或字幕（CAPTIONS）。");
        }
        return Panache.withTransaction(() -> editableLesson(lessonId, editor))
                .flatMap(l -> uploads.start(editor.accountId(), "lesson:" + l.id, kind, fileName, size)).map(AuthoringService::upload);
    }

    public Uni<AuthoringViews.Upload> startCoverUpload(long courseId, Actor editor, String fileName, long size) {
        return Panache.withTransaction(() -> editable(courseId, editor))
                .flatMap(c -> uploads.start(editor.accountId(), "course:" + c.id, UploadKind.COVER, fileName, size))
                .map(AuthoringService::upload);
    }

    private static AuthoringViews.Upload upload(Uploads.Started s) {
        return new AuthoringViews.Upload(s.uploadId().toString(), s.partSizeBytes(),
                s.parts().stream().map(p -> new AuthoringViews.Part(p.partNumber(), p.url())).toList());
    }

    public Uni<AuthoringViews.UploadStatus> uploadStatus(UUID uploadId, Actor editor) {
        return uploads.status(uploadId, editor.accountId()).map(s -> new AuthoringViews.UploadStatus(s.uploadId().toString(), s.state(),
                s.sizeBytes(), s.partSizeBytes(), s.partsStored(), s.parts().stream().map(p -> new AuthoringViews.Part(p.partNumber(),
                        p.url())).toList()));
    }

    /** Completes an upload and puts the judged file in its place: a lesson's video or captions, a course's cover. */
    public Uni<AuthoringViews.Completed> completeUpload(UUID uploadId, Actor editor) {
        return uploads.target(uploadId, editor.accountId()).flatMap(target -> {
            String[] t = target.split(":");
            long id = Long.parseLong(t[1]);
            UploadKind kind = UploadKind.valueOf(t[2]);
            Uni<Void> check = Panache.withTransaction(() -> "lesson".equals(t[0]) ? editableLesson(id, editor).replaceWithVoid()
                    : editable(id, editor).replaceWithVoid());
            return check.chain(() -> uploads.complete(uploadId, editor.accountId(), kind)).flatMap(stored -> Panache.withTransaction(
                    () -> attach(t[0], id, kind, stored, editor)).replaceWith(new AuthoringViews.Completed(stored.contentType(),
                            stored.durationMs() == null ? null : (stored.durationMs() + 999) / 1000, stored.sizeBytes())));
        });
    }

    private Uni<Void> attach(String what, long id, UploadKind kind, Uploads.Stored stored, Actor editor) {
        if ("course".equals(what)) {
            return editable(id, editor).map(c -> {
                c.coverKey = stored.objectKey();
                return null;
            });
        }
        return editableLesson(id, editor).map(l -> {
            if (kind == UploadKind.CAPTIONS) {
                l.captionKey = stored.objectKey();
            } else {
                l.objectKey = stored.objectKey();
                l.durationMs = stored.durationMs();
                l.contentType = stored.contentType();
                l.sizeBytes = stored.sizeBytes();
            }
            return null;
        });
    }

    /** Short-lived URLs of a lesson's video and captions, for its editor and reviewers (the preview). */
    public Uni<AuthoringViews.Media> media(long lessonId, Actor actor) {
        return Panache.withSession(() -> Lesson.<Lesson>findById(lessonId).flatMap(l -> {
            if (l == null) {
                throw ProblemException.notFound("课时不存在（编号 " + lessonId + "）。");
            }
            return visible(l.courseId, actor).map(c -> new AuthoringViews.Media(l.objectKey == null ? null : store.presignedGet(l.objectKey),
                    l.captionKey == null ? null : store.presignedGet(l.captionKey)));
        }));
    }

    /** A fresh URL of the version's cover, for its editor and reviewers (the preview). */
    public Uni<String> coverUrl(long courseId, Actor actor) {
        return Panache.withSession(() -> visible(courseId, actor)).map(c -> {
            if (c.coverKey == null) {
                throw ProblemException.notFound("该课程没有封面。");
            }
            return store.presignedGet(c.coverKey);
        });
    }

    /** A lesson's captions for its editor and reviewers (the preview). */
    public Uni<String> captions(long lessonId, Actor actor, java.util.function.Function<String, Uni<String>> read) {
        return Panache.withSession(() -> Lesson.<Lesson>findById(lessonId).flatMap(l -> {
            if (l == null || l.captionKey == null) {
                throw ProblemException.notFound("该课时没有字幕。");
            }
            return visible(l.courseId, actor).replaceWith(l.captionKey);
        })).flatMap(key -> read.apply(key));
    }

    // ---- questions -------------------------------------------------------------------------

    public record NewQuestion(BankRules.Kind kind, String text, List<BankRules.Option> options) {
    }

    public Uni<Long> addQuestion(long courseId, Actor editor, NewQuestion q) {
        String why = BankRules.refusal(q.kind(), q.text(), q.options());
        if (why != null) {
            throw ProblemException.unprocessable("invalid-question", why);
        }
        return Panache.withTransaction(() -> editable(courseId, editor).flatMap(c -> addQuestions(c.id, List.of(q))))
                .map(ids -> ids.get(0));
    }

    public Uni<AuthoringViews.ImportReport> importQuestions(long courseId, Actor editor, byte[] body) {
        // whose course it is first: a file for another's course is not even read
        return Panache.withSession(() -> owned(courseId, editor)).flatMap(c -> importInto(courseId, editor, body));
    }

    private Uni<AuthoringViews.ImportReport> importInto(long courseId, Actor editor, byte[] body) {
        QuestionSheet.Result sheet;
        try {
            sheet = QuestionSheet.read(body);
        } catch (SheetException e) {
            throw ProblemException.unprocessable("unreadable-sheet", e.getMessage());
        }
        List<AuthoringViews.RowRefusal> refused = new ArrayList<>(sheet.refused().stream()
                .map(r -> new AuthoringViews.RowRefusal(r.rowNumber(), r.reason())).toList());
        List<NewQuestion> accepted = new ArrayList<>();
        for (QuestionSheet.Row row : sheet.accepted()) {
            NewQuestion q = new NewQuestion(BankRules.Kind.valueOf(row.kind().name()), row.text(),
                    row.options().stream().map(o -> new BankRules.Option(o.text(), o.correct())).toList());
            String why = BankRules.refusal(q.kind(), q.text(), q.options());
            if (why == null) {
                accepted.add(q);
            } else {
                refused.add(new AuthoringViews.RowRefusal(row.rowNumber(), why));
            }
        }
        refused.sort(Comparator.comparingInt(AuthoringViews.RowRefusal::row));
        return Panache.withTransaction(() -> editable(courseId, editor).flatMap(c -> addQuestions(c.id, accepted)))
                .map(ids -> new AuthoringViews.ImportReport(ids.size(), refused.size(), refused));
    }

    public Uni<Void> deleteQuestion(long questionId, Actor editor) {
        return Panache.withTransaction(() -> Question.<Question>findById(questionId).flatMap(q -> {
            if (q == null) {
                throw ProblemException.notFound("试题不存在（编号 " + questionId + "）。");
            }
            return editable(q.courseId, editor).chain(() -> QuestionOption.delete("questionId", q.id)).chain(q::delete);
        }));
    }

    static Uni<List<Long>> addQuestions(long courseId, List<NewQuestion> questions) {
        return Question.<Question>find("courseId = ?1 order by position desc", courseId).firstResult().flatMap(last -> {
            int start = last == null ? 0 : last.position;
            Uni<List<Long>> chain = Uni.createFrom().item(new ArrayList<>());
            for (int i = 0; i < questions.size(); i++) {
                NewQuestion nq = questions.get(i);
                int position = start + i + 1;
                chain = chain.flatMap(ids -> {
                    Question q = new Question();
                    q.courseId = courseId;
                    q.position = position;
                    q.kind = nq.kind().name();
                    q.text = nq.text().strip();
                    return q.<Question>persist().flatMap(saved -> {
                        List<QuestionOption> options = new ArrayList<>();
                        for (int j = 0; j < nq.options().size(); j++) {
                            QuestionOption o = new QuestionOption();
                            o.questionId = saved.id;
                            o.position = j + 1;
                            o.text = nq.options().get(j).text().strip();
                            o.correct = nq.options().get(j).correct();
                            options.add(o);
                        }
                        ids.add(saved.id);
                        return QuestionOption.persist(options).replaceWith(ids);
                    });
                });
            }
            return chain;
        });
    }

    private static Uni<List<AuthoringViews.QuestionDraft>> questions(long courseId) {
        return Question.<Question>list("courseId = ?1 order by position", courseId).flatMap(qs -> QuestionOption.<QuestionOption>list(
                "questionId in ?1 order by position", qs.isEmpty() ? List.of(-1L) : qs.stream().map(q -> q.id).toList()).map(os -> {
                    Map<Long, List<QuestionOption>> by = os.stream().collect(Collectors.groupingBy(o -> o.questionId));
                    return qs.stream().map(q -> new AuthoringViews.QuestionDraft(q.id, q.position, BankRules.Kind.valueOf(q.kind),
                            q.text, by.getOrDefault(q.id, List.of()).stream().map(o -> new AuthoringViews.OptionDraft(o.text, o.correct))
                                    .toList())).toList();
                }));
    }

    // ---- access ----------------------------------------------------------------------------

    /** The version if the caller wrote it; 404 otherwise, so ids cannot be probed. */
    private static Uni<Course> owned(long courseId, Actor editor) {
        return Course.<Course>findById(courseId).map(c -> {
            if (c == null || c.ownerAccountId == null || c.ownerAccountId != editor.accountId()) {
                throw ProblemException.notFound("课程不存在（编号 " + courseId + "）。");
            }
            return c;
        });
    }

    /** The caller's version, locked for a change that only a draft or returned version allows. */
    private Uni<Course> editable(long courseId, Actor editor) {
        return owned(courseId, editor).call(c -> reviews.requireEditable(ReviewKind.COURSE, c.id));
    }

    private Uni<Lesson> editableLesson(long lessonId, Actor editor) {
        return Lesson.<Lesson>findById(lessonId).flatMap(l -> {
            if (l == null) {
                throw ProblemException.notFound("课时不存在（编号 " + lessonId + "）。");
            }
            return editable(l.courseId, editor).onFailure(ProblemException.class)
                    .transform(e -> ((ProblemException) e).status() == 404 ? ProblemException.notFound("课时不存在（编号 " + lessonId + "）。") : e)
                    .replaceWith(l);
        });
    }

    /** The version for its editor or anyone who may decide its review. */
    private Uni<Course> visible(long courseId, Actor actor) {
        return Course.<Course>findById(courseId).flatMap(c -> {
            if (c == null || c.ownerAccountId == null) {
                throw ProblemException.notFound("课程不存在（编号 " + courseId + "）。");
            }
            if (c.ownerAccountId == actor.accountId()) {
                return Uni.createFrom().item(c);
            }
            return reviews.itemOf(ReviewKind.COURSE, c.id, actor).onFailure().transform(e -> ProblemException.notFound(
                    "课程不存在（编号 " + courseId + "）。")).replaceWith(c);
        });
    }

    private Uni<AuthoringViews.CourseDraft> draftOf(Course c) {
        return Subject.<Subject>findById(c.subjectId).flatMap(s -> Lesson.<Lesson>list("courseId = ?1 order by position", c.id)
                .flatMap(lessons -> questions(c.id).flatMap(qs -> publishing.refusals(c).flatMap(refusals -> reviews.items(
                        ReviewKind.COURSE, List.of(c.id)).map(items -> {
                            ReviewViews.Item item = items.get(c.id);
                            boolean editable = item != null && (item.state() == ReviewState.DRAFT || item.state() == ReviewState.RETURNED);
                            return new AuthoringViews.CourseDraft(c.id, c.code, c.version, s.year, s.code, s.title, c.category, c.sector,
                                    c.title, c.hours, c.description, c.guideMarkdown, c.coverKey != null, c.questionsPerAttempt, c.passMark,
                                    c.publishedAt != null, c.supersededAt == null, editable, c.ownerAccountId,
                                    lessons.stream().map(l -> new AuthoringViews.LessonDraft(l.id, l.position, l.title,
                                            l.durationMs == null ? null : (l.durationMs + 999) / 1000, l.contentType, l.sizeBytes,
                                            l.objectKey != null, l.captionKey != null)).toList(),
                                    qs, refusals, item);
                        })))));
    }

    private static Uni<Map<Long, Subject>> subjects(List<Course> courses) {
        if (courses.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Subject.<Subject>list("id in ?1", courses.stream().map(c -> c.subjectId).distinct().toList())
                .map(list -> list.stream().collect(Collectors.toMap(s -> s.id, Function.identity())));
    }

    private static Uni<Subject> subject(int year, String code) {
        return Subject.<Subject>find("year = ?1 and code = ?2", year, code).firstResult().map(s -> {
            if (s == null) {
                throw ProblemException.unprocessable("unknown-subject", year + " 年度没有代码为“" + code + "”的科目，请先由人社部门创建。");
            }
            return s;
        });
    }

    private static void checkCategory(CourseCategory category, Sector sector) {
        if (category == CourseCategory.PROFESSIONAL && sector == null) {
            throw ProblemException.unprocessable("sector-required", "专业科目课件必须选择所属行业。");
        }
        if (category == CourseCategory.PUBLIC && sector != null) {
            throw ProblemException.unprocessable("sector-not-allowed", "公需科目课程不属于任何行业，请不要选择行业。");
        }
    }

    private static int within(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw ProblemException.unprocessable("out-of-range", what + "须在 " + min + " 到 " + max + " 之间。");
        }
        return value;
    }
}
