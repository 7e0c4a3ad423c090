package cn.gd.xueshi.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import cn.gd.xueshi.identity.IdNumber;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.build.Jwt;

/** Fresh learners and tokens for tests, so that no test sees another's progress. */
public final class Learners {

    public static final String PASSWORD = "test-password-1";
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 400) * 100);

    private Learners() {
    }

    public record Learner(long professionalId, long accountId, String username, String token) {
    }

    public static Learner create() {
        int n = SEQ.incrementAndGet();
        String first17 = "44010619880101" + String.format("%03d", n % 1000);
        String id = first17 + IdNumber.checkCharacter(first17);
        // several runs in one database could reuse a number: keep trying the next one
        while (Db.number("select count(*) from professional where id_number = ?", id) > 0) {
            n = SEQ.incrementAndGet();
            first17 = "4401061988" + String.format("%02d", 1 + n / 1000 % 12) + "01" + String.format("%03d", n % 1000);
            id = first17 + IdNumber.checkCharacter(first17);
        }
        long employer = Db.number("select id from employer order by id limit 1");
        long pid = Db.number("""
                insert into professional (name, id_number, birth_date, employer_id, title_level, sector, city_code)
                values (?, ?, date '1988-01-01', ?, 'INTERMEDIATE', 'ENGINEERING', '4401') returning id""",
                "测试学员" + n, id, employer);
        String username = "t-learner-" + n;
        long account = Db.number("""
                insert into account (username, password_hash, display_name, roles, professional_id, employer_id)
                values (?, ?, ?, 'PROFESSIONAL', ?, ?) returning id""",
                username, BcryptUtil.bcryptHash(PASSWORD, 4), "测试学员" + n, pid, employer);
        return new Learner(pid, account, username, token(account, username, Set.of("PROFESSIONAL"), pid));
    }

    public static String token(long accountId, String username, Set<String> roles, Long professionalId) {
        return token(accountId, username, roles, professionalId, java.util.Map.of());
    }

    public static String token(long accountId, String username, Set<String> roles, Long professionalId,
            java.util.Map<String, String> extraClaims) {
        var claims = Jwt.issuer("xueshi").subject(String.valueOf(accountId)).upn(username).groups(roles)
                .claim("name", username).expiresAt(Instant.now().plus(Duration.ofHours(1)));
        if (professionalId != null) {
            claims.claim("pid", professionalId);
        }
        extraClaims.forEach(claims::claim);
        return claims.sign();
    }

    /** A staff account (editor, reviewer, HR) and its token, with the scope its token carries. */
    public record Staff(long accountId, String username, String token) {
    }

    public static Staff staff(String role, String level, String city, String sector) {
        int n = SEQ.incrementAndGet();
        String username = "t-" + role.toLowerCase() + "-" + n;
        long account = Db.number("""
                insert into account (username, password_hash, display_name, roles, scope_level, scope_city, scope_sector)
                values (?, ?, ?, ?, ?, ?, ?) returning id""",
                username, BcryptUtil.bcryptHash(PASSWORD, 4), "测试" + role + n, role, level, city, sector);
        var claims = Jwt.issuer("xueshi").subject(String.valueOf(account)).upn(username).groups(Set.of(role))
                .claim("name", "测试" + role + n).expiresAt(Instant.now().plus(Duration.ofHours(1)));
        if (level != null) {
            claims.claim("lvl", level);
        }
        if (city != null) {
            claims.claim("city", city);
        }
        if (sector != null) {
            claims.claim("sec", sector);
        }
        return new Staff(account, username, claims.sign());
    }

    public static Staff editor() {
        return staff("EDITOR", null, null, null);
    }

    public static Staff provinceHr() {
        return staff("HR_ADMIN", "PROVINCE", null, null);
    }

    /** A token for a role that is not a learner. */
    public static String tokenFor(String role) {
        return token(9_999, "someone-" + role.toLowerCase(), Set.of(role), null);
    }

    public static final List<String> NOT_LEARNERS = List.of("EDITOR", "EMPLOYER_ADMIN", "AUTHORITY_REVIEWER", "HR_ADMIN", "SYSTEM");
}
