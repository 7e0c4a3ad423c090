package cn.gd.xueshi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdentifierRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void idNumberFromTheStandardIsValidWithItsCheckCharacterX() {
        IdNumber.Result r = IdNumber.parse("11010519491231002X", TODAY);
        assertEquals("11010519491231002X", r.id().orElseThrow().value());
        assertEquals(LocalDate.of(1949, 12, 31), r.id().get().birthDate());
        assertEquals('X', IdNumber.checkCharacter("11010519491231002"));
    }

    @Test
    void lowercaseXIsAccepted() {
        assertTrue(IdNumber.parse("11010519491231002x", TODAY).id().isPresent());
    }

    @Test
    void wrongCheckDigitIsRefusedWithAReason() {
        IdNumber.Result r = IdNumber.parse("110105194912310021", TODAY);
        assertTrue(r.id().isEmpty());
        assertEquals("身份证号校验位不正确，请核对后重新输入。", r.refusal());
    }

    @Test
    void impossibleBirthDateIsRefusedEvenWithAMatchingCheckDigit() {
        String first17 = "44010619900230123";
        IdNumber.Result r = IdNumber.parse(first17 + IdNumber.checkCharacter(first17), TODAY);
        assertEquals("身份证号中的出生日期不存在。", r.refusal());
        String future = "44010620300101123";
        assertEquals("身份证号中的出生日期不合理。", IdNumber.parse(future + IdNumber.checkCharacter(future), TODAY).refusal());
    }

    @Test
    void wrongLengthOrLettersAreRefused() {
        assertEquals("身份证号应为 18 位：前 17 位为数字，最后一位为数字或 X。", IdNumber.parse("1101051949123100", TODAY).refusal());
        assertEquals("身份证号应为 18 位：前 17 位为数字，最后一位为数字或 X。", IdNumber.parse("A1010519491231002X", TODAY).refusal());
        assertEquals("身份证号不能为空。", IdNumber.parse(" ", TODAY).refusal());
    }

    @Test
    void maskingHidesTheBirthDate() {
        assertEquals("110105********002X", IdNumber.mask("11010519491231002X"));
    }

    @Test
    void creditCodesFromTheStandardAreValid() {
        assertNull(CreditCode.refusal("91350100M000100Y43"));
        assertNull(CreditCode.refusal("91110000600037341L"));
        assertEquals('K', CreditCode.checkCharacter("91440101MA5CXA012"));
    }

    @Test
    void creditCodeWithAWrongCheckCharacterOrForbiddenLetterIsRefused() {
        assertEquals("统一社会信用代码校验位不正确，请核对；早期代码需由管理员人工确认。", CreditCode.refusal("91350100M000100Y44"));
        assertEquals("统一社会信用代码第 9 位“O”不是允许的字符（不使用 I、O、S、V、Z）。", CreditCode.refusal("91350100O000100Y43"));
        assertEquals("统一社会信用代码应为 18 位。", CreditCode.refusal("9135010"));
    }

    @Test
    void guangdongHasTwentyOneCities() {
        assertEquals(21, GuangdongCity.NAMES.size());
        assertTrue(GuangdongCity.isCity("4419"));
        assertTrue(!GuangdongCity.isCity("4410"));
    }

    @Test
    void signInPausesDoubleAfterTheFreeFailuresUpToTheCeiling() {
        LoginThrottle t = new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15));
        assertEquals(Duration.ZERO, t.pauseAfter(4));
        assertEquals(Duration.ofSeconds(30), t.pauseAfter(5));
        assertEquals(Duration.ofSeconds(60), t.pauseAfter(6));
        assertEquals(Duration.ofSeconds(240), t.pauseAfter(8));
        assertEquals(Duration.ofMinutes(15), t.pauseAfter(40));
    }
}
