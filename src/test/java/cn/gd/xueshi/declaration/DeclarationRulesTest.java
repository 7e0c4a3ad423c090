package cn.gd.xueshi.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.hours.Activity;
import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.Conversion;
import cn.gd.xueshi.hours.YearRule;
import cn.gd.xueshi.identity.Sector;

class DeclarationRulesTest {

    private static final YearRule Y2026 = new YearRule(2026, new BigDecimal("30"), new BigDecimal("42"), new BigDecimal("18"),
            new BigDecimal("90"), new BigDecimal("8"), LocalDate.of(2027, 1, 31));
    private static final Conversion TRAINING = new Conversion(2026, Activity.TRAINING, "学时", BigDecimal.ONE, null);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static DeclarationRules.Form form(Category category, String quantity) {
        return new DeclarationRules.Form(2026, category, Activity.TRAINING, "项目管理培训", "广州市职业培训中心", LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 4), new BigDecimal(quantity));
    }

    @Test
    void aGoodDeclarationHasNoRefusal() {
        assertEquals(List.of(), DeclarationRules.refusals(form(Category.ELECTIVE, "12"), Sector.ENGINEERING, Y2026, TRAINING, TODAY));
        assertEquals(List.of(), DeclarationRules.refusals(form(Category.PROFESSIONAL, "0.1"), Sector.ENGINEERING, Y2026, TRAINING, TODAY));
    }

    @Test
    void everyReasonIsGivenAtOnce() {
        DeclarationRules.Form empty = new DeclarationRules.Form(null, null, null, " ", null, null, null, null);
        assertEquals(List.of("请选择申报年度。", "请选择学时类别：专业科目或个人选修。", "请选择学习形式。", "请填写学习内容名称。",
                "请填写举办单位（期刊、项目来源）。", "请填写开始和结束日期。", "数量须为大于 0、不超过 999.9 的数，最多一位小数。"),
                DeclarationRules.refusals(empty, Sector.ENGINEERING, null, null, TODAY));
    }

    @Test
    void educationAndHealthDeclareNoProfessionalHoursHere() {
        assertEquals(List.of("教育行业的专业科目学时由行业主管部门在其系统认定后推送，不在此申报；个人选修学时可以申报。"),
                DeclarationRules.refusals(form(Category.PROFESSIONAL, "8"), Sector.EDUCATION, Y2026, TRAINING, TODAY));
        assertEquals(List.of("卫生健康行业的专业科目学时由行业主管部门在其系统认定后推送，不在此申报；个人选修学时可以申报。"),
                DeclarationRules.refusals(form(Category.PROFESSIONAL, "8"), Sector.HEALTH, Y2026, TRAINING, TODAY));
        assertEquals(List.of(), DeclarationRules.refusals(form(Category.ELECTIVE, "8"), Sector.HEALTH, Y2026, TRAINING, TODAY));
        assertEquals(List.of(), DeclarationRules.refusals(form(Category.PROFESSIONAL, "8"), Sector.ACCOUNTING, Y2026, TRAINING, TODAY));
    }

    @Test
    void textsAreUpTo200VisibleCharacters() {
        DeclarationRules.Form longest = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "长".repeat(200),
                "中".repeat(200), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), BigDecimal.ONE);
        assertEquals(List.of(), DeclarationRules.refusals(longest, Sector.OTHER, Y2026, TRAINING, TODAY));
        DeclarationRules.Form control = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "培训\u0007",
                "中心", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), BigDecimal.ONE);
        assertEquals(List.of("学习内容名称含有不可见的控制字符或格式字符。"),
                DeclarationRules.refusals(control, Sector.OTHER, Y2026, TRAINING, TODAY));
        DeclarationRules.Form override = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "培训",
                "abc\u202edcba", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), BigDecimal.ONE);
        assertEquals(List.of("举办单位（期刊、项目来源）含有不可见的控制字符或格式字符。"),
                DeclarationRules.refusals(override, Sector.OTHER, Y2026, TRAINING, TODAY));
        DeclarationRules.Form emoji = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "😀".repeat(200),
                "中心", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), BigDecimal.ONE);
        assertEquals(List.of(), DeclarationRules.refusals(emoji, Sector.OTHER, Y2026, TRAINING, TODAY), "200 characters, 400 UTF-16 units");
        DeclarationRules.Form tooLong = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "长".repeat(201),
                "中心", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), BigDecimal.ONE);
        assertEquals(List.of("学习内容名称不能超过 200 个字符。"), DeclarationRules.refusals(tooLong, Sector.OTHER, Y2026, TRAINING, TODAY));
    }

    @Test
    void quantitiesAreTenthsUpTo999Point9AndMustConvertToSomething() {
        DeclarationRules.Form most = new DeclarationRules.Form(2026, Category.PROFESSIONAL, Activity.CONFERENCE, "会议", "学会",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), new BigDecimal("999.9"));
        assertEquals(List.of(), DeclarationRules.refusals(most, Sector.ENGINEERING, Y2026,
                new Conversion(2026, Activity.CONFERENCE, "天", new BigDecimal("0.1"), null), TODAY));
        for (String bad : List.of("0", "-2", "1000", "1.25")) {
            assertEquals(List.of("数量须为大于 0、不超过 999.9 的数，最多一位小数。"),
                    DeclarationRules.refusals(form(Category.ELECTIVE, bad), Sector.ENGINEERING, Y2026, TRAINING, TODAY), bad);
        }
        Conversion tiny = new Conversion(2026, Activity.TRAINING, "学时", new BigDecimal("0.1"), null);
        assertEquals(List.of("按折算标准（每学时 0.1 学时）折算后不足 0.1 学时。"),
                DeclarationRules.refusals(form(Category.ELECTIVE, "0.5"), Sector.ENGINEERING, Y2026, tiny, TODAY));
        assertEquals(List.of("2026 年度没有“培训学习”的折算标准。"),
                DeclarationRules.refusals(form(Category.ELECTIVE, "5"), Sector.ENGINEERING, Y2026, null, TODAY));
    }

    @Test
    void aYearWithoutRulesIsNamedAndPapersAndProjectsAreWholeAndATrainingEarnsAtMostTheDailyCapADay() {
        assertEquals(List.of("申报年度无效：1999 年没有学时要求配置。"), DeclarationRules.refusals(new DeclarationRules.Form(1999,
                Category.ELECTIVE, Activity.TRAINING, "培训", "中心", LocalDate.of(1999, 3, 2), LocalDate.of(1999, 3, 4), BigDecimal.ONE),
                Sector.OTHER, null, TRAINING, TODAY));
        Conversion paper = new Conversion(2026, Activity.PAPER, "篇", new BigDecimal("12"), new BigDecimal("42"));
        DeclarationRules.Form half = new DeclarationRules.Form(2026, Category.PROFESSIONAL, Activity.PAPER, "论文", "期刊",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), new BigDecimal("0.5"));
        assertEquals(List.of("发表论文的数量须为整数（篇、项）。"), DeclarationRules.refusals(half, Sector.OTHER, Y2026, paper, TODAY));
        DeclarationRules.Form halfProject = new DeclarationRules.Form(2026, Category.PROFESSIONAL, Activity.PROJECT, "项目", "科技厅",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), new BigDecimal("1.5"));
        assertEquals(List.of("科研项目的数量须为整数（篇、项）。"), DeclarationRules.refusals(halfProject, Sector.OTHER, Y2026,
                new Conversion(2026, Activity.PROJECT, "项", new BigDecimal("20"), null), TODAY));
        DeclarationRules.Form two = new DeclarationRules.Form(2026, Category.PROFESSIONAL, Activity.PAPER, "论文", "期刊",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), new BigDecimal("2.0"));
        assertEquals(List.of(), DeclarationRules.refusals(two, Sector.OTHER, Y2026, paper, TODAY));
        DeclarationRules.Form conference = new DeclarationRules.Form(2026, Category.PROFESSIONAL, Activity.CONFERENCE, "会议", "学会",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), new BigDecimal("1.5"));
        assertEquals(List.of(), DeclarationRules.refusals(conference, Sector.OTHER, Y2026,
                new Conversion(2026, Activity.CONFERENCE, "天", new BigDecimal("8"), null), TODAY));
        // three days (2 to 4 March) at 8 a day
        assertEquals(List.of(), DeclarationRules.refusals(form(Category.ELECTIVE, "24"), Sector.OTHER, Y2026, TRAINING, TODAY));
        assertEquals(List.of("培训 3 天最多 24 学时（每天不超过 8 学时）。"),
                DeclarationRules.refusals(form(Category.ELECTIVE, "24.1"), Sector.OTHER, Y2026, TRAINING, TODAY));
        DeclarationRules.Form reversed = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "培训", "中心",
                LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 2), new BigDecimal("30"));
        assertEquals(List.of("结束日期不能早于开始日期。"), DeclarationRules.refusals(reversed, Sector.OTHER, Y2026, TRAINING, TODAY));
        DeclarationRules.Form undated = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "培训", "中心",
                null, LocalDate.of(2026, 3, 2), new BigDecimal("30"));
        assertEquals(List.of("请填写开始和结束日期。"), DeclarationRules.refusals(undated, Sector.OTHER, Y2026, TRAINING, TODAY));
        DeclarationRules.Form unended = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "培训", "中心",
                LocalDate.of(2026, 3, 2), null, new BigDecimal("30"));
        assertEquals(List.of("请填写开始和结束日期。"), DeclarationRules.refusals(unended, Sector.OTHER, Y2026, TRAINING, TODAY));
        DeclarationRules.Form sameDay = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "培训", "中心",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), new BigDecimal("8"));
        assertEquals(List.of(), DeclarationRules.refusals(sameDay, Sector.OTHER, Y2026, TRAINING, TODAY));
    }

    @Test
    void aFileIsNamedForTheTypeItsBytesShow() {
        assertEquals("证书.pdf", DeclarationRules.withExtension("证书.pdf", "application/pdf"));
        assertEquals("证书.PDF", DeclarationRules.withExtension("证书.PDF", "application/pdf"));
        assertEquals("x.html.pdf", DeclarationRules.withExtension("x.html", "application/pdf"));
        assertEquals("x.svg.png", DeclarationRules.withExtension("x.svg", "image/png"));
        assertEquals("photo.jpeg", DeclarationRules.withExtension("photo.jpeg", "image/jpeg"));
        assertEquals("photo.jpg", DeclarationRules.withExtension("photo.jpg", "image/jpeg"));
        assertEquals("photo.png.jpg", DeclarationRules.withExtension("photo.png", "image/jpeg"));
        assertEquals("x.pdf.png", DeclarationRules.withExtension("x.pdf", "image/png"));
        assertEquals("x.exe", DeclarationRules.withExtension("x.exe", null));
    }

    @Test
    void datesLieInTheYearInOrderAndNotInTheFuture() {
        DeclarationRules.Form reversed = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "培训", "中心",
                LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 2), BigDecimal.ONE);
        assertEquals(List.of("结束日期不能早于开始日期。"), DeclarationRules.refusals(reversed, Sector.OTHER, Y2026, TRAINING, TODAY));
        DeclarationRules.Form straddling = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "培训", "中心",
                LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2), BigDecimal.ONE);
        assertEquals(List.of("起止日期须在申报年度（2026 年）之内。"), DeclarationRules.refusals(straddling, Sector.OTHER, Y2026, TRAINING, TODAY));
        DeclarationRules.Form tomorrow = new DeclarationRules.Form(2026, Category.ELECTIVE, Activity.TRAINING, "培训", "中心",
                TODAY, TODAY.plusDays(1), BigDecimal.ONE);
        assertEquals(List.of("结束日期不能晚于今天。"), DeclarationRules.refusals(tomorrow, Sector.OTHER, Y2026, TRAINING, TODAY));
    }

    @Test
    void evidenceIsOneToFourFilesOfAKnownTypeUpToFiveMegabytes() {
        DeclarationRules.File pdf = new DeclarationRules.File("a.pdf", 100, "application/pdf");
        assertEquals(List.of(), DeclarationRules.evidenceRefusals(List.of(pdf), true));
        assertEquals(List.of("请上传证明材料（PDF 或图片）。"), DeclarationRules.evidenceRefusals(List.of(), true));
        assertEquals(List.of(), DeclarationRules.evidenceRefusals(List.of(), false));
        assertEquals(List.of("证明材料最多 4 个文件。"), DeclarationRules.evidenceRefusals(List.of(pdf, pdf, pdf, pdf, pdf), true));
        assertEquals(List.of(), DeclarationRules.evidenceRefusals(List.of(pdf, pdf, pdf, pdf), true));
        assertEquals(List.of("“b.pdf”超过 5 MB。"), DeclarationRules.evidenceRefusals(
                List.of(new DeclarationRules.File("b.pdf", DeclarationRules.MAX_FILE_BYTES + 1, "application/pdf")), true));
        assertEquals(List.of(), DeclarationRules.evidenceRefusals(
                List.of(new DeclarationRules.File("b.pdf", DeclarationRules.MAX_FILE_BYTES, "application/pdf")), true));
        assertEquals(List.of("“c.pdf”不是 PDF、PNG 或 JPEG 文件（按文件内容判断，与文件名无关）。"),
                DeclarationRules.evidenceRefusals(List.of(new DeclarationRules.File("c.pdf", 10, null)), true));
        assertEquals(List.of("“d.png”是空文件。"), DeclarationRules.evidenceRefusals(List.of(new DeclarationRules.File("d.png", 0, null)), true));
    }

    @Test
    void fileNamesLoseFoldersAndInvisibleCharacters() {
        assertEquals("证书.pdf", DeclarationRules.fileName("C:\\Users\\me\\证书.pdf"));
        assertEquals("证书.pdf", DeclarationRules.fileName("../../证\u0000书\u202e.pdf"));
        assertEquals("证明材料", DeclarationRules.fileName("/\u0007"));
        assertEquals("证明材料", DeclarationRules.fileName(null));
        assertEquals(200, DeclarationRules.fileName("长".repeat(300) + ".pdf").length());
        assertEquals("长".repeat(196) + ".pdf", DeclarationRules.fileName("长".repeat(196) + ".pdf"));
        assertEquals(true, DeclarationRules.fileName("长".repeat(300) + ".pdf").endsWith(".pdf"));
    }
}
