package cn.gd.xueshi.classplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.gd.xueshi.identity.GuangdongCity;
import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.identity.TitleLevel;

/**
 * The decisions of class plans, pure: what a plan must say, who may file which plan where, who may
 * enrol, and what a recorded result does. Refusals are in Chinese.
 */
public final class ClassRules {

    static final int MAX_TEXT = 200;
    static final int MAX_CAPACITY = 10_000;
    static final int MAX_DAYS = 366;

    private ClassRules() {
    }

    /** A plan as its organiser describes it. */
    public record PlanForm(ClassKind kind, String title, Sector sector, Level level, String cityCode, LocalDate startsOn,
            LocalDate endsOn, String place, BigDecimal hours, Integer capacity) {
    }

    /** A refusal with the HTTP status it answers. */
    public record Refusal(int status, String type, String detail) {
    }

    /** Everything wrong with a plan's fields; empty when it may be filed. {@code dailyCapHours}: the year's daily cap. */
    public static List<String> formRefusals(PlanForm f, BigDecimal dailyCapHours) {
        List<String> out = new ArrayList<>();
        if (f.kind() == null) {
            out.add("请选择类型：面授培训班或高级研修。");
        }
        text(out, f.title(), "名称");
        text(out, f.place(), "地点");
        if (f.sector() == null) {
            out.add("请选择行业。");
        }
        if (f.level() == null) {
            out.add("请选择级别：省级或市级。");
        } else if (f.level() == Level.CITY && !GuangdongCity.isCity(f.cityCode())) {
            out.add("市级培训须选择广东省的一个地级以上市。");
        } else if (f.level() == Level.PROVINCE && f.cityCode() != null) {
            out.add("省级培训不填写城市。");
        }
        if (f.startsOn() == null || f.endsOn() == null) {
            out.add("请填写开班和结束日期。");
        } else if (f.endsOn().isBefore(f.startsOn())) {
            out.add("结束日期不能早于开班日期。");
        } else if (days(f) > MAX_DAYS) {
            out.add("一期培训不超过 " + MAX_DAYS + " 天。");
        } else if (f.hours() != null && f.hours().compareTo(dailyCapHours.multiply(BigDecimal.valueOf(days(f)))) > 0) {
            out.add("学时不能超过每天 " + dailyCapHours.stripTrailingZeros().toPlainString() + " 学时 × " + days(f) + " 天 = "
                    + dailyCapHours.multiply(BigDecimal.valueOf(days(f))).stripTrailingZeros().toPlainString() + " 学时。");
        }
        if (f.hours() == null || f.hours().signum() <= 0 || f.hours().stripTrailingZeros().scale() > 1) {
            out.add("学时应为正数，最多一位小数。");
        }
        if (f.capacity() == null || f.capacity() < 1 || f.capacity() > MAX_CAPACITY) {
            out.add("人数上限应为 1–" + MAX_CAPACITY + " 的整数。");
        }
        return out;
    }

    /** Calendar days the class runs, first and last included. */
    static long days(PlanForm f) {
        return ChronoUnit.DAYS.between(f.startsOn(), f.endsOn()) + 1;
    }

    private static void text(List<String> out, String value, String name) {
        if (value == null || value.isBlank()) {
            out.add("请填写" + name + "。");
        } else if (value.strip().length() > MAX_TEXT) {
            out.add(name + "不超过 " + MAX_TEXT + " 字。");
        }
    }

    /**
     * The role in which a caller files a plan of {@code kind}: an industry authority files classes and
     * seminars; an employer (or a training provider, with the authority's consent given by its review)
     * files classes; an HR department runs seminars. Null when the caller may file neither.
     */
    public static Role filerRole(Set<Role> roles, ClassKind kind) {
        if (roles.contains(Role.AUTHORITY_REVIEWER)) {
            return Role.AUTHORITY_REVIEWER;
        }
        if (kind == ClassKind.SEMINAR) {
            return roles.contains(Role.HR_ADMIN) ? Role.HR_ADMIN : null;
        }
        return roles.contains(Role.EMPLOYER_ADMIN) ? Role.EMPLOYER_ADMIN : null;
    }

    /**
     * Why a caller filing in {@code role} may not file this plan (null when they may): an authority
     * or an HR department files at its own level and region, an authority only for its sector; an
     * employer at the province or its own city. {@code employerCity}: the employer's city, if any.
     */
    public static String filerRefusal(Role role, Scope scope, String employerCity, PlanForm f) {
        if (role == null) {
            return "面授培训班由行业主管部门或经其同意的单位举办，高级研修由人力资源社会保障部门或行业主管部门举办。";
        }
        return switch (role) {
            case AUTHORITY_REVIEWER -> f.sector() == scope.sector() && sameLevelAndCity(scope, f) ? null
                    : "行业主管部门只能举办本行业、本级的培训（" + describe(scope) + "）。";
            case HR_ADMIN -> sameLevelAndCity(scope, f) ? null : "人力资源社会保障部门只能举办本级的高级研修（" + describe(scope) + "）。";
            default -> scope.employerId() == null ? "该单位管理员账号未关联单位。"
                    : f.level() == Level.PROVINCE || f.level() == Level.CITY && Objects.equals(f.cityCode(), employerCity) ? null
                    : "单位举办的培训须为省级或本单位所在市的市级培训。";
        };
    }

    private static boolean sameLevelAndCity(Scope scope, PlanForm f) {
        return f.level() == scope.level() && Objects.equals(f.cityCode(), scope.cityCode());
    }

    private static String describe(Scope scope) {
        String where = scope.level() == Level.CITY ? GuangdongCity.name(scope.cityCode()) : "省级";
        return scope.sector() == null ? where : where + scope.sector().label;
    }

    /** What a professional is, for enrolment. */
    public record Person(Sector sector, String cityCode, TitleLevel title) {
    }

    /** What a plan offers, for enrolment. */
    public record Offer(ClassKind kind, Sector sector, Level level, String cityCode, LocalDate startsOn, int capacity) {
    }

    /**
     * Why a professional may not enrol (null when they may): enrolment closes when the class starts;
     * a class admits its sector (and, at city level, its city); a seminar also only the configured
     * title levels; a full class or a second enrolment is a conflict.
     */
    public static Refusal enrolmentRefusal(Offer o, Person p, List<TitleLevel> seminarTitles, boolean enrolled, int seats,
            LocalDate today) {
        if (!today.isBefore(o.startsOn())) {
            return new Refusal(409, "enrolment-closed", "报名已截止：本班 " + o.startsOn() + " 开班，开班前可以报名。");
        }
        if (enrolled) {
            return new Refusal(409, "already-enrolled", "您已报名本班。");
        }
        if (p.sector() != o.sector()) {
            return new Refusal(422, "not-eligible", "本班面向" + o.sector().label + "行业的专业技术人员。");
        }
        if (o.level() == Level.CITY && !o.cityCode().equals(p.cityCode())) {
            return new Refusal(422, "not-eligible", "本班是" + GuangdongCity.name(o.cityCode()) + "的市级培训，面向该市的专业技术人员。");
        }
        if (o.kind() == ClassKind.SEMINAR && !seminarTitles.contains(p.title())) {
            return new Refusal(422, "not-eligible", "高级研修面向" + String.join("、", seminarTitles.stream().map(t -> t.label).toList())
                    + "职称的专业技术人员。");
        }
        if (seats >= o.capacity()) {
            return new Refusal(409, "full", "本班已满（" + o.capacity() + " 人）。");
        }
        return null;
    }

    /** What posting one person's result does. */
    public enum ResultStatus {
        /** Passed: the class's hours go on their record. */
        CREDITED,
        /** Recorded without hours (absent, or not passed). */
        RECORDED,
        /** The same result as before: nothing changes. */
        UNCHANGED,
        /** Not recorded; see the reason. */
        REFUSED
    }

    public record Judged(ResultStatus status, String reason) {
    }

    /**
     * One person's posted result against what was recorded before ({@code wasAttended}, {@code
     * wasPassed} null when nothing was): passing needs attendance; a pass already credited cannot be
     * taken back here (hours are revoked by HR, as a reversing entry).
     */
    public static Judged judgeResult(boolean enrolled, Boolean wasAttended, Boolean wasPassed, boolean attended, boolean passed) {
        if (!enrolled) {
            return new Judged(ResultStatus.REFUSED, "未报名本班。");
        }
        if (passed && !attended) {
            return new Judged(ResultStatus.REFUSED, "未出勤不能考核合格。");
        }
        if (Boolean.TRUE.equals(wasPassed) && !passed) {
            return new Judged(ResultStatus.REFUSED, "已考核合格并记入学时，不能改为不合格；如需撤销学时，请联系人力资源社会保障部门。");
        }
        if (Objects.equals(wasAttended, attended) && Objects.equals(wasPassed, passed)) {
            return new Judged(ResultStatus.UNCHANGED, null);
        }
        return new Judged(passed ? ResultStatus.CREDITED : ResultStatus.RECORDED, null);
    }
}
