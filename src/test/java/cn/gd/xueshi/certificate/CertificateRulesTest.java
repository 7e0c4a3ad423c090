package cn.gd.xueshi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.hours.YearRecord;
import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.shared.ProblemException;

/** The pure rules of completion and certificates: numbers with a check character, shortfalls, next steps, who confirms, masking. */
class CertificateRulesTest {

    @Test
    void aNumberCarriesTheYearTheSerialAndAnIso7064CheckCharacter() {
        assertEquals('X', CertificateNumber.check("11010519491231002"));
        assertEquals("GD2026000000018", CertificateNumber.of(2026, 1));
        assertEquals("GD2026999999997", CertificateNumber.of(2026, 99_999_999L));
        assertTrue(CertificateNumber.isValid("GD2026000000018"));
        assertTrue(CertificateNumber.isValid(CertificateNumber.of(2031, 4_567_890)));
        assertThrows(IllegalArgumentException.class, () -> CertificateNumber.of(2026, 0));
        assertThrows(IllegalArgumentException.class, () -> CertificateNumber.of(2026, 100_000_000L));
        assertThrows(IllegalArgumentException.class, () -> CertificateNumber.of(999, 1));
        assertThrows(IllegalArgumentException.class, () -> CertificateNumber.of(10_000, 1));
        assertEquals("GD1000000000016", CertificateNumber.of(1000, 1));
        assertEquals("GD9999000000013", CertificateNumber.of(9999, 1));
    }

    @Test
    void everyMistypedDigitAndEverySwapOfNeighboursFailsTheCheck() {
        String good = CertificateNumber.of(2026, 12_345_678);
        for (int i = 2; i < 14; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != good.charAt(i)) {
                    String typo = good.substring(0, i) + d + good.substring(i + 1);
                    assertFalse(CertificateNumber.isValid(typo), typo);
                }
            }
            if (i < 13 && good.charAt(i) != good.charAt(i + 1)) {
                String swapped = good.substring(0, i) + good.charAt(i + 1) + good.charAt(i) + good.substring(i + 2);
                assertFalse(CertificateNumber.isValid(swapped), swapped);
            }
        }
        assertFalse(CertificateNumber.isValid(null));
        assertFalse(CertificateNumber.isValid("gd2026000000018"));
        assertFalse(CertificateNumber.isValid("GD2026000000011"));
        assertFalse(CertificateNumber.isValid("GD202600000001"));
        assertFalse(CertificateNumber.isValid("GD20260000000181"));
        assertFalse(CertificateNumber.isValid("XX2026000000018"));
    }

    private static YearRecord record(String pub, String pro, String ele) {
        YearRecord.Hours required = new YearRecord.Hours(new BigDecimal("30"), new BigDecimal("42"), new BigDecimal("18"), new BigDecimal("90"));
        return YearRecord.of(2026, required, List.of(new YearRecord.Line("PUBLIC", "CONFIRMED", new BigDecimal(pub)),
                new YearRecord.Line("PROFESSIONAL", "CONFIRMED", new BigDecimal(pro)),
                new YearRecord.Line("ELECTIVE", "CONFIRMED", new BigDecimal(ele))));
    }

    @Test
    void theShortfallNamesEachCategoryWithoutSubstitution() {
        assertEquals(List.of(), CompletionRules.shortfall(record("30", "42", "18")));
        assertEquals(List.of("选修还差 0.5 学时"), CompletionRules.shortfall(record("40", "60", "17.5")));
        assertEquals(List.of("公需科目还差 30 学时", "专业科目还差 2 学时", "选修还差 18 学时"), CompletionRules.shortfall(record("0", "40", "0")));
        YearRecord.Hours odd = new YearRecord.Hours(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN);
        YearRecord thin = YearRecord.of(2026, odd, List.of(new YearRecord.Line("PUBLIC", "CONFIRMED", BigDecimal.ONE),
                new YearRecord.Line("PROFESSIONAL", "CONFIRMED", BigDecimal.ONE), new YearRecord.Line("ELECTIVE", "CONFIRMED", BigDecimal.ONE)));
        assertEquals(List.of("合计还差 7 学时"), CompletionRules.shortfall(thin));
    }

    @Test
    void theNextStepsSayWhatToStudyWhatToDeclareAndWhoConfirms() {
        assertEquals(List.of("2 门公需课程未完成", "1 项申报待单位确认", "专业科目还差 42 学时：参加培训班或申报专业科目学时",
                "选修还差 18 学时：申报个人选修学时"), CompletionRules.nextSteps(record("10", "0", "0"), 2, 1, false, Sector.ENGINEERING));
        assertEquals(List.of("公需科目学时不足，请学习本年度公需课程", "2 项申报待行业主管部门确认"),
                CompletionRules.nextSteps(record("0", "42", "18"), 0, 2, false, Sector.HEALTH));
        assertEquals(List.of("学时已达到年度要求，等待单位确认后签发电子证书"), CompletionRules.nextSteps(record("30", "42", "18"), 0, 0, false,
                Sector.CULTURE));
        assertEquals(List.of("学时已达到年度要求，等待行业主管部门确认后签发电子证书"), CompletionRules.nextSteps(record("30", "42", "18"), 0, 0,
                false, Sector.EDUCATION));
        assertEquals(List.of("2026 年度学时已确认，可下载电子证书"), CompletionRules.nextSteps(record("30", "42", "18"), 3, 3, true,
                Sector.ENGINEERING));
        assertTrue(CompletionRules.confirmsBySector(Sector.EDUCATION));
        assertTrue(CompletionRules.confirmsBySector(Sector.HEALTH));
        assertFalse(CompletionRules.confirmsBySector(Sector.ACCOUNTING));
    }

    @Test
    void whoMayPutAYearForward() {
        Scope gzEngineer = new Scope(Level.CITY, "4401", Sector.ENGINEERING, 7L);
        assertTrue(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 7L)), gzEngineer));
        assertFalse(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 8L)), gzEngineer));
        assertFalse(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, null)), gzEngineer));
        assertFalse(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.PROFESSIONAL), new Scope(null, null, null, 7L)), gzEngineer));
        assertTrue(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.ENGINEERING)), gzEngineer));
        assertTrue(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4401", Sector.ENGINEERING)), gzEngineer));
        assertFalse(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4403", Sector.ENGINEERING)), gzEngineer));
        assertFalse(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.HEALTH)), gzEngineer));
        assertTrue(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.SYSTEM), new Scope(null, null, Sector.ENGINEERING, null)), gzEngineer));
        assertFalse(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.SYSTEM), new Scope(null, null, Sector.HEALTH, null)), gzEngineer));
        assertFalse(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.SYSTEM), new Scope(null, null, null, null)),
                new Scope(Level.CITY, "4401", null, 7L)));
        assertTrue(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.HR_ADMIN), Scope.PROVINCE), gzEngineer));
        assertTrue(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.HR_ADMIN), Scope.city("4401", null)), gzEngineer));
        assertFalse(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.HR_ADMIN), Scope.city("4420", null)), gzEngineer));
        assertFalse(CompletionRules.mayConfirm(new Actor(1, Set.of(Role.EDITOR), Scope.PROVINCE), gzEngineer));
    }

    @Test
    void thePublicSeesOnlyTheFirstAndLastCharacterOfAName() {
        assertEquals("陈*习", CompletionRules.maskName("陈学习"));
        assertEquals("欧**华", CompletionRules.maskName("欧阳建华"));
        assertEquals("王*", CompletionRules.maskName("王五"));
        assertEquals("王", CompletionRules.maskName(" 王 "));
        assertEquals("𠀀*𠀁", CompletionRules.maskName("𠀀中𠀁"));
    }

    @Test
    void theThrottleRefusesTheRequestOverTheLimitUntilTheMinuteTurns() {
        VerifyThrottle throttle = new VerifyThrottle(3);
        long t = 1_800_000_000_000L - 1_800_000_000_000L % 60_000 + 15_000;
        for (int i = 0; i < 3; i++) {
            throttle.check("10.0.0.1", t + i);
        }
        ProblemException refused = assertThrows(ProblemException.class, () -> throttle.check("10.0.0.1", t + 10));
        assertEquals(429, refused.status());
        assertEquals(45L, refused.retryAfterSeconds());
        throttle.check("10.0.0.2", t + 10);
        throttle.check("10.0.0.1", t + 45_000);
        throttle.check("10.0.0.1", t + 45_001);
        throttle.check("10.0.0.1", t + 45_002);
        assertEquals(429, assertThrows(ProblemException.class, () -> throttle.check("10.0.0.1", t + 45_003)).status());
        throttle.reset();
        throttle.check("10.0.0.1", t + 45_004);
    }
}
