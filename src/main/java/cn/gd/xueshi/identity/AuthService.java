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
    private final SignInThrottleStore store;

    public AuthService(PasswordHasher hasher, TokenIssuer issuer, Clock clock, IdentityConfig config, Vertx vertx,
            SignInThrottleStore store) {
        this.hasher = hasher;
        this.store = store;
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
        if (username == null || username.isBlank() || password == null || password.isEmpty() || username.length() > 64) {
            return Uni.createFrom().failure(ProblemException.badRequest("missing-credentials", "请输入用户名和密码。"));
        }
        if (!PasswordRule.fitsBcrypt(password)) {
            // no stored password can be this long: bcrypt would compare only its first 72 bytes
            return Uni.createFrom().failure(ProblemException.badRequest("password-too-long", PasswordRule.tooLong()));
        }
        String name = username.trim();
        String key = name.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        return Panache.withTransaction(() -> store.count(key, now, throttle)).flatMap(attempt -> {
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
                        return Panache.withTransaction(() -> store.clear(key)).map(cleared -> new SignedIn(issuer.issue(account), account));
                    }));
        });
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
