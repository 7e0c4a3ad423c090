package cn.gd.xueshi.review;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.shared.ProblemException;

/**
 * The one review mechanism: opens items, moves them through {@link ReviewFlow} when the kind's
 * {@link ReviewPolicy} allows, records every transition, tells the owning feature in the same
 * transaction ({@link ReviewOutcome}), and lists queues within the caller's scope. Nothing else
 * writes an item's state.
 */
@ApplicationScoped
public class ReviewService {

    private static final int QUEUE_LIMIT = 500;

    private final Clock clock;
    private final Map<ReviewKind, ReviewOutcome> outcomes = new HashMap<>();

    public ReviewService(Clock clock, Instance<ReviewOutcome> outcomes) {
        this.clock = clock;
        outcomes.forEach(o -> this.outcomes.put(o.kind(), o));
    }

    /** A new item in DRAFT, owned by {@code owner}; call inside the transaction that creates its subject. */
    public Uni<Long> open(ReviewKind kind, long subjectId, String title, Actor owner, Role ownerRole, Scope scope) {
        Instant now = clock.instant();
        ReviewItem item = new ReviewItem();
        item.kind = kind;
        item.subjectId = subjectId;
        item.title = title;
        item.ownerAccountId = owner.accountId();
        place(item, scope);
        item.state = ReviewState.DRAFT;
        item.createdAt = now;
        item.updatedAt = now;
        return item.<ReviewItem>persist().flatMap(saved -> record(saved, null, ReviewState.DRAFT, ReviewStep.OPEN, owner,
                ownerRole, null, now).replaceWith(saved.id));
    }

    /**
     * Keeps an item's title and scope in step with its subject while the owner may still change
     * it (a draft or a returned item); call inside the transaction that changes the subject.
     */
    public Uni<Void> describe(ReviewKind kind, long subjectId, String title, Scope scope) {
        return bySubject(kind, subjectId).map(item -> {
            if (item.state == ReviewState.SUBMITTED || item.state == ReviewState.APPROVED) {
                throw ProblemException.conflict("not-editable", item.state == ReviewState.SUBMITTED
                        ? "已提交审核，审核结束前不能修改。" : "已审核通过的版本不能修改；请创建新版本。");
            }
            item.title = title;
            place(item, scope);
            item.updatedAt = clock.instant();
            return null;
        });
    }

    /**
     * Moves the undecided items of some subjects to another scope (a declarant moved to another
     * unit: what waits for confirmation goes with them); approved items stay where they were
     * decided. Call inside the transaction that makes the move. Answers how many moved.
     */
    public Uni<Integer> relocate(ReviewKind kind, List<Long> subjectIds, Scope scope) {
        if (subjectIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return ReviewItem.<ReviewItem>find("kind = ?1 and subjectId in ?2 and state <> ?3", kind, subjectIds, ReviewState.APPROVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().map(items -> {
                    Instant now = clock.instant();
                    items.forEach(item -> {
                        place(item, scope);
                        item.updatedAt = now;
                    });
                    return items.size();
                });
    }

    /**
     * Locks the item until the caller's transaction ends and refuses (409) unless its owner may
     * still change the subject: a draft or a returned item. Every edit of a subject starts here, so
     * an edit and a submission never interleave.
     */
    public Uni<Void> requireEditable(ReviewKind kind, long subjectId) {
        return bySubject(kind, subjectId).map(item -> {
            if (item.state == ReviewState.SUBMITTED || item.state == ReviewState.APPROVED) {
                throw ProblemException.conflict("not-editable", item.state == ReviewState.SUBMITTED
                        ? "已提交审核，审核结束前不能修改。" : "已审核通过的版本不能修改；请创建新版本。");
            }
            return null;
        });
    }

    /** The items of some subjects of a kind, by subject id (for an owner's workspace). */
    @WithSession
    public Uni<Map<Long, ReviewViews.Item>> items(ReviewKind kind, List<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ReviewItem.<ReviewItem>list("kind = ?1 and subjectId in ?2", kind, subjectIds)
                .flatMap(items -> withTransitions(items).map(views -> {
                    Map<Long, ReviewViews.Item> bySubject = new HashMap<>();
                    views.forEach(v -> bySubject.put(v.subjectId(), v));
                    return bySubject;
                }));
    }

    /** The owner hands the item in; refused with what the owning feature's checks say. */
    @WithTransaction
    public Uni<ReviewViews.Item> submit(ReviewKind kind, long subjectId, Actor actor) {
        return bySubject(kind, subjectId).flatMap(item -> {
            if (item.ownerAccountId != actor.accountId()) {
                throw ProblemException.notFound("审核事项不存在。");
            }
            return outcome(kind).submissionRefusals(subjectId).flatMap(refusals -> {
                if (!refusals.isEmpty()) {
                    throw ProblemException.unprocessable("integrity", String.join(" ", refusals)).withRefusals(refusals);
                }
                return act(item, actor, ReviewAction.SUBMIT, null);
            });
        });
    }

    /** A reviewer approves or returns an item; refused unless the kind's policy allows it. */
    @WithTransaction
    public Uni<ReviewViews.Item> decide(long reviewId, Actor actor, ReviewAction decision, String reason) {
        String why = decisionReason(decision, reason);
        return ReviewItem.<ReviewItem>findById(reviewId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(item -> decideLocked(item, actor, decision, why, "审核事项不存在（编号 " + reviewId + "）。"));
    }

    /**
     * Decides the item of a subject, for features whose callers name their own ids: the same checks
     * and the same 404 for an item the caller may not see as {@link #decide}.
     */
    @WithTransaction
    public Uni<ReviewViews.Item> decideSubject(ReviewKind kind, long subjectId, Actor actor, ReviewAction decision, String reason) {
        String why = decisionReason(decision, reason);
        return ReviewItem.<ReviewItem>find("kind = ?1 and subjectId = ?2", kind, subjectId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().flatMap(item -> decideLocked(item, actor, decision, why, "审核事项不存在。"));
    }

    private static String decisionReason(ReviewAction decision, String reason) {
        if (decision == ReviewAction.SUBMIT) {
            throw ProblemException.badRequest("invalid-decision", "审核结论只能是 APPROVE（通过）或 RETURN（退回）。");
        }
        String why = reason == null ? null : reason.strip();
        if (decision == ReviewAction.RETURN && (why == null || why.isEmpty())) {
            throw ProblemException.unprocessable("reason-required", "退回时必须写明原因，提交人会看到。");
        }
        return why == null || why.isEmpty() ? null : why;
    }

    private Uni<ReviewViews.Item> decideLocked(ReviewItem item, Actor actor, ReviewAction decision, String why, String missing) {
        if (item == null || !mayView(actor, item)) {
            throw ProblemException.notFound(missing);
        }
        return act(item, actor, decision, why);
    }

    private Uni<ReviewViews.Item> act(ReviewItem item, Actor actor, ReviewAction action, String reason) {
        ReviewPolicy policy = ReviewPolicy.of(item.kind);
        String refusal = policy.refusal(actor, item.subject(), action);
        if (refusal != null) {
            throw ProblemException.forbidden("not-your-review", refusal);
        }
        ReviewFlow.Step step = ReviewFlow.next(item.state, action);
        if (!step.allowed()) {
            throw ProblemException.conflict("wrong-state", step.refusal());
        }
        Instant now = clock.instant();
        ReviewState from = item.state;
        item.state = step.to();
        item.updatedAt = now;
        Uni<Void> react = action == ReviewAction.SUBMIT ? Uni.createFrom().voidItem()
                : outcome(item.kind).decided(item.subjectId, step.to(), now, actor);
        return react.chain(() -> record(item, from, step.to(), ReviewStep.of(action), actor, policy.role(actor, item.subject(), action), reason, now))
                .chain(() -> withTransitions(List.of(item))).map(views -> views.get(0));
    }

    /** The caller's queue of courseware: items in {@code state} they may decide, oldest change first. */
    @WithSession
    public Uni<List<ReviewViews.Item>> queue(Actor actor, ReviewState state) {
        return queue(actor, ReviewKind.COURSE, state, 0, QUEUE_LIMIT);
    }

    /**
     * The caller's queue of one kind, a page at a time: items in {@code state} they may decide,
     * oldest change first. SQL narrows to the caller's sector (courseware), unit (declarations) or
     * sector, level and city (class plans);
     * the kind's policy has the last word.
     */
    @WithSession
    public Uni<List<ReviewViews.Item>> queue(Actor actor, ReviewKind kind, ReviewState state, int offset, int limit) {
        return ReviewItem.<ReviewItem>find("""
                kind = ?1 and state = ?2 and ownerAccountId <> ?3
                and (kind <> ?7 or scopeSector = ?4 or (?5 = true and scopeSector is null))
                and (kind <> ?8 or scopeEmployerId = ?6)
                and (kind <> ?9 or (scopeSector = ?4 and scopeLevel = ?10 and coalesce(scopeCity, '') = ?11))
                order by updatedAt, id""", kind, state, actor.accountId(), actor.scope().sector(), actor.is(Role.HR_ADMIN),
                actor.scope().employerId() == null ? -1L : actor.scope().employerId(), ReviewKind.COURSE, ReviewKind.DECLARATION,
                ReviewKind.CLASS_PLAN, actor.scope().level(), actor.scope().cityCode() == null ? "" : actor.scope().cityCode())
                .range(offset, offset + Math.min(limit, QUEUE_LIMIT) - 1).list()
                .map(items -> items.stream().filter(i -> mayDecide(actor, i)).toList())
                .flatMap(this::withTransitions);
    }

    /** One item with its transitions, for its owner and whoever may decide it; 404 for anyone else. */
    @WithSession
    public Uni<ReviewViews.Item> item(long reviewId, Actor actor) {
        return ReviewItem.<ReviewItem>findById(reviewId).flatMap(item -> {
            if (item == null || !mayView(actor, item)) {
                throw ProblemException.notFound("审核事项不存在（编号 " + reviewId + "）。");
            }
            return withTransitions(List.of(item)).map(v -> v.get(0));
        });
    }

    /** The item of one subject, when the caller may see it (its owner or one who may decide it). */
    @WithSession
    public Uni<ReviewViews.Item> itemOf(ReviewKind kind, long subjectId, Actor actor) {
        return ReviewItem.<ReviewItem>find("kind = ?1 and subjectId = ?2", kind, subjectId).firstResult().flatMap(item -> {
            if (item == null || !mayView(actor, item)) {
                throw ProblemException.notFound("审核事项不存在。");
            }
            return withTransitions(List.of(item)).map(v -> v.get(0));
        });
    }

    private static boolean mayView(Actor actor, ReviewItem item) {
        return item.ownerAccountId == actor.accountId() || mayDecide(actor, item);
    }

    private static boolean mayDecide(Actor actor, ReviewItem item) {
        return ReviewPolicy.of(item.kind).refusal(actor, item.subject(), ReviewAction.APPROVE) == null;
    }

    private ReviewOutcome outcome(ReviewKind kind) {
        ReviewOutcome o = outcomes.get(kind);
        if (o == null) {
            throw new IllegalStateException("no feature reacts to decisions on " + kind);
        }
        return o;
    }

    private static Uni<ReviewItem> bySubject(ReviewKind kind, long subjectId) {
        return ReviewItem.<ReviewItem>find("kind = ?1 and subjectId = ?2", kind, subjectId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().map(item -> {
                    if (item == null) {
                        throw ProblemException.notFound("审核事项不存在。");
                    }
                    return item;
                });
    }

    private static void place(ReviewItem item, Scope scope) {
        item.scopeLevel = scope.level();
        item.scopeCity = scope.cityCode();
        item.scopeSector = scope.sector();
        item.scopeEmployerId = scope.employerId();
    }

    private static Uni<Void> record(ReviewItem item, ReviewState from, ReviewState to, ReviewStep action, Actor actor, Role role,
            String reason, Instant at) {
        ReviewTransition t = new ReviewTransition();
        t.itemId = item.id;
        t.fromState = from;
        t.toState = to;
        t.action = action;
        t.actorAccountId = actor.accountId();
        t.actorName = actor.name();
        t.actorRole = role;
        t.reason = reason;
        t.at = at;
        return t.persist().replaceWithVoid();
    }

    private Uni<List<ReviewViews.Item>> withTransitions(List<ReviewItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ReviewTransition.<ReviewTransition>list("itemId in ?1 order by id", items.stream().map(i -> i.id).toList())
                .map(ts -> items.stream().map(i -> ReviewViews.of(i, ts.stream().filter(t -> t.itemId == i.id).toList())).toList());
    }
}
