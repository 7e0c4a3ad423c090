package cn.gd.xueshi.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.Conversion;
import cn.gd.xueshi.hours.YearRule;
import cn.gd.xueshi.hours.YearRules;
import cn.gd.xueshi.identity.Placements;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.media.Documents;
import cn.gd.xueshi.media.ObjectStore;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewAction;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewService;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.review.ReviewViews;
import cn.gd.xueshi.shared.ProblemException;

/**
 * Declarations of hours earned elsewhere: a professional declares them with evidence to the unit
 * they work for; that unit's administrators confirm or return them through the review mechanism,
 * whose policy is this feature's one scope check (the declarant, or an administrator of the unit
 * the declaration was made to). Confirmation credits the ledger ({@link DeclarationOutcome}).
 */
@ApplicationScoped
public class DeclarationService {

    static final int MAX_DECISIONS = 1_000;

    private final Placements placements;
    private final YearRules rules;
    private final ReviewService reviews;
    private final ObjectStore store;
    private final Vertx vertx;
    private final Clock clock;

    public DeclarationService(Placements placements, YearRules rules, ReviewService reviews, ObjectStore store, Vertx vertx,
            Clock clock) {
        this.placements = placements;
        this.rules = rules;
        this.reviews = reviews;
        this.store = store;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** An evidence file as the HTTP layer received it (a temporary file it deletes afterwards). */
    public record Upload(String fileName, Path path, long sizeBytes) {
    }

    public record EvidenceView(long id, String fileName, String contentType, int sizeBytes, Instant uploadedAt, boolean withdrawn) {
    }

    public record DeclarationView(long id, long professionalId, String declarant, long employerId, int year, Category category,
            cn.gd.xueshi.hours.Activity activity, String activityLabel, String title, String organiser, LocalDate startedOn,
            LocalDate endedOn, BigDecimal quantity, String unitLabel, BigDecimal hoursPerUnit, BigDecimal hours,
            List<EvidenceView> evidence, ReviewViews.Item review) {

        @com.fasterxml.jackson.annotation.JsonProperty("state")
        public ReviewState state() {
            return review.state();
        }
    }

    /** One id's outcome in a bulk decision: its new state, or the status and reason it was refused with. */
    public record Outcome(long id, int status, ReviewState state, String problem, String detail) {
    }

    /** The rates a declaration of {@code year} is converted at. */
    public List<Conversion> conversions(int year) {
        return rules.conversions(year);
    }

    /** A new declaration, submitted to the declarant's unit at once. */
    public Uni<DeclarationView> declare(Actor actor, long professionalId, DeclarationRules.Form form, List<Upload> files) {
        Conversion rate = rate(form);
        return placements.of(professionalId).flatMap(place -> judge(files).flatMap(judged -> {
            refuseUnlessAcceptable(place, form, rate, judged, true);
            return storeAll(judged).flatMap(stored -> Panache.withTransaction(() -> {
                Instant now = clock.instant();
                Declaration d = new Declaration();
                d.professionalId = professionalId;
                d.accountId = actor.accountId();
                d.employerId = place.employerId();
                fill(d, form, rate);
                d.createdAt = now;
                return d.<Declaration>persist()
                        .call(saved -> keep(saved.id, stored, now))
                        .call(saved -> reviews.open(ReviewKind.DECLARATION, saved.id, title(saved), actor, Role.PROFESSIONAL,
                                place.scope()))
                        .call(saved -> reviews.submit(ReviewKind.DECLARATION, saved.id, actor))
                        .map(saved -> saved.id);
            }).onFailure().call(e -> forget(stored))).flatMap(id -> view(id, actor));
        }));
    }

    /**
     * A returned declaration corrected and submitted again: the fields replace the old ones; new
     * files replace the old evidence (kept, marked withdrawn), no files keep it.
     */
    public Uni<DeclarationView> correct(Actor actor, long professionalId, long id, DeclarationRules.Form form, List<Upload> files) {
        Conversion rate = rate(form);
        return placements.of(professionalId).flatMap(place -> judge(files).flatMap(judged -> {
            refuseUnlessAcceptable(place, form, rate, judged, false);
            return storeAll(judged).flatMap(stored -> Panache.withTransaction(() -> Declaration.<Declaration>findById(id)
                    .flatMap(d -> {
                        if (d == null || d.accountId != actor.accountId()) {
                            throw ProblemException.notFound("学时申报不存在（编号 " + id + "）。");
                        }
                        return reviews.requireEditable(ReviewKind.DECLARATION, id).flatMap(x -> {
                            Instant now = clock.instant();
                            fill(d, form, rate);
                            d.employerId = place.employerId();
                            Uni<Void> replaced = stored.isEmpty() ? Uni.createFrom().voidItem()
                                    : Evidence.update("withdrawnAt = ?1 where declarationId = ?2 and withdrawnAt is null", now, id)
                                            .replaceWithVoid().call(() -> keep(id, stored, now));
                            return replaced.call(() -> reviews.describe(ReviewKind.DECLARATION, id, title(d), place.scope()))
                                    .call(() -> reviews.submit(ReviewKind.DECLARATION, id, actor));
                        });
                    }).replaceWith(id)).onFailure().call(e -> forget(stored))).flatMap(x -> view(id, actor));
        }));
    }

    /** The declarant's own declarations of a year, newest first. */
    @WithSession
    public Uni<List<DeclarationView>> mine(Actor actor, int year) {
        return Declaration.<Declaration>list("accountId = ?1 and year = ?2 order by id desc", actor.accountId(), year)
                .flatMap(ds -> views(ds, actor));
    }

    /** One declaration, for its declarant and the administrators of its unit; 404 for anyone else. */
    @WithSession
    public Uni<DeclarationView> view(long id, Actor actor) {
        return reviews.itemOf(ReviewKind.DECLARATION, id, actor).onFailure(ProblemException.class)
                .transform(e -> ProblemException.notFound("学时申报不存在（编号 " + id + "）。"))
                .flatMap(item -> Declaration.<Declaration>findById(id)).flatMap(d -> views(List.of(d), actor)).map(v -> v.get(0));
    }

    /** The caller's unit's declarations in a state, oldest change first, a page at a time. */
    @WithSession
    public Uni<List<DeclarationView>> queue(Actor actor, ReviewState state, int offset, int limit) {
        return reviews.queue(actor, ReviewKind.DECLARATION, state, offset, limit).flatMap(items -> {
            List<Long> ids = items.stream().map(ReviewViews.Item::subjectId).toList();
            return ids.isEmpty() ? Uni.createFrom().item(List.<DeclarationView>of())
                    : Declaration.<Declaration>list("id in ?1", ids).flatMap(ds -> {
                        Map<Long, Declaration> byId = new HashMap<>();
                        ds.forEach(d -> byId.put(d.id, d));
                        return views(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), actor);
                    });
        });
    }

    /**
     * Confirms or returns several declarations, each in its own transaction, so that one refusal
     * (already decided, not this unit's, the year closed) leaves the others decided.
     */
    public Uni<List<Outcome>> decide(Actor actor, List<Long> ids, ReviewAction decision, String reason) {
        if (ids == null || ids.isEmpty() || ids.size() > MAX_DECISIONS) {
            throw ProblemException.unprocessable("invalid-selection", "请选择 1–" + MAX_DECISIONS + " 条申报。");
        }
        if (ids.stream().anyMatch(i -> i == null || i <= 0)) {
            throw ProblemException.unprocessable("invalid-selection", "申报编号应为正整数。");
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<Outcome> outcomes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Long id : distinct) {
            chain = chain.chain(() -> reviews.decideSubject(ReviewKind.DECLARATION, id, actor, decision, reason)
                    .map(item -> new Outcome(id, 200, item.state(), null, null))
                    .onFailure(ProblemException.class).recoverWithItem(e -> {
                        ProblemException p = (ProblemException) e;
                        return new Outcome(id, p.status(), null, p.type(), p.detail());
                    })
                    .invoke(outcomes::add).replaceWithVoid());
        }
        return chain.map(x -> outcomes);
    }

    /** A short-lived address of one evidence file, for the declarant and the unit's administrators. */
    @WithSession
    public Uni<String> evidenceUrl(Actor actor, long id, long fileId) {
        return reviews.itemOf(ReviewKind.DECLARATION, id, actor).onFailure(ProblemException.class)
                .transform(e -> ProblemException.notFound("学时申报不存在（编号 " + id + "）。"))
                .flatMap(item -> Evidence.<Evidence>find("id = ?1 and declarationId = ?2", fileId, id).<Evidence>firstResult())
                .flatMap(e -> {
                    if (e == null) {
                        throw ProblemException.notFound("证明材料不存在（编号 " + fileId + "）。");
                    }
                    return vertx.executeBlocking(Uni.createFrom().item(() -> store.presignedDownload(e.objectKey, e.fileName, e.contentType)));
                });
    }

    /** Hours declared and awaiting confirmation, per professional and category, in a year. */
    @WithSession
    public Uni<Map<Long, Map<Category, BigDecimal>>> pendingHours(Collection<Long> professionalIds, int year) {
        if (professionalIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Declaration.<Declaration>list("professionalId in ?1 and year = ?2", professionalIds, year).flatMap(ds -> reviews
                .items(ReviewKind.DECLARATION, ds.stream().map(d -> d.id).toList()).map(items -> {
                    Map<Long, Map<Category, BigDecimal>> pending = new HashMap<>();
                    for (Declaration d : ds) {
                        ReviewViews.Item item = items.get(d.id);
                        if (item != null && item.state() == ReviewState.SUBMITTED) {
                            pending.computeIfAbsent(d.professionalId, k -> new EnumMap<>(Category.class))
                                    .merge(d.category, d.hours, BigDecimal::add);
                        }
                    }
                    return pending;
                }));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private record Judged(Upload upload, DeclarationRules.File file) {
    }

    private record Stored(String key, Judged judged) {
    }

    /** Each file's type from its first bytes, read off the event loop. */
    private Uni<List<Judged>> judge(List<Upload> files) {
        if (files.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            List<Judged> judged = new ArrayList<>();
            for (Upload u : files) {
                byte[] head = new byte[16];
                int n = 0;
                if (u.sizeBytes() > 0 && u.sizeBytes() <= DeclarationRules.MAX_FILE_BYTES) {
                    try (InputStream in = Files.newInputStream(u.path())) {
                        n = in.readNBytes(head, 0, head.length);
                    } catch (IOException e) {
                        throw ProblemException.badRequest("unreadable-file", "无法读取上传的文件，请重新上传。");
                    }
                }
                String type = Documents.type(java.util.Arrays.copyOf(head, n));
                judged.add(new Judged(u, new DeclarationRules.File(
                        DeclarationRules.fileName(DeclarationRules.withExtension(DeclarationRules.fileName(u.fileName()), type)),
                        u.sizeBytes(), type)));
            }
            return judged;
        }));
    }

    private Uni<List<Stored>> storeAll(List<Judged> judged) {
        if (judged.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            List<Stored> stored = new ArrayList<>();
            try {
                for (Judged j : judged) {
                    String key = "evidence/" + UUID.randomUUID();
                    store.put(key, j.upload().path(), j.file().type());
                    stored.add(new Stored(key, j));
                }
            } catch (ObjectStore.StorageException e) {
                stored.forEach(s -> removeQuietly(s.key()));
                throw ProblemException.unavailable("证明材料暂时无法保存，请稍后再试。");
            }
            return stored;
        }));
    }

    private Uni<Void> keep(long declarationId, List<Stored> stored, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Stored s : stored) {
            Evidence e = new Evidence();
            e.declarationId = declarationId;
            e.objectKey = s.key();
            e.fileName = s.judged().file().name();
            e.contentType = s.judged().file().type();
            e.sizeBytes = (int) s.judged().file().sizeBytes();
            e.uploadedAt = now;
            chain = chain.chain(() -> e.persist().replaceWithVoid());
        }
        return chain;
    }

    /** Objects stored for a declaration that was then refused go again. */
    private Uni<Void> forget(List<Stored> stored) {
        if (stored.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            stored.forEach(s -> removeQuietly(s.key()));
            return true;
        })).replaceWithVoid();
    }

    private void removeQuietly(String key) {
        try {
            store.remove(key);
        } catch (RuntimeException e) {
            Log.warnf("could not remove refused evidence %s: %s", key, e.getMessage());
        }
    }

    private Conversion rate(DeclarationRules.Form form) {
        return form.year() == null || form.activity() == null ? null : rules.conversion(form.year(), form.activity());
    }

    /** Refuses (422, every reason at once) unless the declarant has a unit and the form and files are acceptable. */
    private void refuseUnlessAcceptable(Placements.Placement place, DeclarationRules.Form form, Conversion rate, List<Judged> judged,
            boolean filesRequired) {
        if (place == null || place.employerId() == null) {
            throw ProblemException.unprocessable("no-employer", "您尚未关联工作单位，无法申报学时；请联系单位管理员把您加入本单位人员名单。");
        }
        List<String> why = new ArrayList<>(DeclarationRules.refusals(form, place.sector(),
                form.year() == null ? null : rules.rule(form.year()), rate, LocalDate.now(clock)));
        why.addAll(DeclarationRules.evidenceRefusals(judged.stream().map(Judged::file).toList(), filesRequired));
        refuseIf(why);
    }

    private void fill(Declaration d, DeclarationRules.Form form, Conversion rate) {
        d.year = form.year();
        d.category = form.category();
        d.activity = form.activity();
        d.title = form.title().strip();
        d.organiser = form.organiser().strip();
        d.startedOn = form.startedOn();
        d.endedOn = form.endedOn();
        d.quantity = form.quantity();
        d.hoursPerUnit = rate.hoursPerUnit();
        d.hours = rate.hoursFor(form.quantity());
        d.updatedAt = clock.instant();
    }

    /** The review item's title: the year and the declaration's title, within the item's 200 characters. */
    private static String title(Declaration d) {
        String title = d.year + " 年 · " + d.title;
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }

    private static void refuseIf(List<String> why) {
        if (!why.isEmpty()) {
            throw ProblemException.unprocessable("invalid-declaration", String.join(" ", why)).withRefusals(why);
        }
    }

    private Uni<List<DeclarationView>> views(List<Declaration> ds, Actor actor) {
        if (ds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = ds.stream().map(d -> d.id).toList();
        return reviews.items(ReviewKind.DECLARATION, ids).flatMap(items -> Evidence.<Evidence>list(
                "declarationId in ?1 order by id", ids).flatMap(evidence -> placements.of(ds.stream()
                        .map(d -> d.professionalId).distinct().toList()).map(people -> {
                            Map<Long, List<EvidenceView>> files = new HashMap<>();
                            evidence.forEach(e -> files.computeIfAbsent(e.declarationId, k -> new ArrayList<>())
                                    .add(new EvidenceView(e.id, e.fileName, e.contentType, e.sizeBytes, e.uploadedAt, e.withdrawnAt != null)));
                            return ds.stream().map(d -> {
                                Conversion rate = rules.conversion(d.year, d.activity);
                                Placements.Placement who = people.get(d.professionalId);
                                return new DeclarationView(d.id, d.professionalId, who == null ? "" : who.name(), d.employerId, d.year,
                                        d.category, d.activity, d.activity.label, d.title, d.organiser, d.startedOn, d.endedOn, d.quantity,
                                        rate == null ? "" : rate.unitLabel(), d.hoursPerUnit, d.hours, files.getOrDefault(d.id, List.of()),
                                        items.get(d.id));
                            }).toList();
                        })));
    }

    /** The rule of a year, for pages; null before the first year with rules. */
    public YearRule rule(int year) {
        return rules.rule(year);
    }
}
