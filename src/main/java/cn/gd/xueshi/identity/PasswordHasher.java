package cn.gd.xueshi.identity;

import java.security.GeneralSecurityException;

import jakarta.enterprise.context.ApplicationScoped;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt hashing. Both calls are CPU-heavy: call them off the event loop. */
@ApplicationScoped
public class PasswordHasher {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    private final int cost;
    /** Verified when the username is unknown, so both answers take the same time. */
    private final String decoy;

    public PasswordHasher(IdentityConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = hash("decoy-password-for-timing");
    }

    public String hash(String password) {
        if (!PasswordRule.fitsBcrypt(password)) {
            throw new IllegalArgumentException(PasswordRule.tooLong());
        }
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        try {
            Password decoded = ModularCrypt.decode(hash == null ? decoy : hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            boolean ok = factory.verify(factory.translate(decoded), password.toCharArray());
            return hash != null && ok;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
