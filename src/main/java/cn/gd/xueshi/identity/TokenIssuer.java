package cn.gd.xueshi.identity;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Signs RS256 tokens with the configured private key ({@code smallrye.jwt.sign.key.location}). */
@ApplicationScoped
public class TokenIssuer {

    /** The claim carrying the professional's id, for learners. */
    public static final String PROFESSIONAL_CLAIM = "pid";

    private final IdentityConfig config;

    public TokenIssuer(IdentityConfig config) {
        this.config = config;
    }

    public Issued issue(Account account) {
        // tokens are checked against the system clock by the verifier, so they are dated by it too
        Instant now = Instant.now();
        Instant expires = now.plus(config.tokenLifetime());
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .subject(String.valueOf(account.id))
                .upn(account.username)
                .groups(account.roleSet())
                .claim("name", account.displayName)
                .issuedAt(now)
                .expiresAt(expires);
        if (account.employerId != null) {
            claims.claim("eid", account.employerId);
        }
        if (account.professionalId != null) {
            claims.claim(PROFESSIONAL_CLAIM, account.professionalId);
        }
        return new Issued(claims.jws().keyId("xueshi").sign(), expires);
    }

    public record Issued(String token, Instant expiresAt) {
    }
}
