package cn.gd.xueshi.identity;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The SQL of {@code sign_in_throttle}: one row per sign-in name, known or not. Call inside a transaction. */
@ApplicationScoped
public class SignInThrottleStore {

    /**
     * Counts an attempt on {@code name} under its row lock and stores what {@code throttle} decides
     * (the failure count and pause it earns should it fail), so that the next attempt, parallel or
     * not, sees it once this transaction commits.
     */
    public Uni<LoginThrottle.Attempt> count(String name, Instant now, LoginThrottle throttle) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                insert into sign_in_throttle (name, last_attempt_at) values (:name, :now)
                on conflict (name) do update set last_attempt_at = excluded.last_attempt_at
                returning failures, paused_until""", Object[].class)
                .setParameter("name", name).setParameter("now", now).getSingleResult()
                .flatMap(row -> {
                    LoginThrottle.Attempt attempt = throttle.attempt(((Number) row[0]).intValue(), instant(row[1]), now);
                    if (!attempt.allowed()) {
                        return Uni.createFrom().item(attempt);
                    }
                    long pausedUntilMs = attempt.pausedUntil() == null ? 0 : attempt.pausedUntil().toEpochMilli();
                    return s.createNativeQuery("""
                            update sign_in_throttle set failures = :f,
                                   paused_until = case when :p > 0 then to_timestamp(:p / 1000.0) end where name = :name""")
                            .setParameter("f", attempt.failures()).setParameter("p", pausedUntilMs).setParameter("name", name)
                            .executeUpdate().replaceWith(attempt);
                }));
    }

    /** A right password: the name starts afresh. */
    public Uni<Integer> clear(String name) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "update sign_in_throttle set failures = 0, paused_until = null where name = :name")
                .setParameter("name", name).executeUpdate());
    }

    /** Forgets names with no attempt since {@code before} and no pause still running, so the table holds only recent names. */
    public Uni<Integer> forgetQuietSince(Instant before, Instant now) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                delete from sign_in_throttle
                 where last_attempt_at < :before and (paused_until is null or paused_until <= :now)""")
                .setParameter("before", before).setParameter("now", now).executeUpdate());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
