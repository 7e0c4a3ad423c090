package cn.gd.xueshi.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class YearRecordTest {

    private static final YearRecord.Hours REQUIREMENT_2026 = new YearRecord.Hours(bd("30"), bd("42"), bd("18"), bd("90"));

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void reversalsCancelAndProvisionalHoursDoNotCount() {
        YearRecord r = YearRecord.of(2026, REQUIREMENT_2026, List.of(
                new YearRecord.Line("PUBLIC", "CONFIRMED", bd("15")),
                new YearRecord.Line("PUBLIC", "CONFIRMED", bd("15")),
                new YearRecord.Line("PUBLIC", "CONFIRMED", bd("-15")),
                new YearRecord.Line("ELECTIVE", "PROVISIONAL", bd("6"))));
        assertEquals(0, bd("15").compareTo(r.earned().publicHours()));
        assertEquals(0, BigDecimal.ZERO.compareTo(r.earned().elective()));
        assertEquals(0, bd("15").compareTo(r.earned().total()));
    }

    @Test
    void surplusInOneCategoryDoesNotMakeUpForAnother() {
        YearRecord r = YearRecord.of(2026, REQUIREMENT_2026, List.of(
                new YearRecord.Line("PUBLIC", "CONFIRMED", bd("60")),
                new YearRecord.Line("PROFESSIONAL", "CONFIRMED", bd("42")),
                new YearRecord.Line("ELECTIVE", "CONFIRMED", bd("10"))));
        assertEquals(0, bd("112").compareTo(r.earned().total()));
        assertFalse(r.complete());
    }

    @Test
    void meetingEveryCategoryCompletesTheYear() {
        YearRecord r = YearRecord.of(2026, REQUIREMENT_2026, List.of(
                new YearRecord.Line("PUBLIC", "CONFIRMED", bd("30")),
                new YearRecord.Line("PROFESSIONAL", "CONFIRMED", bd("42")),
                new YearRecord.Line("ELECTIVE", "CONFIRMED", bd("18"))));
        assertTrue(r.complete());
    }
}
