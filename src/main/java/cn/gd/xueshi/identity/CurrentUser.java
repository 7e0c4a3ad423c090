package cn.gd.xueshi.identity;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.shared.ProblemException;

/**
 * The signed-in caller as the features need it, read from the verified token. Endpoints open to
 * everyone call {@link #load()} first: authentication is lazy, and a stale cookie there means
 * "anonymous", not an error.
 */
@RequestScoped
public class CurrentUser {

    private final CurrentIdentityAssociation association;
    private SecurityIdentity identity;
    private boolean loaded;

    public CurrentUser(CurrentIdentityAssociation association) {
        this.association = association;
    }

    public Uni<CurrentUser> load() {
        if (loaded) {
            return Uni.createFrom().item(this);
        }
        return association.getDeferredIdentity().onFailure().recoverWithNull().map(i -> {
            identity = i;
            loaded = true;
            return this;
        });
    }

    private JsonWebToken jwt() {
        SecurityIdentity i = loaded ? identity : association.getIdentity();
        return i != null && i.getPrincipal() instanceof JsonWebToken token ? token : null;
    }

    public boolean signedIn() {
        return jwt() != null;
    }

    public boolean isProfessional() {
        JsonWebToken jwt = jwt();
        return jwt != null && jwt.getGroups().contains(Role.PROFESSIONAL_) && jwt.containsClaim(TokenIssuer.PROFESSIONAL_CLAIM);
    }

    /** The learner's professional id; refuses callers that are not learners. */
    public long professionalId() {
        if (!isProfessional()) {
            throw ProblemException.forbidden("not-a-learner", "只有专业技术人员账号可以学习课程。");
        }
        Object pid = jwt().getClaim(TokenIssuer.PROFESSIONAL_CLAIM);
        return pid instanceof Number n ? n.longValue() : Long.parseLong(pid.toString());
    }

    /** The employer an employer administrator acts for, if any. */
    public Long employerId() {
        JsonWebToken jwt = jwt();
        Object eid = jwt == null ? null : jwt.getClaim("eid");
        return eid == null ? null : Long.valueOf(eid.toString());
    }

    public boolean hasRole(String role) {
        JsonWebToken jwt = jwt();
        return jwt != null && jwt.getGroups().contains(role);
    }

    /** The caller's account id (the token's subject); refuses anonymous callers. */
    public long accountId() {
        JsonWebToken jwt = jwt();
        if (jwt == null) {
            throw new ProblemException(401, "unauthenticated", "Unauthorized", "请先登录（登录已过期或凭证无效）。");
        }
        return Long.parseLong(jwt.getSubject());
    }

    public java.util.Set<Role> roles() {
        JsonWebToken jwt = jwt();
        java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
        if (jwt != null) {
            for (Role r : Role.values()) {
                if (jwt.getGroups().contains(r.name())) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }

    /**
     * Where the caller acts: the level, city and sector of a staff account, the employer of an
     * employer administrator; no level and no sector for everyone else.
     */
    public Scope scope() {
        JsonWebToken jwt = jwt();
        String level = jwt == null ? null : jwt.getClaim(TokenIssuer.SCOPE_LEVEL_CLAIM);
        String city = jwt == null ? null : jwt.getClaim(TokenIssuer.SCOPE_CITY_CLAIM);
        String sector = jwt == null ? null : jwt.getClaim(TokenIssuer.SCOPE_SECTOR_CLAIM);
        // no scope claim: no level, so no policy that asks for one is met (fails closed)
        return new Scope(level == null ? null : Level.valueOf(level), city, sector == null ? null : Sector.valueOf(sector),
                employerId());
    }

    /**
     * The sector system calling: its client id, sector and the secret version its token was issued
     * under; null for every caller that is not a system client's token.
     */
    public SystemCaller systemCaller() {
        JsonWebToken jwt = jwt();
        if (jwt == null || !jwt.getGroups().contains(Role.SYSTEM_) || jwt.getSubject() == null
                || !jwt.getSubject().startsWith(TokenIssuer.CLIENT_SUBJECT)) {
            return null;
        }
        Object version = jwt.getClaim(TokenIssuer.SECRET_VERSION_CLAIM);
        String sectorClaim = jwt.getClaim(TokenIssuer.SCOPE_SECTOR_CLAIM);
        Sector sector = Sector.parse(sectorClaim);
        if (version == null || sector == null || !version.toString().matches("\\d{1,9}")) {
            return null;
        }
        int v = Integer.parseInt(version.toString());
        return new SystemCaller(jwt.getSubject().substring(TokenIssuer.CLIENT_SUBJECT.length()), sector, v);
    }

    /** A sector system's token, as it claims to be. */
    public record SystemCaller(String clientId, Sector sector, int secretVersion) {
    }

    public String username() {
        JsonWebToken jwt = jwt();
        return jwt == null ? null : jwt.getName();
    }

    public String displayName() {
        JsonWebToken jwt = jwt();
        return jwt == null ? null : jwt.getClaim("name");
    }
}
