package cn.gd.xueshi.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Runs a scheduled job once per time slot however many instances fire it: the instance that
 * inserts the slot's row into {@code job_run} runs it, the others skip. Call inside a transaction.
 */
@ApplicationScoped
public class Jobs {

    private final Clock clock;
    private final String instance;

    public Jobs(Clock clock, InstanceConfig config) {
        this.clock = clock;
        this.instance = config.id().orElse(UUID.randomUUID().toString().substring(0, 8));
    }

    public Uni<Void> once(String job, Duration every, Function<Void, Uni<Integer>> work) {
        long slot = clock.instant().getEpochSecond() / every.toSeconds() * every.toSeconds();
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                insert into job_run (job, slot, instance, started_at) values (:job, :slot, :instance, :now)
                on conflict do nothing""").setParameter("job", job).setParameter("slot", slot)
                .setParameter("instance", instance).setParameter("now", clock.instant()).executeUpdate()
                .flatMap(won -> {
                    if (won == 0) {
                        Log.infof("job %s slot %d: skipped, another instance runs it", job, slot);
                        return Uni.createFrom().voidItem();
                    }
                    return work.apply(null).flatMap(affected -> s.createNativeQuery(
                            "update job_run set affected = :n where job = :job and slot = :slot")
                            .setParameter("n", affected).setParameter("job", job).setParameter("slot", slot).executeUpdate()
                            .invoke(() -> Log.infof("job %s slot %d: ran on %s, %d affected", job, slot, instance, affected))
                            .replaceWithVoid());
                }));
    }
}
