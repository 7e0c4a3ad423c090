package cn.gd.xueshi.certificate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.gd.xueshi.media.ObjectStore;

/**
 * Renders issued certificates into signed PDFs in object storage, once each, on whichever instance
 * gets there: each instance leases a few unrendered certificates at a time (FOR UPDATE SKIP LOCKED,
 * a lease that lapses after two minutes, so a killed instance's share is taken over), renders them
 * off the event loop, stores each under a fresh key and records the first one stored (a slower
 * duplicate is deleted). Nothing is held in memory between runs.
 */
@ApplicationScoped
public class CertificateRenderer {

    private static final String LEASE = """
            update certificate set render_leased_until = now() + interval '2 minutes'
             where id in (select id from certificate where pdf_key is null
                           and (render_leased_until is null or render_leased_until < now())
                           order by id limit $1 for update skip locked)
            returning id""";
    private static final String LEASE_ONE = """
            update certificate set render_leased_until = now() + interval '2 minutes'
             where id = $1 and pdf_key is null and (render_leased_until is null or render_leased_until < now())
            returning id""";
    private static final String LOAD = """
            select number, name, id_number_masked, employer_name, year, public_hours, professional_hours, elective_hours,
                   total_hours, issued_on, sealed_pdf_key from certificate where id = $1""";
    private static final String RECORD = """
            update certificate set pdf_key = $2, pdf_sha256 = $3, pdf_bytes = $4, render_leased_until = null
             where id = $1 and pdf_key is null""";

    private final Pool pool;
    private final CertificatePdf pdf;
    private final ObjectStore store;
    private final CertificateConfig config;

    public CertificateRenderer(Pool pool, CertificatePdf pdf, ObjectStore store, CertificateConfig config) {
        this.pool = pool;
        this.pdf = pdf;
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "1s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return drain(Duration.ofSeconds(50)).onFailure().invoke(e -> Log.warnf("certificate rendering: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Leases and renders up to {@code limit} unrendered certificates; answers how many were rendered. */
    public Uni<Integer> renderPending(int limit) {
        return pool.preparedQuery(LEASE).execute(Tuple.of(limit)).flatMap(rows -> {
            List<Long> ids = new java.util.ArrayList<>();
            rows.forEach(r -> ids.add(r.getLong(0)));
            return Multi.createFrom().iterable(ids).onItem().transformToUni(this::render).merge(Math.max(1, config.workers()))
                    .collect().asList().map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
        });
    }

    /**
     * Renders one certificate now unless it has its PDF or another worker holds its lease (that
     * worker stores it); true when this call stored it.
     */
    public Uni<Boolean> renderNow(long id) {
        return pool.preparedQuery(LEASE_ONE).execute(Tuple.of(id)).flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(false)
                : render(id));
    }

    /** Renders one certificate this worker has leased; true when this call stored it. */
    private Uni<Boolean> render(long id) {
        return pool.preparedQuery(LOAD).execute(Tuple.of(id)).flatMap(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(false);
            }
            Row r = rows.iterator().next();
            CertificateContent content = content(r, config, null);
            String key = "certificates/" + content.year() + "/" + content.number() + "/" + UUID.randomUUID() + ".pdf";
            return Uni.createFrom().item(() -> {
                byte[] bytes = pdf.render(content);
                store.put(key, bytes, "application/pdf");
                return bytes;
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .flatMap(bytes -> pool.preparedQuery(RECORD).execute(Tuple.of(id, key, CertificateService.sha256(bytes), bytes.length))
                            .map(done -> done.rowCount() == 1))
                    .call(stored -> stored ? Uni.createFrom().voidItem()
                            : Uni.createFrom().item(() -> {
                                store.remove(key);
                                return null;
                            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
        });
    }

    private static final String RECORD_SEALED = """
            update certificate set sealed_pdf_key = $2, sealed_pdf_sha256 = $3, sealed_at = now() where id = $1 and state = 'VALID'""";

    /** Renders the sealed copy of a certificate (the unit's seal drawn on it, marked and signed again); answers its object key. */
    public Uni<String> renderSealed(long id, String sealKey) {
        return pool.preparedQuery(LOAD).execute(Tuple.of(id)).flatMap(rows -> {
            Row r = rows.iterator().next();
            String number = r.getString("number");
            String key = "certificates/" + r.getInteger("year") + "/" + number + "/sealed-" + UUID.randomUUID() + ".pdf";
            return Uni.createFrom().item(() -> {
                byte[] bytes = pdf.render(content(r, config, store.read(sealKey)));
                store.put(key, bytes, "application/pdf");
                return bytes;
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .flatMap(bytes -> pool.preparedQuery(RECORD_SEALED).execute(Tuple.of(id, key, CertificateService.sha256(bytes))))
                    .map(done -> {
                        if (done.rowCount() != 1) {
                            throw cn.gd.xueshi.shared.ProblemException.conflict("not-valid", "证书已撤销或已被取代，不能加盖印章。");
                        }
                        return key;
                    });
        });
    }

    static CertificateContent content(Row r, CertificateConfig config, byte[] seal) {
        String number = r.getString("number");
        return new CertificateContent(number, r.getString("name"), r.getString("id_number_masked"), r.getString("employer_name"),
                r.getInteger("year"), r.getBigDecimal("public_hours"), r.getBigDecimal("professional_hours"),
                r.getBigDecimal("elective_hours"), r.getBigDecimal("total_hours"), config.basis(), r.getLocalDate("issued_on"),
                config.publicUrl().replaceAll("/+$", "") + "/verify/" + number, seal);
    }

    /** Waits until every certificate is rendered or {@code timeout} passes (for tests and the demo). */
    public Uni<Void> drain(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        return renderPending(256).flatMap(n -> n > 0 && System.nanoTime() < until ? drain(Duration.ofNanos(until - System.nanoTime()))
                : Uni.createFrom().voidItem());
    }
}
