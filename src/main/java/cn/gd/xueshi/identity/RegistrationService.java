package cn.gd.xueshi.identity;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import cn.gd.xueshi.shared.ProblemException;

/** Enrols employers and professionals, checking every identifier before anything is written. */
@ApplicationScoped
public class RegistrationService {

    private final PasswordHasher hasher;
    private final Clock clock;
    private final Vertx vertx;
    private final Employments employments;

    public RegistrationService(PasswordHasher hasher, Clock clock, Vertx vertx, Employments employments) {
        this.hasher = hasher;
        this.clock = clock;
        this.vertx = vertx;
        this.employments = employments;
    }

    public record NewEmployer(String name, String creditCode, String cityCode, Boolean checksumOverride) {
    }

    public record NewProfessional(String name, String idNumber, String employerCreditCode, String titleLevel,
            String sector, String cityCode, String username, String password) {
    }

    public record Registered(long professionalId, long accountId, String username, String maskedIdNumber, LocalDate birthDate) {
    }

    /** HR administrators register employers; only they may accept a code whose checksum fails. */
    @WithTransaction
    public Uni<Employer> registerEmployer(NewEmployer request) {
        String name = required(request.name(), "单位名称");
        String code = required(request.creditCode(), "统一社会信用代码").toUpperCase();
        String refusal = CreditCode.refusal(code);
        boolean override = Boolean.TRUE.equals(request.checksumOverride());
        if (refusal != null && !(override && code.matches("[0-9A-Z]{18}"))) {
            throw ProblemException.unprocessable("invalid-credit-code", refusal);
        }
        requireCity(request.cityCode());
        return Employer.count("creditCode", code).flatMap(n -> {
            if (n > 0) {
                throw ProblemException.conflict("employer-exists", "该统一社会信用代码的单位已登记。");
            }
            Employer e = new Employer();
            e.name = name;
            e.creditCode = code;
            e.checksumOverride = refusal != null;
            e.cityCode = request.cityCode();
            return e.<Employer>persist();
        });
    }

    /**
     * Registers a professional with a sign-in account. An employer administrator may register only
     * into the employer it administers ({@code scopeEmployerId}); an HR administrator into any.
     */
    @WithTransaction
    public Uni<Registered> registerProfessional(NewProfessional request, Long scopeEmployerId) {
        String name = required(request.name(), "姓名");
        IdNumber.Result parsed = IdNumber.parse(request.idNumber(), LocalDate.now(clock));
        if (parsed.id().isEmpty()) {
            throw ProblemException.unprocessable("invalid-id-number", parsed.refusal());
        }
        IdNumber id = parsed.id().get();
        TitleLevel level = titleLevel(request.titleLevel());
        Sector sector = Sector.parse(required(request.sector(), "所属行业"));
        if (sector == null) {
            throw ProblemException.unprocessable("invalid-sector", "所属行业应为以下之一：" + java.util.Arrays.stream(Sector.values())
                    .map(s -> s.name() + "（" + s.label + "）").collect(java.util.stream.Collectors.joining("、")) + "。");
        }
        requireCity(request.cityCode());
        String username = required(request.username(), "用户名");
        if (!username.matches("[A-Za-z0-9_.-]{3,64}")) {
            throw ProblemException.unprocessable("invalid-username", "用户名应为 3–64 位字母、数字或 _ . -。");
        }
        String password = required(request.password(), "初始密码");
        String weak = PasswordRule.refusal(password);
        if (weak != null) {
            throw ProblemException.unprocessable("weak-password", weak);
        }
        String code = required(request.employerCreditCode(), "单位统一社会信用代码").toUpperCase();
        return Employer.<Employer>find("creditCode", code).firstResult().flatMap(employer -> {
            if (employer == null) {
                throw ProblemException.unprocessable("unknown-employer", "没有找到该统一社会信用代码对应的单位，请先登记单位。");
            }
            if (scopeEmployerId != null && !scopeEmployerId.equals(employer.id)) {
                throw ProblemException.forbidden("other-employer", "单位管理员只能登记本单位的人员。");
            }
            return Professional.count("idNumber", id.value()).flatMap(n -> {
                if (n > 0) {
                    throw ProblemException.conflict("professional-exists", "该身份证号的人员已登记。");
                }
                return Account.count("username", username);
            }).flatMap(n -> {
                if (n > 0) {
                    throw ProblemException.conflict("username-taken", "该用户名已被使用。");
                }
                return vertx.executeBlocking(Uni.createFrom().item(() -> hasher.hash(password)));
            }).flatMap(hash -> {
                Professional p = new Professional();
                p.name = name;
                p.idNumber = id.value();
                p.birthDate = id.birthDate();
                p.employerId = employer.id;
                p.titleLevel = level.name();
                p.sector = sector.name();
                p.cityCode = request.cityCode();
                return p.<Professional>persist().call(saved -> employments.recordNew(saved.id, employer.id, "registration"))
                        .flatMap(saved -> {
                    Account a = new Account();
                    a.username = username;
                    a.passwordHash = hash;
                    a.displayName = name;
                    a.roles = Role.PROFESSIONAL.name();
                    a.professionalId = saved.id;
                    a.employerId = employer.id;
                    return a.<Account>persist()
                            .map(acc -> new Registered(saved.id, acc.id, acc.username, id.masked(), id.birthDate()));
                });
            });
        });
    }

    private static TitleLevel titleLevel(String raw) {
        TitleLevel level = TitleLevel.parse(raw);
        if (level != null) {
            return level;
        }
        throw ProblemException.unprocessable("invalid-title-level", "职称级别应为：正高级、副高级、中级、助理级或员级。");
    }

    private static void requireCity(String cityCode) {
        if (!GuangdongCity.isCity(cityCode)) {
            throw ProblemException.unprocessable("invalid-city", "地市代码应为广东省 21 个地级市之一（如 4401 广州）。");
        }
    }

    private static String required(String value, String label) {
        if (value == null || value.isBlank()) {
            throw ProblemException.unprocessable("missing-field", label + "不能为空。");
        }
        if (value.length() > 200) {
            throw ProblemException.unprocessable("field-too-long", label + "过长。");
        }
        return value.trim();
    }
}
