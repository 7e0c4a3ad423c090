package cn.gd.xueshi.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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
     * Checks a password. A wrong one yields null rather than a failure, so that the count of
     * failures commits; {@link #orRefuse} turns it into the 401 outside the transaction.
     */
    @WithTransaction
    public Uni<SignedIn> signIn(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 64 || password.length() > 200) {
            return Uni.createFrom().failure(ProblemException.badRequest("missing-credentials", "请输入用户名和密码。"));
        }
        return Account.byUsername(username.trim()).flatMap(account -> {
            Instant now = clock.instant();
            if (account != null && account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
                long wait = Math.max(1, Duration.between(now, account.lockedUntil).toSeconds());
                return Uni.createFrom().failure(ProblemException.tooManyRequests("sign-in-paused",
                        "密码错误次数过多，请 " + wait + " 秒后再试。", wait));
            }
            String hash = account == null ? null : account.passwordHash;
            return vertx.executeBlocking(Uni.createFrom().item(() -> hasher.matches(password, hash))).map(ok -> {
                if (account == null) {
                    return null;
                }
                if (!ok) {
                    account.failedLogins++;
                    Duration pause = throttle.pauseAfter(account.failedLogins);
                    account.lockedUntil = pause.isZero() ? null : now.plus(pause);
                    Log.infof("wrong password for %s (%d in a row)", account.username, account.failedLogins);
                    return null;
                }
                account.failedLogins = 0;
                account.lockedUntil = null;
                return new SignedIn(issuer.issue(account), account);
            });
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
