package cn.gd.xueshi.sector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.LedgerRules;
import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.sector.SectorRules.Pushed;
import cn.gd.xueshi.sector.SectorRules.Refusal;

/** What a sector system may push, record by record: each refusal's code and reason, and every edge. */
class SectorRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    private static final BigDecimal MAX = new BigDecimal("90");
    private static final String ID = "440104198207150022";

    private static Pushed record(String recordId, String idNumber, String name, Integer year, String category, String hours,
            String source, String completedOn) {
        return new Pushed(recordId, idNumber, name, year, category, hours == null ? null : new BigDecimal(hours), source, completedOn);
    }

    private static Pushed good() {
        return record("HX-2026.01:a/b_c", ID, "林医生", 2026, "PROFESSIONAL", "12.5", "急诊急救培训", "2026-03-01");
    }

    private static Refusal refusal(Pushed r) {
        SectorRules.Outcome o = SectorRules.check(r, TODAY, MAX);
        assertNull(o.checked());
        return o.refusal();
    }

    private static void refused(String code, String detail, Pushed r) {
        assertEquals(new Refusal(code, detail), refusal(r));
    }

    private static final String HOURS = "学时须大于 0、不超过 90（单条记录上限），最多一位小数。";

    @Test
    void aGoodRecordIsCheckedWithItsTextTrimmedAndItsIdNumberReadOnce() {
        SectorRules.Outcome o = SectorRules.check(record("R1", "44010619850312004x", " 何护士 ", 2026, "ELECTIVE", "3", " 院感培训 ",
                "2026-03-20"), TODAY, MAX);
        assertNull(o.refusal());
        assertEquals(new SectorRules.Checked("R1", new IdNumber("44010619850312004X", LocalDate.of(1985, 3, 12)), "何护士", 2026,
                Category.ELECTIVE, new BigDecimal("3"), "院感培训", LocalDate.of(2026, 3, 20)), o.checked());
        assertEquals(Category.PROFESSIONAL, SectorRules.check(good(), TODAY, MAX).checked().category());
    }

    @Test
    void recordIdsAreShortMachineKeys() {
        assertTrue(SectorRules.usableRecordId("a".repeat(50)));
        assertFalse(SectorRules.usableRecordId("a".repeat(51)));
        assertFalse(SectorRules.usableRecordId(null));
        assertFalse(SectorRules.usableRecordId(""));
        assertFalse(SectorRules.usableRecordId("has space"));
        assertFalse(SectorRules.usableRecordId("中文"));
        assertTrue(SectorRules.usableRecordId("A-z_0.9:/"));
        String why = "记录编号须为 1–50 个字母、数字或 . _ : / - 字符。";
        refused("bad-record-id", why, record(null, ID, "林医生", 2026, "PROFESSIONAL", "1", "x", "2026-03-01"));
        refused("bad-record-id", why, record("a".repeat(51), ID, "林医生", 2026, "PROFESSIONAL", "1", "x", "2026-03-01"));
        assertNull(SectorRules.check(record("a".repeat(50), ID, "林医生", 2026, "PROFESSIONAL", "1", "x", "2026-03-01"), TODAY, MAX)
                .refusal());
    }

    @Test
    void idNumbersAreCheckedByGb11643() {
        refused("bad-id-number", "身份证号无效：身份证号校验位不正确，请核对后重新输入。",
                record("R", "440104198207150023", "林医生", 2026, "PROFESSIONAL", "1", "x", "2026-03-01"));
        refused("bad-id-number", "身份证号无效：身份证号不能为空。", record("R", null, "林医生", 2026, "PROFESSIONAL", "1", "x", "2026-03-01"));
    }

    @Test
    void aNameIsOneToAHundredCharacters() {
        String why = "姓名不能为空，且不超过 100 个字符。";
        refused("bad-name", why, record("R", ID, null, 2026, "PROFESSIONAL", "1", "x", "2026-03-01"));
        refused("bad-name", why, record("R", ID, "  ", 2026, "PROFESSIONAL", "1", "x", "2026-03-01"));
        refused("bad-name", why, record("R", ID, "名".repeat(101), 2026, "PROFESSIONAL", "1", "x", "2026-03-01"));
        assertNull(SectorRules.check(record("R", ID, "名".repeat(100), 2026, "PROFESSIONAL", "1", "x", "2026-03-01"), TODAY, MAX)
                .refusal());
    }

    @Test
    void onlyProfessionalAndElectiveHoursArePushedNeverPublicOnes() {
        String why = "类别须为 PROFESSIONAL（专业科目）或 ELECTIVE（个人选修科目）；公需科目学时只由本平台在线学习登记，不接受推送。";
        refused("bad-category", why, record("R", ID, "林医生", 2026, "PUBLIC", "1", "x", "2026-03-01"));
        refused("bad-category", why, record("R", ID, "林医生", 2026, "professional", "1", "x", "2026-03-01"));
        refused("bad-category", why, record("R", ID, "林医生", 2026, null, "1", "x", "2026-03-01"));
    }

    @Test
    void theDateIsARealDayOfTheRecordsYearNotAfterToday() {
        refused("bad-year", "缺少年度。", record("R", ID, "林医生", null, "PROFESSIONAL", "1", "x", "2026-03-01"));
        String bad = "完成日期缺失或格式不正确，应为 YYYY-MM-DD。";
        refused("bad-date", bad, record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", "x", null));
        refused("bad-date", bad, record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", "x", "2026-3-1"));
        refused("bad-date", bad, record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", "x", "2026-02-30"));
        refused("future-date", "完成日期 2026-03-21 晚于今天，不能登记。",
                record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", "x", "2026-03-21"));
        refused("date-outside-year", "完成日期 2025-12-31 不在所报年度 2026 年内。",
                record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", "x", "2025-12-31"));
        assertEquals(LocalDate.of(2026, 1, 1), SectorRules.check(record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", "x", "2026-01-01"),
                TODAY, MAX).checked().completedOn());
    }

    @Test
    void impossibleHoursAreRefused() {
        for (String h : new String[] {"0", "-1", "0.00", "90.1", "1.25", "0.05", "1000"}) {
            refused("impossible-hours", HOURS, record("R", ID, "林医生", 2026, "PROFESSIONAL", h, "x", "2026-03-01"));
        }
        refused("impossible-hours", HOURS, record("R", ID, "林医生", 2026, "PROFESSIONAL", null, "x", "2026-03-01"));
        for (String h : new String[] {"90", "90.0", "0.1", "1.50", "1E+1"}) {
            assertEquals(0, new BigDecimal(h).compareTo(SectorRules.check(record("R", ID, "林医生", 2026, "PROFESSIONAL", h, "x",
                    "2026-03-01"), TODAY, MAX).checked().hours()), h);
        }
        assertEquals(new Refusal("impossible-hours", "学时须大于 0、不超过 12.5（单条记录上限），最多一位小数。"), SectorRules.check(
                record("R", ID, "林医生", 2026, "PROFESSIONAL", "12.6", "x", "2026-03-01"), TODAY, new BigDecimal("12.5")).refusal());
    }

    @Test
    void theSourceNamesWhatTheHoursWereEarnedIn() {
        String why = "来源（培训项目名称）不能为空，且不超过 200 个字符。";
        refused("bad-source", why, record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", null, "2026-03-01"));
        refused("bad-source", why, record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", " ", "2026-03-01"));
        refused("bad-source", why, record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", "课".repeat(201), "2026-03-01"));
        assertEquals("课".repeat(200), SectorRules.check(record("R", ID, "林医生", 2026, "PROFESSIONAL", "1", "课".repeat(200),
                "2026-03-01"), TODAY, MAX).checked().source());
    }

    @Test
    void thePersonMustBeKnownOfTheClientsSectorAndUnderTheSameName() {
        SectorRules.Checked r = SectorRules.check(good(), TODAY, MAX).checked();
        assertEquals(new Refusal("unknown-person", "平台中没有身份证号为 440104********0022 的专业技术人员，请先由其单位登记。"),
                SectorRules.person(r, null, null, Sector.HEALTH));
        assertEquals(new Refusal("other-sector", "此人不属于卫生健康行业，本系统不能为其推送学时。"),
                SectorRules.person(r, "林医生", Sector.EDUCATION, Sector.HEALTH));
        assertEquals(new Refusal("name-mismatch", "姓名与平台登记的不一致，请核对姓名和身份证号。"),
                SectorRules.person(r, "林大夫", Sector.HEALTH, Sector.HEALTH));
        assertNull(SectorRules.person(r, " 林医生 ", Sector.HEALTH, Sector.HEALTH));
    }

    @Test
    void theLedgerRefusalKeepsItsCodeAndTheReferenceNamesSectorClientAndRecord() {
        assertEquals(new Refusal("year-closed", "已截止"), SectorRules.fromLedger(new LedgerRules.Refusal("year-closed", "已截止")));
        assertEquals("push:HEALTH:health-system:HX-1", SectorRules.sourceRef(Sector.HEALTH, "health-system", "HX-1"));
    }

    @Test
    void aRecordIdRepeatedInABatchIsADuplicateWhenIdenticalAndRefusedOtherwise() {
        assertNull(SectorRules.repeated(good(), good()));
        assertEquals(new Refusal("duplicate-in-batch", "同一批次中记录编号重复且内容不同，只处理了第一条。"), SectorRules.repeated(good(),
                record("HX-2026.01:a/b_c", ID, "林医生", 2026, "PROFESSIONAL", "12", "急诊急救培训", "2026-03-01")));
    }
}
