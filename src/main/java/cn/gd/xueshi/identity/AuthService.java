package cn.gd.xueshi.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import cn.gd.xueshi.shared.ProblemException;

/** Password sign-in with bcrypt, and a pause that grows with repeated failures. */
@ApplicationScoped
public class AuthService {

    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final Vertx vertx;

    public AuthService(PasswordHasher hasher, TokenIssuer issuer, Clock clock, IdentityConfig config, Vertx vertx) {
        this.hasher = hasher;
        this.issuer = issuer;
        this.clock = clock;
        this.vertx = vertx;
        this.throttle = new LoginThrottle(config.freeFailures(), config.firstPause(), config.maxPause());
    }

    public record SignedIn(TokenIssuer.Issued token, Account account) {
    }

    /**
     * Checks a password. The attempt is counted first, in a transaction of its own that commits
     * before bcrypt runs, so parallel attempts see each other; a wrong password yields null
     * rather than a failure, and {@link #orRefuse} turns it into the 401.
     */
    public Uni<SignedIn> signIn(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 64 || password.length() > 200) {
            return Uni.createFrom().failure(ProblemException.badRequest("missing-credentials", "请输入用户名和密码。"));
        }
        if (!PasswordRule.fitsBcrypt(password)) {
            // no stored password can be this long: bcrypt would compare only its first 72 bytes
            return Uni.createFrom().failure(ProblemException.badRequest("password-too-long", PasswordRule.tooLong()));
        }
        String name = username.trim();
        String key = name.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        return Panache.withTransaction(() -> count(key, now)).flatMap(attempt -> {
            if (!attempt.allowed()) {
                return Uni.createFrom().failure(ProblemException.tooManyRequests("sign-in-paused",
                        "密码错误次数过多，请 " + attempt.waitSeconds() + " 秒后再试。", attempt.waitSeconds()));
            }
            return Panache.withSession(() -> Account.byUsername(name)).flatMap(account -> vertx
                    .executeBlocking(Uni.createFrom().item(() -> hasher.matches(password, account == null ? null : account.passwordHash)))
                    .flatMap(ok -> {
                        if (!ok) {
                            Log.infof("wrong password for sign-in name %s (%d in a row)", key, attempt.failures());
                            return Uni.createFrom().nullItem();
                        }
                        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "update sign_in_throttle set failures = 0, paused_until = null where name = :name")
                                .setParameter("name", key).executeUpdate()))
                                .map(cleared -> new SignedIn(issuer.issue(account), account));
                    }));
        });
    }

    /** Counts an attempt under the name's row lock and stores the pause it earns should it fail. */
    private Uni<LoginThrottle.Attempt> count(String key, Instant now) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                insert into sign_in_throttle (name, last_attempt_at) values (:name, :now)
                on conflict (name) do update set last_attempt_at = excluded.last_attempt_at
                returning failures, paused_until""", Object[].class)
                .setParameter("name", key).setParameter("now", now).getSingleResult()
                .flatMap(row -> {
                    LoginThrottle.Attempt attempt = throttle.attempt(((Number) row[0]).intValue(), instant(row[1]), now);
                    if (!attempt.allowed()) {
                        return Uni.createFrom().item(attempt);
                    }
                    long pausedUntilMs = attempt.pausedUntil() == null ? 0 : attempt.pausedUntil().toEpochMilli();
                    return s.createNativeQuery("""
                            update sign_in_throttle set failures = :f,
                                   paused_until = case when :p > 0 then to_timestamp(:p / 1000.0) end where name = :name""")
                            .setParameter("f", attempt.failures()).setParameter("p", pausedUntilMs).setParameter("name", key)
                            .executeUpdate().replaceWith(attempt);
                }));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    public static SignedIn orRefuse(SignedIn signedIn) {
        if (signedIn == null) {
            throw wrong();
        }
        return signedIn;
    }

    private static ProblemException wrong() {
        return new ProblemException(401, "wrong-credentials", "Unauthorized", "用户名或密码不正确。");
    }
}
