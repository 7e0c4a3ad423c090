package cn.gd.xueshi.identity;

import java.time.LocalDate;
import java.util.List;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The demo accounts of the embedded default, all with the password {@value #PASSWORD}. Production
 * seeds none ({@code xueshi.identity.seed-demo=false}).
 */
@ApplicationScoped
public class DemoAccounts {

    public static final String PASSWORD = "xueshi-demo";
    static final String EMPLOYER_CODE = "91440101MA5CXA012K";
    /** The demo sector system: a HEALTH client whose secret is the demo password. */
    public static final String SECTOR_CLIENT = "health-system";
    static final String HOSPITAL_CODE = "124400004553100H0U";

    /** Health professionals of the demo hospital, so a push can be tried at once (valid GB 11643 ID numbers). */
    record Doctor(String name, String idNumber, String cityCode) {
    }

    static final List<Doctor> DOCTORS = List.of(
            new Doctor("林医生", "440104198207150022", "4401"),
            new Doctor("何护士", "44010619850312004X", "4401"),
            new Doctor("郑药师", "440304199008230033", "4403"));

    record Demo(String username, String displayName, Role role) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("learner1", "陈学习", Role.PROFESSIONAL),
            new Demo("editor1", "林编辑", Role.EDITOR),
            new Demo("employer1", "黄单位管理员", Role.EMPLOYER_ADMIN),
            new Demo("authority1", "周行业审核员", Role.AUTHORITY_REVIEWER),
            new Demo("hradmin1", "吴人社管理员", Role.HR_ADMIN));

    private final PasswordHasher hasher;
    private final IdentityConfig config;
    private final Employments employments;

    public DemoAccounts(PasswordHasher hasher, IdentityConfig config, Employments employments) {
        this.hasher = hasher;
        this.config = config;
        this.employments = employments;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.seedDemo()) {
            VertxContextSupport.subscribeAndAwait(this::seed);
            Log.infof("demo accounts: %s, password %s",
                    ACCOUNTS.stream().map(Demo::username).collect(Collectors.joining(", ")), PASSWORD);
            Log.infof("demo sector system client: %s (HEALTH), secret %s; health professionals: %s", SECTOR_CLIENT, PASSWORD,
                    DOCTORS.stream().map(d -> d.name() + " " + d.idNumber()).collect(Collectors.joining(", ")));
        }
    }

    /** Creates whatever demo data is missing; running it again changes nothing. */
    @WithTransaction
    public Uni<Void> seed() {
        String hash = hasher.hash(PASSWORD);
        return Employer.<Employer>find("creditCode", EMPLOYER_CODE).firstResult()
                .flatMap(found -> found != null ? Uni.createFrom().item(found) : newEmployer().<Employer>persist())
                .flatMap(employer -> Professional.<Professional>find("idNumber", "440106199003071231").firstResult()
                        .flatMap(p -> p != null ? Uni.createFrom().item(p) : newLearner(employer).<Professional>persist()
                                .call(saved -> employments.recordNew(saved.id, employer.id, "demo")))
                        .flatMap(learner -> seedAccounts(0, hash, employer, learner)))
                .chain(() -> seedSector(hash));
    }

    /** The demo hospital with its health professionals, and the health sector's system client. */
    private Uni<Void> seedSector(String hash) {
        return Employer.<Employer>find("creditCode", HOSPITAL_CODE).firstResult()
                .flatMap(found -> found != null ? Uni.createFrom().item(found) : newHospital().<Employer>persist())
                .flatMap(hospital -> seedDoctors(0, hospital))
                .chain(() -> SystemClient.<SystemClient>findById(SECTOR_CLIENT))
                .flatMap(found -> {
                    if (found != null) {
                        return Uni.createFrom().voidItem();
                    }
                    SystemClient c = new SystemClient();
                    c.clientId = SECTOR_CLIENT;
                    c.name = "广东省卫生健康继续医学教育系统（演示）";
                    c.sector = Sector.HEALTH;
                    c.secretHash = hash;
                    c.secretVersion = 1;
                    c.enabled = true;
                    c.createdBy = "demo";
                    c.createdAt = java.time.Instant.now();
                    c.secretSetAt = c.createdAt;
                    Log.infof("demo sector client %s created", SECTOR_CLIENT);
                    return c.persist().replaceWithVoid();
                });
    }

    private Uni<Void> seedDoctors(int index, Employer hospital) {
        if (index == DOCTORS.size()) {
            return Uni.createFrom().voidItem();
        }
        Doctor d = DOCTORS.get(index);
        return Professional.count("idNumber", d.idNumber()).flatMap(n -> {
            if (n > 0) {
                return Uni.createFrom().voidItem();
            }
            Professional p = new Professional();
            p.name = d.name();
            p.idNumber = d.idNumber();
            p.birthDate = LocalDate.of(Integer.parseInt(d.idNumber().substring(6, 10)), Integer.parseInt(d.idNumber().substring(10, 12)),
                    Integer.parseInt(d.idNumber().substring(12, 14)));
            p.employerId = hospital.id;
            p.titleLevel = TitleLevel.INTERMEDIATE.name();
            p.sector = Sector.HEALTH.name();
            p.cityCode = d.cityCode();
            return p.<Professional>persist().call(saved -> employments.recordNew(saved.id, hospital.id, "demo")).replaceWithVoid();
        }).chain(() -> seedDoctors(index + 1, hospital));
    }

    private static Employer newHospital() {
        Employer e = new Employer();
        e.name = "广东省示范人民医院";
        e.creditCode = HOSPITAL_CODE;
        e.cityCode = "4401";
        return e;
    }

    private Uni<Void> seedAccounts(int index, String hash, Employer employer, Professional learner) {
        if (index == ACCOUNTS.size()) {
            return Uni.createFrom().voidItem();
        }
        Demo demo = ACCOUNTS.get(index);
        return Account.count("username", demo.username()).flatMap(n -> {
            if (n > 0) {
                return Uni.createFrom().voidItem();
            }
            Account a = new Account();
            a.username = demo.username();
            a.passwordHash = hash;
            a.displayName = demo.displayName();
            a.roles = demo.role().name();
            if (demo.role() == Role.PROFESSIONAL) {
                a.professionalId = learner.id;
                a.employerId = employer.id;
            } else if (demo.role() == Role.EMPLOYER_ADMIN) {
                a.employerId = employer.id;
            } else if (demo.role() == Role.HR_ADMIN) {
                a.scopeLevel = Level.PROVINCE;
            } else if (demo.role() == Role.AUTHORITY_REVIEWER) {
                a.scopeLevel = Level.PROVINCE;
                a.scopeSector = Sector.ENGINEERING;
            }
            Log.infof("demo account %s (%s) created", demo.username(), demo.role());
            return a.persist().replaceWithVoid();
        }).chain(() -> seedAccounts(index + 1, hash, employer, learner));
    }

    /** A demo learner's professional id, for the features that seed demo data of their own; null when there is none. */
    public static Uni<Long> professionalId(String username) {
        return Account.byUsername(username).map(a -> a == null ? null : a.professionalId);
    }

    /** The unit a demo account belongs to, for the features that seed demo data of their own; null when none. */
    public static Uni<Long> employerId(String username) {
        return Account.byUsername(username).map(a -> a == null ? null : a.employerId);
    }

    /** A demo account's id, for the features that seed demo data of their own; null when there is none. */
    public static Uni<Long> accountId(String username) {
        return Account.byUsername(username).map(a -> a == null ? null : a.id);
    }

    private static Employer newEmployer() {
        Employer e = new Employer();
        e.name = "广州示范科技有限公司";
        e.creditCode = EMPLOYER_CODE;
        e.cityCode = "4401";
        return e;
    }

    private static Professional newLearner(Employer employer) {
        Professional p = new Professional();
        p.name = "陈学习";
        p.idNumber = "440106199003071231";
        p.birthDate = LocalDate.of(1990, 3, 7);
        p.employerId = employer.id;
        p.titleLevel = TitleLevel.INTERMEDIATE.name();
        p.sector = Sector.ENGINEERING.name();
        p.cityCode = "4401";
        return p;
    }
}
