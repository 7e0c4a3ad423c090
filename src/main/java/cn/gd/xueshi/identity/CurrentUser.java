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

    public String username() {
        JsonWebToken jwt = jwt();
        return jwt == null ? null : jwt.getName();
    }

    public String displayName() {
        JsonWebToken jwt = jwt();
        return jwt == null ? null : jwt.getClaim("name");
    }
}
