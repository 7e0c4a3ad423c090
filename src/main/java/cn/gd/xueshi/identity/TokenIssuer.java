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
    /** The claims carrying a staff account's scope: level, city code, sector. */
    public static final String SCOPE_LEVEL_CLAIM = "lvl";
    public static final String SCOPE_CITY_CLAIM = "city";
    public static final String SCOPE_SECTOR_CLAIM = "sec";
    /** The claim carrying a system client's secret version: a token older than the client's secret is refused. */
    public static final String SECRET_VERSION_CLAIM = "scv";
    /** A system client's token subject starts with this, followed by its client id (never an account id). */
    public static final String CLIENT_SUBJECT = "client:";

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
        if (account.scopeLevel != null) {
            claims.claim(SCOPE_LEVEL_CLAIM, account.scopeLevel.name());
        }
        if (account.scopeCity != null) {
            claims.claim(SCOPE_CITY_CLAIM, account.scopeCity);
        }
        if (account.scopeSector != null) {
            claims.claim(SCOPE_SECTOR_CLAIM, account.scopeSector.name());
        }
        if (account.professionalId != null) {
            claims.claim(PROFESSIONAL_CLAIM, account.professionalId);
        }
        return new Issued(claims.jws().keyId("xueshi").sign(), expires);
    }

    /** A sector system's token: role SYSTEM, its sector and its secret version, for {@code clientTokenLifetime}. */
    public Issued issue(SystemClient client) {
        Instant now = Instant.now();
        Instant expires = now.plus(config.clientTokenLifetime());
        String token = Jwt.issuer(config.issuer())
                .subject(CLIENT_SUBJECT + client.clientId)
                .upn(client.clientId)
                .groups(Role.SYSTEM_)
                .claim("name", client.name)
                .claim(SCOPE_SECTOR_CLAIM, client.sector.name())
                .claim(SECRET_VERSION_CLAIM, client.secretVersion)
                .issuedAt(now)
                .expiresAt(expires)
                .jws().keyId("xueshi").sign();
        return new Issued(token, expires);
    }

    public record Issued(String token, Instant expiresAt) {
    }
}
