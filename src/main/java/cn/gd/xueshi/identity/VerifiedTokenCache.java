package cn.gd.xueshi.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers tokens that verified, so a learner's heartbeat every 15 s does not verify the same
 * RS256 signature and parse the same JSON again (that was a quarter of the CPU and most of the
 * garbage of a heartbeat). The key is the SHA-256 of the exact token text, so only a token that
 * passed full verification ever hits; expiry (with the verifier's clock skew) is checked on every use. Only the claims the service
 * reads are kept, which keeps an entry to a few hundred bytes.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {

    private static final Set<String> KEPT = Set.of("iss", "sub", "upn", "groups", "exp", "iat", "pid", "eid", "name", "jti",
            TokenIssuer.SCOPE_LEVEL_CLAIM, TokenIssuer.SCOPE_CITY_CLAIM, TokenIssuer.SCOPE_SECTOR_CLAIM,
            TokenIssuer.SECRET_VERSION_CLAIM);
    private final DefaultJWTCallerPrincipalFactory delegate = new DefaultJWTCallerPrincipalFactory();
    private final Map<Key, Verified> verified = new ConcurrentHashMap<>();
    private final int capacity;

    public VerifiedTokenCache(IdentityConfig config) {
        this.capacity = config.verifiedTokenCache();
    }

    private record Key(long a, long b, long c) {
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
        if (capacity <= 0) {
            return delegate.parse(token, info);
        }
        Key key = key(token);
        Verified hit = verified.get(key);
        long now = Instant.now().getEpochSecond();
        if (hit != null && hit.expiresAt + info.getClockSkew() > now) {
            return hit;
        }
        JWTCallerPrincipal fresh = delegate.parse(token, info);
        Map<String, Object> claims = new HashMap<>();
        for (String name : fresh.getClaimNames()) {
            Object value = "groups".equals(name) ? Set.copyOf(fresh.getGroups()) : fresh.getClaim(name);
            if (KEPT.contains(name) && value != null) {
                claims.put(name, value);
            }
        }
        Verified entry = new Verified(Map.copyOf(claims), fresh.getExpirationTime());
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(key, entry);
        return entry;
    }

    private static Key key(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return new Key(word(d, 0), word(d, 8), word(d, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long word(byte[] d, int at) {
        long v = 0;
        for (int i = at; i < at + 8; i++) {
            v = v << 8 | (d[i] & 0xff);
        }
        return v;
    }

    /** A verified token's claims (the raw text is not kept). */
    static final class Verified extends JWTCallerPrincipal {
        private final Map<String, Object> claims;
        private final long expiresAt;

        Verified(Map<String, Object> claims, long expiresAt) {
            super(null, "JWT");
            this.claims = claims;
            this.expiresAt = expiresAt;
        }

        @Override
        protected Collection<String> doGetClaimNames() {
            return claims.keySet();
        }

        @Override
        protected Object getClaimValue(String claimName) {
            return claims.get(claimName);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Set<String> getGroups() {
            Object groups = claims.get("groups");
            return groups == null ? Set.of() : (Set<String>) groups;
        }
    }
}
