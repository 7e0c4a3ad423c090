package cn.gd.xueshi.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.YearRecord;
import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.identity.Person;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.identity.StaffMatch;
import cn.gd.xueshi.identity.StaffOutcome;
import cn.gd.xueshi.identity.TitleLevel;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.shared.sheet.SheetException;

/** The staff file, the scope check, the match with the register and the standing: plain Java, in milliseconds. */
class StaffRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String A = "44010419850615041X";
    private static final String B = "440305199003080626";

    private static StaffSheet.Result read(String text) throws SheetException {
        return StaffSheet.read(text.getBytes(StandardCharsets.UTF_8), TODAY);
    }

    @Test
    void rowsBecomePeopleWithCodesAndLabelsAccepted() throws SheetException {
        StaffSheet.Result r = read("\uFEFF 姓名 ,身份证号,行业,职称级别,所在城市\r\n 李明华 ," + A.toLowerCase() + ",ENGINEERING,中级,4401\r\n"
                + "王芳," + B + ",经济,ASSOCIATE_SENIOR,深圳市\r\n\r\n,,,,\r\n");
        assertEquals(List.of(new StaffSheet.Row(2, new Person("李明华", new IdNumber(A, LocalDate.of(1985, 6, 15)), Sector.ENGINEERING,
                TitleLevel.INTERMEDIATE, "4401")), new StaffSheet.Row(3, new Person("王芳", new IdNumber(B, LocalDate.of(1990, 3, 8)),
                Sector.ECONOMICS, TitleLevel.ASSOCIATE_SENIOR, "4403"))), r.accepted());
        assertEquals(List.of(), r.refused());
    }

    @Test
    void gb18030AsExcelInChinaSavesItIsRead() throws SheetException {
        byte[] body = ("姓名,身份证号,行业,职称级别,所在城市\n黄晓,"+ A + ",农业,员级,广州\n").getBytes(Charset.forName("GB18030"));
        StaffSheet.Result r = StaffSheet.read(body, TODAY);
        assertEquals("黄晓", r.accepted().get(0).person().name());
        assertEquals(TitleLevel.JUNIOR, r.accepted().get(0).person().titleLevel());
        assertEquals("4401", r.accepted().get(0).person().cityCode());
    }

    @Test
    void xlsxIsReadFromItsFirstSheet() throws Exception {
        String sheet = """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c>
                <c r="C1" t="inlineStr"><is><t>行业</t></is></c><c r="D1" t="inlineStr"><is><t>职称级别</t></is></c>
                <c r="E1" t="inlineStr"><is><t>所在城市</t></is></c></row>
                <row r="2"><c r="A2" t="inlineStr"><is><t>李明华</t></is></c><c r="B2" t="inlineStr"><is><t>%s</t></is></c>
                <c r="C2" t="inlineStr"><is><t>OTHER</t></is></c><c r="D2" t="inlineStr"><is><t>正高级</t></is></c><c r="E2"><v>4419</v></c></row>
                <row r="3"><c r="A3" t="inlineStr"><is><t>数字号</t></is></c><c r="B3"><v>4.40305199003081E+17</v></c>
                <c r="C3" t="inlineStr"><is><t>OTHER</t></is></c><c r="D3" t="inlineStr"><is><t>中级</t></is></c><c r="E3"><v>4401</v></c></row>
                </sheetData></worksheet>""".formatted(A);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheet.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        StaffSheet.Result r = StaffSheet.read(out.toByteArray(), TODAY);
        assertEquals(List.of(new StaffSheet.Row(2, new Person("李明华", new IdNumber(A, LocalDate.of(1985, 6, 15)), Sector.OTHER,
                TitleLevel.SENIOR, "4419"))), r.accepted());
        assertEquals(List.of(new StaffSheet.Refusal(3, "身份证号被 Excel 显示为科学计数法（4.40305199003081E+17），请将该列设为“文本”格式后重新填写。")),
                r.refused());
    }

    @Test
    void eachFaultyRowIsRefusedWithItsReasonAndTheGoodOnesStay() throws SheetException {
        StaffSheet.Result r = read("姓名,身份证号,行业,职称级别,所在城市\n"
                + "甲," + A + ",OTHER,中级,4401\n"
                + "乙," + A + ",OTHER,中级,4401\n"
                + "丙,440104198506150410,OTHER,中级,4401\n"
                + "丁,440104198502300417,OTHER,中级,4401\n"
                + "戊," + B + ",OTHER,初级,4401\n"
                + "己," + B + ",OTHER,中级,\n"
                + "庚," + B + ",OTHER,中级,北京\n"
                + "辛\t," + B + ",OTHER,中级,4401\n"
                + "壬,,OTHER,中级,4401\n"
                + "癸," + B + ",,,,x\n");
        assertEquals(1, r.accepted().size());
        assertEquals(List.of(
                new StaffSheet.Refusal(3, "身份证号与第 2 行重复。"),
                new StaffSheet.Refusal(4, "身份证号校验位不正确，请核对后重新输入。"),
                new StaffSheet.Refusal(5, "身份证号中的出生日期不存在。"),
                new StaffSheet.Refusal(6, "职称级别“初级”无效，应为：正高级、副高级、中级、助理级、员级。"),
                new StaffSheet.Refusal(7, "所在城市为空，应为广东省地级市代码，如 4401（广州）。"),
                new StaffSheet.Refusal(8, "所在城市“北京”不是广东省的地级市，应为地市代码，如 4401（广州）。"),
                new StaffSheet.Refusal(9, "姓名含有控制字符（如换行、制表符），请删除后重试。"),
                new StaffSheet.Refusal(10, "身份证号不能为空。"),
                new StaffSheet.Refusal(11, "“所在城市”列之后还有内容，请检查是否多了逗号或错列。")), r.refused());
    }

    @Test
    void aNameOfOneHundredCharactersIsAcceptedAndOneMoreIsNot() throws StaffRules.Refused {
        assertEquals(100, StaffRules.person("𠀀".repeat(100), A, "OTHER", "中级", "4401", TODAY).name().codePointCount(0, 200));
        assertEquals("姓名超过 100 个字符（现有 101 个）。", assertThrows(StaffRules.Refused.class,
                () -> StaffRules.person("名".repeat(101), A, "OTHER", "中级", "4401", TODAY)).getMessage());
        assertEquals("姓名含有无效的字符（不成对的 UTF-16 代理项）。", assertThrows(StaffRules.Refused.class,
                () -> StaffRules.person("名\uD800", A, "OTHER", "中级", "4401", TODAY)).getMessage());
        assertEquals("姓名为空。", assertThrows(StaffRules.Refused.class,
                () -> StaffRules.person(null, A, "OTHER", "中级", "4401", TODAY)).getMessage());
    }

    @Test
    void theFileAsAWholeIsRefusedWhenItCannotBeAStaffFile() {
        assertEquals("表头第 3 列应为“行业”，实际为空。",
                assertThrows(SheetException.class, () -> read("姓名,身份证号\n")).getMessage());
        assertEquals("表头在第 5 列“所在城市”之后还有多余的列，请删除。",
                assertThrows(SheetException.class, () -> read("姓名,身份证号,行业,职称级别,所在城市,备注\n")).getMessage());
        assertEquals("文件里没有内容：第 1 行应为表头。", assertThrows(SheetException.class, () -> read("\n,,\n")).getMessage());
        assertEquals("文件是空的。", assertThrows(SheetException.class, () -> StaffSheet.read(new byte[0], TODAY)).getMessage());
        assertEquals("文件超过 6 MB，请分成多个文件上传。",
                assertThrows(SheetException.class, () -> StaffSheet.read(new byte[StaffSheet.MAX_BYTES + 1], TODAY)).getMessage());
        StringBuilder many = new StringBuilder("姓名,身份证号,行业,职称级别,所在城市\n");
        for (int i = 0; i <= StaffSheet.MAX_ROWS; i++) {
            many.append("某,1,OTHER,中级,4401\n");
        }
        assertEquals("人员超过 10000 行（不计表头和空行），请分成多个文件上传。",
                assertThrows(SheetException.class, () -> read(many.toString())).getMessage());
    }

    @Test
    void tenThousandRowsAreRead() throws SheetException {
        StringBuilder rows = new StringBuilder("姓名,身份证号,行业,职称级别,所在城市\n");
        for (int i = 0; i < StaffSheet.MAX_ROWS; i++) {
            String first17 = "445302" + (1960 + i % 40) + String.format("%02d%02d", 1 + i / 40 % 12, 1 + i / 480 % 28) + "001";
            rows.append("某").append(i).append(',').append(first17).append(IdNumber.checkCharacter(first17)).append(",OTHER,中级,4401\n");
        }
        StaffSheet.Result r = read(rows.toString());
        assertEquals(10_000, r.accepted().size());
        assertEquals(0, r.refused().size());
    }

    @Test
    void theScopeIsTheAdministratorsOwnUnit() {
        assertEquals(7L, StaffScope.unit(EnumSet.of(Role.EMPLOYER_ADMIN), 7L));
        ProblemException noUnit = assertThrows(ProblemException.class, () -> StaffScope.unit(EnumSet.of(Role.EMPLOYER_ADMIN), null));
        assertEquals(List.of(403, "no-employer", "该单位管理员账号未关联单位。"), List.of(noUnit.status(), noUnit.type(), noUnit.detail()));
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.EMPLOYER_ADMIN))) {
            ProblemException other = assertThrows(ProblemException.class, () -> StaffScope.unit(EnumSet.of(role), 7L));
            assertEquals(List.of(403, "not-employer-admin"), List.of(other.status(), other.type()));
        }
        StaffScope.requireMember(true, 5);
        ProblemException elsewhere = assertThrows(ProblemException.class, () -> StaffScope.requireMember(false, 5));
        assertEquals(List.of(404, "本单位没有这名人员（编号 5）。"), List.of(elsewhere.status(), elsewhere.detail()));
    }

    @Test
    void theRegisterDecidesCreateLinkMoveKeepOrRefuse() {
        assertEquals(new StaffMatch.Decision(StaffOutcome.CREATED, null), StaffMatch.decide(7, "甲", null));
        assertEquals(new StaffMatch.Decision(StaffOutcome.LINKED, null), StaffMatch.decide(7, "甲", new StaffMatch.Known(1, "甲", null)));
        assertEquals(new StaffMatch.Decision(StaffOutcome.UNCHANGED, null), StaffMatch.decide(7, "甲", new StaffMatch.Known(1, "甲", 7L)));
        assertEquals(new StaffMatch.Decision(StaffOutcome.MOVED, null), StaffMatch.decide(7, "甲", new StaffMatch.Known(1, "甲", 8L)));
        assertEquals(new StaffMatch.Decision(StaffOutcome.REFUSED, StaffMatch.OTHER_NAME),
                StaffMatch.decide(7, "乙", new StaffMatch.Known(1, "甲", 7L)));
    }

    @Test
    void theStandingCountsPendingApartAndMissingNeverBelowZero() {
        YearRecord.Hours required = new YearRecord.Hours(bd("30"), bd("42"), bd("18"), bd("90"));
        YearRecord record = YearRecord.of(2026, required, List.of(new YearRecord.Line("PUBLIC", "CONFIRMED", bd("30")),
                new YearRecord.Line("ELECTIVE", "CONFIRMED", bd("20.5")), new YearRecord.Line("PROFESSIONAL", "CONFIRMED", bd("10"))));
        Map<StaffStanding.Line, StaffStanding.Hours> s = StaffStanding.of(record, Map.of(Category.PROFESSIONAL, bd("12"),
                Category.ELECTIVE, bd("1.5")));
        assertEquals(new StaffStanding.Hours(bd("30"), bd("30"), bd("0"), bd("0"), true), s.get(StaffStanding.Line.PUBLIC));
        assertEquals(new StaffStanding.Hours(bd("42"), bd("10"), bd("12"), bd("32"), false), s.get(StaffStanding.Line.PROFESSIONAL));
        assertEquals(new StaffStanding.Hours(bd("18"), bd("20.5"), bd("1.5"), bd("0"), true), s.get(StaffStanding.Line.ELECTIVE));
        assertEquals(new StaffStanding.Hours(bd("90"), bd("60.5"), bd("13.5"), bd("29.5"), false), s.get(StaffStanding.Line.TOTAL));
        assertEquals(List.of(StaffStanding.Line.PUBLIC, StaffStanding.Line.PROFESSIONAL, StaffStanding.Line.ELECTIVE,
                StaffStanding.Line.TOTAL), List.copyOf(s.keySet()));
    }

    @Test
    void theTotalIsCompleteOnlyWhenEveryCategoryIs() {
        YearRecord.Hours required = new YearRecord.Hours(bd("30"), bd("42"), bd("18"), bd("90"));
        YearRecord record = YearRecord.of(2026, required, List.of(new YearRecord.Line("PUBLIC", "CONFIRMED", bd("60")),
                new YearRecord.Line("PROFESSIONAL", "CONFIRMED", bd("42"))));
        StaffStanding.Hours total = StaffStanding.of(record, Map.of()).get(StaffStanding.Line.TOTAL);
        assertEquals(new StaffStanding.Hours(bd("90"), bd("102"), bd("0"), bd("0"), false), total);
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

}
