package cn.gd.xueshi.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import cn.gd.xueshi.shared.ProblemException;

/**
 * The machine clients of sector systems: registration, secret rotation, enabling, and the token a
 * client gets for its id and secret. Secrets are random, shown once, kept only as bcrypt hashes and
 * never logged. A token carries the client's sector and secret version; {@link #current} is what a
 * push checks them against, so a rotated secret or a disabled client stops every token at once.
 */
@ApplicationScoped
public class SystemClients {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CLIENT_ID = "[a-z0-9][a-z0-9-]{2,23}";

    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final Vertx vertx;
    private final SignInThrottleStore throttleStore;
    private final LoginThrottle throttle;

    public SystemClients(PasswordHasher hasher, TokenIssuer issuer, Clock clock, Vertx vertx, SignInThrottleStore throttleStore,
            IdentityConfig config) {
        this.hasher = hasher;
        this.issuer = issuer;
        this.clock = clock;
        this.vertx = vertx;
        this.throttleStore = throttleStore;
        this.throttle = new LoginThrottle(config.freeFailures(), config.firstPause(), config.maxPause());
    }

    /** A client as HR sees it (never its secret or hash). */
    public record Client(String clientId, String name, Sector sector, int secretVersion, boolean enabled, String createdBy,
            Instant createdAt, Instant secretSetAt) {
    }

    /** A client with a secret just set: the only time the secret is seen. */
    public record WithSecret(Client client, String clientSecret) {
    }

    /** What a push checks a token's claims against. */
    public record State(String clientId, Sector sector, int secretVersion, boolean enabled) {
    }

    /** Whether {@code clientId} is a well-formed client id (3–24 lower-case letters, digits and hyphens). */
    public static boolean wellFormedId(String clientId) {
        return clientId != null && clientId.matches(CLIENT_ID);
    }

    /** Registers a client of {@code sector} with a fresh random secret; 409 when the id is taken. */
    @WithTransaction
    public Uni<WithSecret> register(String clientId, String name, Sector sector, String by) {
        String secret = newSecret();
        return register(clientId, name, sector, secret, by).map(c -> new WithSecret(c, secret));
    }

    /** Registers a client with a given secret (the demo client's); the caller checked the id, name and sector. */
    Uni<Client> register(String clientId, String name, Sector sector, String secret, String by) {
        return SystemClient.<SystemClient>findById(clientId).flatMap(found -> {
            if (found != null) {
                throw ProblemException.conflict("client-exists", "客户端编号“" + clientId + "”已被使用。");
            }
            return vertx.executeBlocking(Uni.createFrom().item(() -> hasher.hash(secret))).flatMap(hash -> {
                SystemClient c = new SystemClient();
                c.clientId = clientId;
                c.name = name.strip();
                c.sector = sector;
                c.secretHash = hash;
                c.secretVersion = 1;
                c.enabled = true;
                c.createdBy = by;
                c.createdAt = clock.instant();
                c.secretSetAt = c.createdAt;
                Log.infof("system client %s (%s) registered by %s", clientId, sector, by);
                return c.<SystemClient>persist().map(SystemClients::view);
            });
        });
    }

    /** Sets a new random secret: the old one no longer signs in, and tokens issued before are refused. Null when unknown. */
    @WithTransaction
    public Uni<WithSecret> rotate(String clientId, String by) {
        String secret = newSecret();
        return vertx.executeBlocking(Uni.createFrom().item(() -> hasher.hash(secret)))
                .flatMap(hash -> Panache.getSession().flatMap(s -> s.find(SystemClient.class, clientId,
                        org.hibernate.LockMode.PESSIMISTIC_WRITE)).map(c -> {
                            if (c == null) {
                                return null;
                            }
                            c.secretHash = hash;
                            c.secretVersion++;
                            c.secretSetAt = clock.instant();
                            Log.infof("system client %s: secret rotated by %s (version %d)", clientId, by, c.secretVersion);
                            return new WithSecret(view(c), secret);
                        }));
    }

    /** Enables or disables a client; a disabled one gets no token and its tokens push nothing. Null when unknown. */
    @WithTransaction
    public Uni<Client> enable(String clientId, boolean enabled, String by) {
        return SystemClient.<SystemClient>findById(clientId).map(c -> {
            if (c == null) {
                return null;
            }
            c.enabled = enabled;
            Log.infof("system client %s %s by %s", clientId, enabled ? "enabled" : "disabled", by);
            return view(c);
        });
    }

    @WithSession
    public Uni<List<Client>> list() {
        return SystemClient.<SystemClient>list("order by clientId").map(all -> all.stream().map(SystemClients::view).toList());
    }

    @WithSession
    public Uni<Client> find(String clientId) {
        return SystemClient.<SystemClient>findById(clientId).map(c -> c == null ? null : view(c));
    }

    /** The client's sector, secret version and whether it is enabled; null when there is no such client. */
    @WithSession
    public Uni<State> current(String clientId) {
        return SystemClient.<SystemClient>findById(clientId)
                .map(c -> c == null ? null : new State(c.clientId, c.sector, c.secretVersion, c.enabled));
    }

    /**
     * A token for a client's id and secret. Attempts on an id are counted and paused like sign-in
     * names (a guessed secret gets 5 tries, then one per growing pause); a wrong secret, an unknown
     * id and a disabled client all answer the same 401.
     */
    public Uni<TokenIssuer.Issued> token(String clientId, String secret) {
        if (clientId == null || clientId.isBlank() || secret == null || secret.isEmpty() || clientId.length() > 64) {
            return Uni.createFrom().failure(ProblemException.badRequest("missing-credentials", "请提供客户端编号和密钥。"));
        }
        if (!PasswordRule.fitsBcrypt(secret)) {
            return Uni.createFrom().failure(wrong());
        }
        String id = clientId.strip();
        String key = "client:" + id;
        Instant now = clock.instant();
        return Panache.withTransaction(() -> throttleStore.count(key, now, throttle)).flatMap(attempt -> {
            if (!attempt.allowed()) {
                return Uni.createFrom().failure(ProblemException.tooManyRequests("sign-in-paused",
                        "密钥错误次数过多，请 " + attempt.waitSeconds() + " 秒后再试。", attempt.waitSeconds()));
            }
            return Panache.withSession(() -> SystemClient.<SystemClient>findById(id)).flatMap(c -> vertx
                    .executeBlocking(Uni.createFrom().item(() -> hasher.matches(secret, c == null ? null : c.secretHash)))
                    .flatMap(ok -> {
                        if (!ok || !c.enabled) {
                            Log.infof("client token refused for %s (%d failures in a row)", id, attempt.failures());
                            return Uni.createFrom().failure(wrong());
                        }
                        return Panache.withTransaction(() -> throttleStore.clear(key)).map(x -> issuer.issue(c));
                    }));
        });
    }

    private static ProblemException wrong() {
        return new ProblemException(401, "wrong-credentials", "Unauthorized", "客户端编号或密钥不正确，或该客户端已停用。");
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Client view(SystemClient c) {
        return new Client(c.clientId, c.name, c.sector, c.secretVersion, c.enabled, c.createdBy, c.createdAt, c.secretSetAt);
    }
}
