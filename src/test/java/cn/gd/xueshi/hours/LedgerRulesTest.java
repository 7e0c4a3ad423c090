package cn.gd.xueshi.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The year rules and what the ledger itself refuses, in plain Java. */
class LedgerRulesTest {

    private static final YearRule Y2011 = new YearRule(2011, new BigDecimal("18"), new BigDecimal("42"), new BigDecimal("12"),
            new BigDecimal("72"), new BigDecimal("6"), LocalDate.of(2012, 1, 31));
    private static final YearRule Y2021 = new YearRule(2021, new BigDecimal("30"), new BigDecimal("42"), new BigDecimal("18"),
            new BigDecimal("90"), new BigDecimal("8"), LocalDate.of(2022, 1, 31));
    // built for each test (not static), so that every test exercises the constructor
    private final RuleBook BOOK = new RuleBook(List.of(Y2011, Y2021), List.of(
            new Conversion(2011, Activity.PAPER, "篇", new BigDecimal("10"), new BigDecimal("42")),
            new Conversion(2011, Activity.CONFERENCE, "天", new BigDecimal("6"), new BigDecimal("24")),
            new Conversion(2021, Activity.PAPER, "篇", new BigDecimal("12"), new BigDecimal("42")),
            new Conversion(2021, Activity.TRAINING, "学时", BigDecimal.ONE, null)));

    private static Credit credit(int year, String hours) {
        return new Credit(1, year, Category.ELECTIVE, hours == null ? null : new BigDecimal(hours), Source.DECLARATION, "declaration:1",
                "培训", "employer1", Instant.EPOCH);
    }

    @Test
    void aYearWithoutRowsOfItsOwnTakesTheNearestEarlierRowsWithTheDeadlineMovedToIt() {
        assertNull(BOOK.rule(2010));
        assertEquals(Y2011, BOOK.rule(2011));
        YearRule y2019 = BOOK.rule(2019);
        assertEquals(2019, y2019.year());
        assertEquals(new BigDecimal("6"), y2019.dailyCapHours());
        assertEquals(LocalDate.of(2020, 1, 31), y2019.confirmUntil());
        assertEquals(new BigDecimal("8"), BOOK.rule(2026).dailyCapHours());
        assertEquals(LocalDate.of(2027, 1, 31), BOOK.rule(2026).confirmUntil());
        assertEquals(new BigDecimal("90"), BOOK.rule(2026).requirement().total());
        assertEquals(6 * 45 * 60_000, BOOK.rule(2015).dailyCapMs(45));
        assertEquals(8 * 45 * 60_000, BOOK.rule(2026).dailyCapMs(45));
    }

    @Test
    void conversionRatesAreTheYearsTableWithItsLimits() {
        assertEquals(new BigDecimal("10"), BOOK.conversion(2015, Activity.PAPER).hoursPerUnit());
        assertEquals(new BigDecimal("12"), BOOK.conversion(2026, Activity.PAPER).hoursPerUnit());
        assertEquals(2026, BOOK.conversion(2026, Activity.PAPER).year());
        assertNull(BOOK.conversion(2026, Activity.CONFERENCE), "the 2021 table has no conference row: none, not 2011's");
        assertNull(BOOK.conversion(2010, Activity.PAPER));
        assertEquals(List.of(Activity.TRAINING, Activity.PAPER), BOOK.conversions(2026).stream().map(Conversion::activity).toList());
        assertEquals(List.of(), BOOK.conversions(2000));
        Conversion paper = BOOK.conversion(2026, Activity.PAPER);
        assertEquals(new BigDecimal("24.0"), paper.hoursFor(new BigDecimal("2")));
        assertEquals(new BigDecimal("42"), paper.hoursFor(new BigDecimal("4")), "at most the row's limit");
        assertEquals(new BigDecimal("42.0"), paper.hoursFor(new BigDecimal("3.5")), "exactly the limit is the product itself");
        assertEquals(new BigDecimal("1.2"), paper.hoursFor(new BigDecimal("0.1")));
        assertEquals(new BigDecimal("8.3"), BOOK.conversion(2026, Activity.TRAINING).hoursFor(new BigDecimal("8.35")), "down to a tenth");
        assertEquals(new BigDecimal("999.0"), BOOK.conversion(2026, Activity.TRAINING).hoursFor(new BigDecimal("999")), "no limit");
    }

    @Test
    void aYearIsOpenUntilTheThirtyFirstOfJanuaryOfTheNextAndClosedFromTheFirstOfFebruary() {
        YearRule y2026 = BOOK.rule(2026);
        assertNull(LedgerRules.refusal(credit(2026, "8"), y2026, LocalDate.of(2027, 1, 31)));
        assertNull(LedgerRules.refusal(credit(2026, "8"), y2026, LocalDate.of(2026, 1, 1)));
        LedgerRules.Refusal closed = LedgerRules.refusal(credit(2026, "8"), y2026, LocalDate.of(2027, 2, 1));
        assertEquals("year-closed", closed.type());
        assertEquals("2026 年度的学时已于 2027年1月31日截止确认，该年度不再登记新的学时。", closed.detail());
        assertEquals("future-year", LedgerRules.refusal(credit(2027, "8"), BOOK.rule(2027), LocalDate.of(2026, 12, 31)).type());
        assertEquals("no-year-rules", LedgerRules.refusal(credit(2010, "8"), null, LocalDate.of(2010, 6, 1)).type());
        assertEquals(true, y2026.openOn(LocalDate.of(2027, 1, 31)));
        assertEquals(false, y2026.openOn(LocalDate.of(2027, 2, 1)));
        assertEquals(false, y2026.openOn(LocalDate.of(2025, 12, 31)));
        assertEquals(true, y2026.openOn(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void hoursAreAPositiveNumberOfTenthsAndTheReferenceAndTitleAreUsable() {
        YearRule y = BOOK.rule(2026);
        LocalDate day = LocalDate.of(2026, 6, 1);
        for (String bad : new String[] {null, "0", "-1", "0.05", "1000", "999.95"}) {
            assertEquals("invalid-hours", LedgerRules.refusal(credit(2026, bad), y, day).type(), bad);
        }
        for (String good : new String[] {"0.1", "999.9", "8.50", "42"}) {
            assertNull(LedgerRules.refusal(credit(2026, good), y, day), good);
        }
        Credit noRef = new Credit(1, 2026, Category.ELECTIVE, BigDecimal.ONE, Source.DECLARATION, " ", "培训", "x", Instant.EPOCH);
        assertEquals("invalid-reference", LedgerRules.refusal(noRef, y, day).type());
        Credit longRef = new Credit(1, 2026, Category.ELECTIVE, BigDecimal.ONE, Source.DECLARATION, "r".repeat(101), "培训", "x", Instant.EPOCH);
        assertNull(LedgerRules.refusal(new Credit(1, 2026, Category.ELECTIVE, BigDecimal.ONE, Source.DECLARATION, "r".repeat(100), "长".repeat(200),
                "x", Instant.EPOCH), y, day));
        assertEquals("invalid-reference", LedgerRules.refusal(longRef, y, day).type());
        Credit noTitle = new Credit(1, 2026, Category.ELECTIVE, BigDecimal.ONE, Source.DECLARATION, "r", null, "x", Instant.EPOCH);
        assertEquals("invalid-title", LedgerRules.refusal(noTitle, y, day).type());
        Credit longTitle = new Credit(1, 2026, Category.ELECTIVE, BigDecimal.ONE, Source.DECLARATION, "r", "长".repeat(201), "x",
                Instant.EPOCH);
        assertEquals("invalid-title", LedgerRules.refusal(longTitle, y, day).type());
    }
}
