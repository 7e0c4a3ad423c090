package cn.gd.xueshi.certificate;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Placements;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.shared.ProblemException;

/**
 * Year-end batches: confirmation and certificates for a whole unit, or an HR department's whole
 * region, as rows of work in PostgreSQL (one per person). Any instance leases a few pending rows at
 * a time with FOR UPDATE SKIP LOCKED; each row is idempotent (a year is confirmed once, a
 * certificate issued and rendered once), so a killed instance's lease lapses and another instance
 * finishes its rows without doing anything twice. Progress is counted from the same rows.
 */
@ApplicationScoped
public class CertificateBatches {

    private static final String LEASE = """
            update certificate_batch_item i set leased_until = now() + interval '2 minutes'
              from certificate_batch b
             where b.id = i.batch_id and (i.batch_id, i.professional_id) in (
                   select batch_id, professional_id from certificate_batch_item
                    where state = 'PENDING' and (leased_until is null or leased_until < now())
                    order by batch_id, professional_id limit $1 for update skip locked)
            returning i.batch_id, i.professional_id, b.year, b.employer_id, b.requested_by, b.requester_role,
                      b.requester_scope_level, b.requester_scope_city, b.requester_name""";
    private static final String DONE = """
            update certificate_batch_item set state = $3, outcome = $4, done_at = now(), leased_until = null
             where batch_id = $1 and professional_id = $2 and state = 'PENDING'""";
    private static final String FINISH = """
            update certificate_batch set finished_at = now()
             where finished_at is null and not exists (select 1 from certificate_batch_item i where i.batch_id = certificate_batch.id
                                                       and i.state = 'PENDING')""";
    private static final String PROGRESS = """
            select b.year, b.employer_id, b.requested_by, b.requester_role, b.requester_scope_level, b.requester_scope_city,
                   b.created_at, b.finished_at,
                   count(i.*) as total,
                   count(i.*) filter (where i.state = 'PENDING') as pending,
                   count(i.*) filter (where i.state = 'ISSUED') as issued,
                   count(i.*) filter (where i.state = 'SKIPPED') as skipped,
                   count(i.*) filter (where i.state = 'FAILED') as failed
              from certificate_batch b left join certificate_batch_item i on i.batch_id = b.id
             where b.id = $1 group by b.id""";

    private final Pool pool;
    private final Placements placements;
    private final CertificateService certificates;
    private final CertificateRenderer renderer;
    private final CertificateConfig config;
    private final Clock clock;
    private final io.vertx.core.Vertx vertx;

    public CertificateBatches(Pool pool, Placements placements, CertificateService certificates, CertificateRenderer renderer,
            CertificateConfig config, Clock clock, io.vertx.core.Vertx vertx) {
        this.vertx = vertx;
        this.pool = pool;
        this.placements = placements;
        this.certificates = certificates;
        this.renderer = renderer;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A batch for a year: an employer administrator's own unit, or an HR department's region (or
     * one unit in it). Answers its id; the work runs in the background.
     */
    public Uni<Long> start(Actor actor, int year, Long employerId) {
        Long unit;
        String city = null;
        Level level = null;
        Role role;
        if (actor.is(Role.EMPLOYER_ADMIN) && actor.scope().employerId() != null
                && (employerId == null || employerId.equals(actor.scope().employerId()))) {
            role = Role.EMPLOYER_ADMIN;
            unit = actor.scope().employerId();
        } else if (actor.is(Role.HR_ADMIN) && actor.scope().level() != null) {
            role = Role.HR_ADMIN;
            unit = employerId;
            level = actor.scope().level();
            city = actor.scope().cityCode();
        } else {
            throw ProblemException.notFound("没有这个单位，或不在您的范围内。");
        }
        String regionCity = city;
        Uni<List<Long>> people = unit == null ? placements.professionalsIn(null, regionCity)
                : placements.unit(unit).flatMap(u -> {
                    if (u == null || regionCity != null && !regionCity.equals(u.cityCode())) {
                        throw ProblemException.notFound("没有这个单位，或不在您的范围内。");
                    }
                    return placements.professionalsIn(u.id(), null);
                });
        Level scopeLevel = level;
        return people.flatMap(ids -> pool.withTransaction(conn -> conn.preparedQuery("""
                insert into certificate_batch (year, employer_id, requested_by, requester_role, requester_scope_level,
                                               requester_scope_city, requester_name, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8) returning id""").execute(Tuple.tuple().addValue(year).addValue(unit)
                .addValue(actor.accountId()).addValue(role.name()).addValue(scopeLevel == null ? null : scopeLevel.name())
                .addValue(regionCity).addValue(actor.name()).addValue(clock.instant().atOffset(java.time.ZoneOffset.UTC))).flatMap(rows -> {
                    long id = rows.iterator().next().getLong(0);
                    return conn.preparedQuery("""
                            insert into certificate_batch_item (batch_id, professional_id) select $1, unnest($2::bigint[])""")
                            .execute(Tuple.of(id, ids.toArray(new Long[0]))).replaceWith(id);
                })));
    }

    public record BatchProgress(long batchId, int year, Long employerId, long total, long pending, long issued, long skipped, long failed,
            boolean finished, java.time.OffsetDateTime createdAt, java.time.OffsetDateTime finishedAt) {
    }

    /** A batch's progress, for its requester and whoever shares their scope; 404 for anyone else. */
    public Uni<BatchProgress> progress(Actor actor, long batchId) {
        return pool.preparedQuery(PROGRESS).execute(Tuple.of(batchId)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("没有这个批次（编号 " + batchId + "）。");
            }
            Row r = rows.iterator().next();
            Long unit = r.getLong("employer_id");
            boolean same = actor.accountId() == r.getLong("requested_by")
                    || actor.is(Role.EMPLOYER_ADMIN) && "EMPLOYER_ADMIN".equals(r.getString("requester_role")) && unit != null
                            && unit.equals(actor.scope().employerId())
                    || actor.is(Role.HR_ADMIN) && "HR_ADMIN".equals(r.getString("requester_role")) && actor.scope().level() != null
                            && actor.scope().level().name().equals(r.getString("requester_scope_level"))
                            && java.util.Objects.equals(actor.scope().cityCode(), r.getString("requester_scope_city"));
            if (!same) {
                throw ProblemException.notFound("没有这个批次（编号 " + batchId + "）。");
            }
            return new BatchProgress(batchId, r.getInteger("year"), unit, r.getLong("total"), r.getLong("pending"), r.getLong("issued"),
                    r.getLong("skipped"), r.getLong("failed"), r.getOffsetDateTime("finished_at") != null,
                    r.getOffsetDateTime("created_at"), r.getOffsetDateTime("finished_at"));
        });
    }

    @Scheduled(every = "1s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return drain().onFailure().invoke(e -> Log.warnf("certificate batch: %s", e.toString())).onFailure().recoverWithNull();
    }

    /** Works lease after lease while there are pending rows, so a large batch does not wait a tick between leases. */
    private Uni<Void> drain() {
        return work(LEASE_SIZE).flatMap(n -> n == LEASE_SIZE ? drain() : Uni.createFrom().voidItem());
    }

    private static final int LEASE_SIZE = 64;

    /** Leases and works up to {@code limit} pending rows of any batch; answers how many were done. */
    public Uni<Integer> work(int limit) {
        return pool.preparedQuery(LEASE).execute(Tuple.of(limit)).flatMap(rows -> {
            List<Row> leased = new java.util.ArrayList<>();
            rows.forEach(leased::add);
            if (leased.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Multi.createFrom().iterable(leased).onItem().transformToUni(this::one).merge(Math.max(1, config.workers()))
                    .collect().asList().call(x -> pool.query(FINISH).execute()).map(List::size);
        });
    }

    /**
     * Runs {@code work} on a context of its own: Hibernate Reactive keeps one session per Vert.x
     * context, so rows worked at the same time must not share one; and spread over the event loops.
     */
    private <T> Uni<T> onOwnContext(java.util.function.Supplier<Uni<T>> work) {
        // a context on the next event loop (round robin), so rows are worked on every event loop, not one
        io.vertx.core.Context own = io.smallrye.common.vertx.VertxContext.createNewDuplicatedContext(
                ((io.vertx.core.impl.VertxInternal) vertx).createEventLoopContext());
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().emitter(em -> own.runOnContext(x -> work.get().subscribe().with(em::complete, em::fail)));
    }

    private Uni<Void> one(Row r) {
        return onOwnContext(() -> work(r));
    }

    private Uni<Void> work(Row r) {
        long batch = r.getLong("batch_id");
        long pid = r.getLong("professional_id");
        Role role = Role.valueOf(r.getString("requester_role"));
        String level = r.getString("requester_scope_level");
        Scope scope = role == Role.EMPLOYER_ADMIN ? new Scope(null, null, null, r.getLong("employer_id"))
                : new Scope(Level.valueOf(level), r.getString("requester_scope_city"), null, null);
        Actor actor = new Actor(r.getLong("requested_by"), Set.of(role), scope, r.getString("requester_name"));
        return certificates.confirmOne(actor, r.getInteger("year"), pid).flatMap(o -> switch (o.status()) {
            case CONFIRMED, ALREADY_CONFIRMED -> certificates.certificateId(o.certificateNumber())
                    .flatMap(id -> id == null ? Uni.createFrom().voidItem() : renderer.renderNow(id).chain(() -> stored(id, 600)))
                    .flatMap(x -> done(batch, pid, "ISSUED", o.certificateNumber()));
            case REFUSED -> done(batch, pid, o.httpStatus() != null && o.httpStatus() >= 500 ? "FAILED" : "SKIPPED", o.reason());
        }).onFailure().recoverWithUni(e -> {
            Log.warnf(e, "certificate batch %d, professional %d failed", batch, pid);
            return done(batch, pid, "FAILED", "处理失败：" + e.getClass().getSimpleName());
        });
    }

    /**
     * Waits (at most {@code tries} × 100 ms) until the certificate's PDF is stored, when another
     * worker holds it: a row is done when its certificate can be downloaded.
     */
    private Uni<Void> stored(long certificateId, int tries) {
        return pool.preparedQuery("select pdf_key is not null from certificate where id = $1").execute(Tuple.of(certificateId))
                .flatMap(rows -> rows.iterator().next().getBoolean(0) || tries == 0 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().voidItem().onItem().delayIt().by(java.time.Duration.ofMillis(100))
                                .chain(() -> stored(certificateId, tries - 1)));
    }

    private Uni<Void> done(long batch, long pid, String state, String outcome) {
        String text = outcome == null ? null : outcome.length() > 300 ? outcome.substring(0, 300) : outcome;
        return pool.preparedQuery(DONE).execute(Tuple.of(batch, pid, state, text)).replaceWithVoid();
    }
}
