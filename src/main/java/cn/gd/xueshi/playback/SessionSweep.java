package cn.gd.xueshi.playback;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.shared.Jobs;

/** Ends sessions whose player has been silent for longer than {@code xueshi.playback.session-idle-end}. */
@ApplicationScoped
public class SessionSweep {

    private final Jobs jobs;
    private final Clock clock;
    private final PlaybackConfig config;

    public SessionSweep(Jobs jobs, Clock clock, PlaybackConfig config) {
        this.jobs = jobs;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${xueshi.playback.sweep-every:5m}", delayed = "${xueshi.playback.sweep-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> sweep() {
        Duration every = Duration.parse("PT" + config.sweepEvery().toUpperCase());
        return jobs.once("session-sweep", every, ignored -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                update playback_session set status = 'ENDED' where status = 'ACTIVE' and last_beat_at < :before""")
                .setParameter("before", clock.instant().minus(config.sessionIdleEnd())).executeUpdate()));
    }
}
