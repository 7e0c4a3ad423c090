package cn.gd.xueshi.classplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.classplan.ClassRules.PlanForm;
import cn.gd.xueshi.classplan.ClassRules.ResultStatus;
import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.identity.TitleLevel;
import cn.gd.xueshi.review.Actor;

/** The pure rules of class plans: the filing deadline in both readings, the form, who files, who enrols, what a result does. */
class ClassRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final BigDecimal EIGHT = BigDecimal.valueOf(8);

    @Test
    void atLeastThirtyDaysBeforeAcceptsThirtyAndThirtyOneAndRefusesTwentyNineWithTheDateItNeeded() {
        assertTrue(FilingRule.judge(FilingRule.Reading.AT_LEAST_BEFORE, 30, TODAY.plusDays(31), TODAY).inTime());
        assertTrue(FilingRule.judge(FilingRule.Reading.AT_LEAST_BEFORE, 30, TODAY.plusDays(30), TODAY).inTime());
        FilingRule.Verdict late = FilingRule.judge(FilingRule.Reading.AT_LEAST_BEFORE, 30, TODAY.plusDays(29), TODAY);
        assertFalse(late.inTime());
        assertEquals(LocalDate.of(2026, 12, 6), late.neededDate());
        assertEquals("办班计划须在开班前至少 30 天提交：开班日期 2027-01-05，最迟应于 2026-12-06 提交，今天是 2026-12-07。请推迟开班日期后重新提交。",
                late.refusal());
        assertNull(FilingRule.judge(FilingRule.Reading.AT_LEAST_BEFORE, 30, TODAY.plusDays(30), TODAY).refusal());
    }

    @Test
    void withinThirtyDaysBeforeAcceptsTwentyNineAndThirtyAndRefusesThirtyOneAndTheFirstDay() {
        assertTrue(FilingRule.judge(FilingRule.Reading.WITHIN_BEFORE, 30, TODAY.plusDays(29), TODAY).inTime());
        assertTrue(FilingRule.judge(FilingRule.Reading.WITHIN_BEFORE, 30, TODAY.plusDays(30), TODAY).inTime());
        assertTrue(FilingRule.judge(FilingRule.Reading.WITHIN_BEFORE, 30, TODAY.plusDays(1), TODAY).inTime());
        FilingRule.Verdict early = FilingRule.judge(FilingRule.Reading.WITHIN_BEFORE, 30, TODAY.plusDays(31), TODAY);
        assertFalse(early.inTime());
        assertEquals(TODAY.plusDays(1), early.neededDate());
        assertEquals("按“开班前 30 日内”提交的规定，开班日期为 2027-01-07 的办班计划最早可于 2026-12-08 提交。", early.refusal());
        FilingRule.Verdict late = FilingRule.judge(FilingRule.Reading.WITHIN_BEFORE, 30, TODAY, TODAY);
        assertFalse(late.inTime());
        assertEquals(TODAY.minusDays(1), late.neededDate());
        assertEquals("办班计划须在开班前提交：开班日期 2026-12-07，最迟应于 2026-12-06 提交。", late.refusal());
        assertEquals(TODAY, FilingRule.judge(FilingRule.Reading.WITHIN_BEFORE, 30, TODAY.plusDays(1), TODAY.plusDays(1)).neededDate());
    }

    private static PlanForm form(ClassKind kind, Level level, String city, LocalDate start, LocalDate end, String hours, Integer capacity) {
        return new PlanForm(kind, "护理新进展", Sector.HEALTH, level, city, start, end, "深圳", hours == null ? null : new BigDecimal(hours),
                capacity);
    }

    @Test
    void aCompletePlanHasNoRefusals() {
        assertEquals(List.of(), ClassRules.formRefusals(form(ClassKind.CLASS, Level.CITY, "4403", TODAY, TODAY.plusDays(1), "16", 1),
                EIGHT));
        assertEquals(List.of(), ClassRules.formRefusals(form(ClassKind.SEMINAR, Level.PROVINCE, null, TODAY, TODAY.plusDays(365), "0.5",
                10_000), EIGHT));
    }

    @Test
    void everyMissingOrImpossibleFieldIsNamed() {
        assertEquals(List.of("请选择类型：面授培训班或高级研修。", "请填写名称。", "请填写地点。", "请选择行业。", "请选择级别：省级或市级。",
                "请填写开班和结束日期。", "学时应为正数，最多一位小数。", "人数上限应为 1–10000 的整数。"),
                ClassRules.formRefusals(new PlanForm(null, " ", null, null, null, null, null, null, null, null), EIGHT));
        assertEquals(List.of("名称不超过 200 字。", "地点不超过 200 字。"), ClassRules.formRefusals(new PlanForm(ClassKind.CLASS, "班".repeat(201),
                Sector.HEALTH, Level.PROVINCE, null, TODAY, TODAY, "地".repeat(201), BigDecimal.ONE, 5), EIGHT));
        assertEquals(List.of(), ClassRules.formRefusals(new PlanForm(ClassKind.CLASS, "班".repeat(200), Sector.HEALTH, Level.PROVINCE,
                null, TODAY, TODAY, " " + "地".repeat(200) + " ", BigDecimal.ONE, 5), EIGHT));
        assertEquals(List.of("市级培训须选择广东省的一个地级以上市。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.CITY, "4410", TODAY,
                TODAY, "8", 5), EIGHT));
        assertEquals(List.of("省级培训不填写城市。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, "4403", TODAY, TODAY, "8",
                5), EIGHT));
        assertEquals(List.of("请填写开班和结束日期。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, null, TODAY, null, "8", 5),
                EIGHT));
        assertEquals(List.of("结束日期不能早于开班日期。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, null, TODAY,
                TODAY.minusDays(1), "8", 5), EIGHT));
        assertEquals(List.of("一期培训不超过 366 天。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, null, TODAY,
                TODAY.plusDays(366), "8", 5), EIGHT));
        assertEquals(List.of("学时不能超过每天 8 学时 × 2 天 = 16 学时。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE,
                null, TODAY, TODAY.plusDays(1), "16.1", 5), EIGHT));
        assertEquals(List.of("学时不能超过每天 6 学时 × 1 天 = 6 学时。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE,
                null, TODAY, TODAY, "6.5", 5), new BigDecimal("6.0")));
        assertEquals(List.of("学时应为正数，最多一位小数。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, null, TODAY, TODAY,
                "0", 5), EIGHT));
        assertEquals(List.of("学时应为正数，最多一位小数。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, null, TODAY, TODAY,
                "-1", 5), EIGHT));
        assertEquals(List.of("学时应为正数，最多一位小数。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, null, TODAY, TODAY,
                "1.25", 5), EIGHT));
        assertEquals(List.of(), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, null, TODAY, TODAY, "1.50", 5), EIGHT));
        assertEquals(List.of("人数上限应为 1–10000 的整数。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, null, TODAY, TODAY,
                "8", 0), EIGHT));
        assertEquals(List.of("人数上限应为 1–10000 的整数。"), ClassRules.formRefusals(form(ClassKind.CLASS, Level.PROVINCE, null, TODAY, TODAY,
                "8", 10_001), EIGHT));
    }

    @Test
    void authoritiesRunClassesAndSeminarsEmployersClassesAndHrSeminars() {
        assertEquals(Role.AUTHORITY_REVIEWER, ClassRules.filerRole(Set.of(Role.AUTHORITY_REVIEWER), ClassKind.CLASS));
        assertEquals(Role.AUTHORITY_REVIEWER, ClassRules.filerRole(Set.of(Role.AUTHORITY_REVIEWER, Role.HR_ADMIN), ClassKind.SEMINAR));
        assertEquals(Role.HR_ADMIN, ClassRules.filerRole(Set.of(Role.HR_ADMIN), ClassKind.SEMINAR));
        assertNull(ClassRules.filerRole(Set.of(Role.HR_ADMIN), ClassKind.CLASS));
        assertEquals(Role.EMPLOYER_ADMIN, ClassRules.filerRole(Set.of(Role.EMPLOYER_ADMIN), ClassKind.CLASS));
        assertNull(ClassRules.filerRole(Set.of(Role.EMPLOYER_ADMIN), ClassKind.SEMINAR));
        assertNull(ClassRules.filerRole(Set.of(Role.PROFESSIONAL, Role.EDITOR, Role.SYSTEM), ClassKind.CLASS));
        assertEquals("面授培训班由行业主管部门或经其同意的单位举办，高级研修由人力资源社会保障部门或行业主管部门举办。",
                ClassRules.filerRefusal(null, Scope.PROVINCE, null, form(ClassKind.CLASS, Level.PROVINCE, null, TODAY, TODAY, "8", 5)));
    }

    @Test
    void eachOrganiserFilesAtItsOwnLevelAndRegion() {
        PlanForm shenzhen = form(ClassKind.CLASS, Level.CITY, "4403", TODAY, TODAY, "8", 5);
        PlanForm province = form(ClassKind.CLASS, Level.PROVINCE, null, TODAY, TODAY, "8", 5);
        Scope szHealth = Scope.city("4403", Sector.HEALTH);
        assertNull(ClassRules.filerRefusal(Role.AUTHORITY_REVIEWER, szHealth, null, shenzhen));
        assertEquals("行业主管部门只能举办本行业、本级的培训（深圳市卫生健康）。", ClassRules.filerRefusal(Role.AUTHORITY_REVIEWER, szHealth, null,
                province));
        assertEquals("行业主管部门只能举办本行业、本级的培训（深圳市教育）。", ClassRules.filerRefusal(Role.AUTHORITY_REVIEWER,
                Scope.city("4403", Sector.EDUCATION), null, shenzhen));
        assertEquals("行业主管部门只能举办本行业、本级的培训（广州市卫生健康）。", ClassRules.filerRefusal(Role.AUTHORITY_REVIEWER,
                Scope.city("4401", Sector.HEALTH), null, shenzhen));
        assertNull(ClassRules.filerRefusal(Role.AUTHORITY_REVIEWER, Scope.province(Sector.HEALTH), null, province));
        assertNull(ClassRules.filerRefusal(Role.HR_ADMIN, Scope.city("4403", null), null, shenzhen));
        assertEquals("人力资源社会保障部门只能举办本级的高级研修（省级）。", ClassRules.filerRefusal(Role.HR_ADMIN, Scope.PROVINCE, null, shenzhen));
        Scope unit = new Scope(null, null, null, 7L);
        assertNull(ClassRules.filerRefusal(Role.EMPLOYER_ADMIN, unit, "4403", shenzhen));
        assertNull(ClassRules.filerRefusal(Role.EMPLOYER_ADMIN, unit, "4401", province));
        assertEquals("单位举办的培训须为省级或本单位所在市的市级培训。", ClassRules.filerRefusal(Role.EMPLOYER_ADMIN, unit, "4401", shenzhen));
        assertEquals("该单位管理员账号未关联单位。", ClassRules.filerRefusal(Role.EMPLOYER_ADMIN, new Scope(null, null, null, null), "4403",
                shenzhen));
    }

    private static final ClassRules.Offer SZ_CLASS = new ClassRules.Offer(ClassKind.CLASS, Sector.HEALTH, Level.CITY, "4403",
            TODAY.plusDays(1), 2);
    private static final List<TitleLevel> SENIORS = List.of(TitleLevel.SENIOR, TitleLevel.ASSOCIATE_SENIOR);
    private static final ClassRules.Person SZ_NURSE = new ClassRules.Person(Sector.HEALTH, "4403", TitleLevel.INTERMEDIATE);

    @Test
    void aProfessionalOfTheSectorAndCityTakesAFreeSeatBeforeTheStart() {
        assertNull(ClassRules.enrolmentRefusal(SZ_CLASS, SZ_NURSE, SENIORS, false, 1, TODAY));
        assertNull(ClassRules.enrolmentRefusal(new ClassRules.Offer(ClassKind.SEMINAR, Sector.HEALTH, Level.PROVINCE, null,
                TODAY.plusDays(1), 2), new ClassRules.Person(Sector.HEALTH, "4401", TitleLevel.ASSOCIATE_SENIOR), SENIORS, false, 0, TODAY));
    }

    @Test
    void eachEnrolmentRefusalHasItsStatusAndReason() {
        assertEquals(new ClassRules.Refusal(409, "enrolment-closed", "报名已截止：本班 2026-12-08 开班，开班前可以报名。"),
                ClassRules.enrolmentRefusal(SZ_CLASS, SZ_NURSE, SENIORS, false, 0, TODAY.plusDays(1)));
        assertEquals(new ClassRules.Refusal(409, "already-enrolled", "您已报名本班。"),
                ClassRules.enrolmentRefusal(SZ_CLASS, SZ_NURSE, SENIORS, true, 2, TODAY));
        assertEquals(new ClassRules.Refusal(422, "not-eligible", "本班面向卫生健康行业的专业技术人员。"), ClassRules.enrolmentRefusal(SZ_CLASS,
                new ClassRules.Person(Sector.EDUCATION, "4403", TitleLevel.SENIOR), SENIORS, false, 0, TODAY));
        assertEquals(new ClassRules.Refusal(422, "not-eligible", "本班是深圳市的市级培训，面向该市的专业技术人员。"),
                ClassRules.enrolmentRefusal(SZ_CLASS, new ClassRules.Person(Sector.HEALTH, "4401", TitleLevel.SENIOR), SENIORS, false, 0,
                        TODAY));
        ClassRules.Offer seminar = new ClassRules.Offer(ClassKind.SEMINAR, Sector.HEALTH, Level.CITY, "4403", TODAY.plusDays(1), 2);
        assertEquals(new ClassRules.Refusal(422, "not-eligible", "高级研修面向正高级、副高级职称的专业技术人员。"),
                ClassRules.enrolmentRefusal(seminar, SZ_NURSE, SENIORS, false, 0, TODAY));
        assertEquals(new ClassRules.Refusal(409, "full", "本班已满（2 人）。"),
                ClassRules.enrolmentRefusal(SZ_CLASS, SZ_NURSE, SENIORS, false, 2, TODAY));
    }

    @Test
    void aResultIsCreditedOnceNeverWithoutAttendanceAndNeverTakenBack() {
        assertEquals(new ClassRules.Judged(ResultStatus.REFUSED, "未报名本班。"), ClassRules.judgeResult(false, null, null, true, true));
        assertEquals(new ClassRules.Judged(ResultStatus.REFUSED, "未出勤不能考核合格。"), ClassRules.judgeResult(true, null, null, false, true));
        assertEquals(ResultStatus.CREDITED, ClassRules.judgeResult(true, null, null, true, true).status());
        assertEquals(ResultStatus.CREDITED, ClassRules.judgeResult(true, true, false, true, true).status());
        assertEquals(new ClassRules.Judged(ResultStatus.RECORDED, null), ClassRules.judgeResult(true, null, null, true, false));
        assertEquals(ResultStatus.RECORDED, ClassRules.judgeResult(true, null, null, false, false).status());
        assertEquals(ResultStatus.RECORDED, ClassRules.judgeResult(true, true, false, false, false).status());
        assertEquals(new ClassRules.Judged(ResultStatus.UNCHANGED, null), ClassRules.judgeResult(true, true, true, true, true));
        assertEquals(ResultStatus.UNCHANGED, ClassRules.judgeResult(true, false, false, false, false).status());
        assertEquals(new ClassRules.Judged(ResultStatus.REFUSED, "已考核合格并记入学时，不能改为不合格；如需撤销学时，请联系人力资源社会保障部门。"),
                ClassRules.judgeResult(true, true, true, true, false));
    }

    @Test
    void theOrganisersAreTheFilerAndTheUnitsAdministratorsAndTheHrOfThePlansLevelHasItFiled() {
        Actor filer = new Actor(5, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4403", Sector.HEALTH));
        Actor colleague = new Actor(6, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4403", Sector.HEALTH));
        Actor unitAdmin = new Actor(7, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 9L));
        Actor otherUnit = new Actor(8, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 10L));
        Actor learnerOfUnit = new Actor(11, Set.of(Role.PROFESSIONAL), new Scope(null, null, null, 9L));
        assertTrue(ClassScope.organises(filer, 5, null));
        assertFalse(ClassScope.organises(colleague, 5, null));
        assertTrue(ClassScope.organises(unitAdmin, 4, 9L));
        assertFalse(ClassScope.organises(otherUnit, 4, 9L));
        assertFalse(ClassScope.organises(learnerOfUnit, 4, 9L));
        assertFalse(ClassScope.organises(unitAdmin, 4, null));
        Actor szHr = new Actor(12, Set.of(Role.HR_ADMIN), Scope.city("4403", null));
        assertTrue(ClassScope.filedWith(szHr, Level.CITY, "4403"));
        assertFalse(ClassScope.filedWith(szHr, Level.CITY, "4401"));
        assertFalse(ClassScope.filedWith(szHr, Level.PROVINCE, null));
        assertTrue(ClassScope.filedWith(new Actor(13, Set.of(Role.HR_ADMIN), Scope.PROVINCE), Level.PROVINCE, null));
        assertFalse(ClassScope.filedWith(colleague, Level.CITY, "4403"));
    }
}
