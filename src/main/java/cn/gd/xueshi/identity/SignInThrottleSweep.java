package cn.gd.xueshi.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.shared.Jobs;

/**
 * Forgets sign-in names quiet for {@code xueshi.identity.forget-failures-after}. Every attempt on
 * any name, known or not, keeps a row, so without this anyone could fill the table with made-up names.
 */
@ApplicationScoped
public class SignInThrottleSweep {

    private final Jobs jobs;
    private final Clock clock;
    private final IdentityConfig config;
    private final SignInThrottleStore store;

    public SignInThrottleSweep(Jobs jobs, Clock clock, IdentityConfig config, SignInThrottleStore store) {
        this.jobs = jobs;
        this.clock = clock;
        this.config = config;
        this.store = store;
    }

    @Scheduled(every = "${xueshi.identity.sweep-every:1h}", delayed = "${xueshi.identity.sweep-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> sweep() {
        Duration every = Duration.parse("PT" + config.sweepEvery().toUpperCase());
        Instant now = clock.instant();
        return jobs.once("sign-in-forget", every, ignored -> store.forgetQuietSince(now.minus(config.forgetFailuresAfter()), now));
    }
}
