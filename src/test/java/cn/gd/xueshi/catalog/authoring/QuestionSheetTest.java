package cn.gd.xueshi.catalog.authoring;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import cn.gd.xueshi.catalog.authoring.QuestionSheet.Kind;
import cn.gd.xueshi.catalog.authoring.QuestionSheet.Option;
import cn.gd.xueshi.catalog.authoring.QuestionSheet.Refusal;
import cn.gd.xueshi.catalog.authoring.QuestionSheet.Result;
import cn.gd.xueshi.catalog.authoring.QuestionSheet.Row;
import cn.gd.xueshi.shared.sheet.SheetException;

class QuestionSheetTest {

    private static final String HEADER = "题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案";
    private static final String GOOD = "单选,安全帽的作用是？,防止头部受伤,美观,,,,,A";
    private static final String CONTROL = " 含有控制字符（如换行、制表符、NUL），请删除后再上传。";

    // ---- CSV: each kind, exactly

    @Test
    void singleChoiceRowBecomesAQuestionWithItsOneCorrectOption() throws SheetException {
        Result result = QuestionSheet.read(csv(HEADER, "单选,安全帽的作用是？,美观,防止头部受伤,保暖,,,,B"));

        assertEquals(List.of(new Row(2, Kind.SINGLE, "安全帽的作用是？", List.of(new Option("美观", false),
                new Option("防止头部受伤", true), new Option("保暖", false)))), result.accepted());
        assertEquals(List.of(), result.refused());
    }

    @Test
    void multipleChoiceAnswerMayBeInEitherCaseSeparatedByCommasSpacesOrEnumerationCommas() throws SheetException {
        Result result = QuestionSheet.read(csv(HEADER,
                "多选,属于劳保用品的有,手套,口罩,香水,护目镜,安全鞋,耳塞,\"a, B、d，E F\"",
                "多选,两个都对,是,也是,,,,,AB"));

        assertEquals(List.of(
                new Row(2, Kind.MULTIPLE, "属于劳保用品的有", List.of(new Option("手套", true), new Option("口罩", true),
                        new Option("香水", false), new Option("护目镜", true), new Option("安全鞋", true), new Option("耳塞", true))),
                new Row(3, Kind.MULTIPLE, "两个都对", List.of(new Option("是", true), new Option("也是", true)))),
                result.accepted());
        assertEquals(List.of(), result.refused());
    }

    @Test
    void trueFalseRowGetsTheOptionsCorrectAndWrongWithTheRightOneMarked() throws SheetException {
        List<String> rights = List.of("对", "正确", "T", "TRUE", "t", "true");
        List<String> wrongs = List.of("错", "错误", "F", "FALSE", "f", "False");
        List<String> lines = new ArrayList<>(List.of(HEADER));
        rights.forEach(a -> lines.add("判断,特种作业须持证上岗,,,,,,," + a));
        wrongs.forEach(a -> lines.add("判断,可以酒后上岗,,,,,,," + a));

        Result result = QuestionSheet.read(csv(lines.toArray(String[]::new)));

        List<Row> expected = new ArrayList<>();
        for (int i = 0; i < rights.size(); i++) {
            expected.add(new Row(2 + i, Kind.TRUE_FALSE, "特种作业须持证上岗", List.of(new Option("正确", true), new Option("错误", false))));
        }
        for (int i = 0; i < wrongs.size(); i++) {
            expected.add(new Row(8 + i, Kind.TRUE_FALSE, "可以酒后上岗", List.of(new Option("正确", false), new Option("错误", true))));
        }
        assertEquals(expected, result.accepted());
        assertEquals(List.of(), result.refused());
    }

    @Test
    void kindsMayAlsoBeWrittenAsTheirEnglishNames() throws SheetException {
        Result result = QuestionSheet.read(csv(HEADER, "SINGLE,问,甲,乙,,,,,b", "multiple,问,甲,乙,,,,,a b", "True_False,问,,,,,,,错"));

        assertEquals(List.of(Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE), result.accepted().stream().map(Row::kind).toList());
    }

    @Test
    void cellsAreTrimmedOfSurroundingSpacesIncludingIdeographicOnes() throws SheetException {
        Result result = QuestionSheet.read(csv(HEADER, " 单选 ,\u3000安全帽的作用是？  , 防止头部受伤 ,美观 ,,  ,,, a "));

        assertEquals(List.of(new Row(2, Kind.SINGLE, "安全帽的作用是？", List.of(new Option("防止头部受伤", true),
                new Option("美观", false)))), result.accepted());
    }

    @Test
    void textsUpToTheirLimitsAreAccepted() throws SheetException {
        String text = "题".repeat(2_000);
        String option = "😀".repeat(500); // counted in characters, not UTF-16 units

        Result result = QuestionSheet.read(csv(HEADER, "单选," + text + "," + option + ",乙,,,,,A"));

        assertEquals(List.of(new Row(2, Kind.SINGLE, text, List.of(new Option(option, true), new Option("乙", false)))),
                result.accepted());
    }

    @Test
    void blankRowsAreSkippedSilentlyAndRowNumbersStayThoseOfTheSheet() throws SheetException {
        Result result = QuestionSheet.read(csv(HEADER, "", GOOD, " , ,,,,,,, ", ",,,,,,,,", "判断,问,,,,,,,错", "   "));

        assertEquals(List.of(3, 6), result.accepted().stream().map(Row::rowNumber).toList());
        assertEquals(List.of(), result.refused());
    }

    // ---- CSV: each refusal, with its row

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(",题干,甲,乙,,,,,A", "题型为空，应为 单选、多选 或 判断。"),
                Arguments.of("填空,题干,甲,乙,,,,,A", "题型“填空”无效，应为 单选、多选 或 判断。"),
                Arguments.of("单选, ,甲,乙,,,,,A", "题干为空。"),
                Arguments.of("单选," + "题".repeat(2_001) + ",甲,乙,,,,,A", "题干 超过 2000 个字符（现有 2001 个）。"),
                Arguments.of("单选,题干,甲," + "乙".repeat(501) + ",,,,,A", "选项B 超过 500 个字符（现有 501 个）。"),
                Arguments.of("单选,题干,甲,,丙,,,,A", "选项不连续：选项B 为空，但 选项C 有内容。"),
                Arguments.of("多选,题干,,乙,丙,,,,BC", "选项不连续：选项A 为空，但 选项B 有内容。"),
                Arguments.of("单选,题干,甲,,,,,,A", "单选题至少需要 2 个选项（现有 1 个）。"),
                Arguments.of("多选,题干,,,,,,,A", "多选题至少需要 2 个选项（现有 0 个）。"),
                Arguments.of("单选,题干,甲,乙, 甲 ,,,,A", "选项A 与 选项C 内容相同。"),
                Arguments.of("单选,题干,甲,乙,,,,,", "答案为空，应填写正确选项的字母，如 B 或 A,C。"),
                Arguments.of("单选,题干,甲,乙,,,,,1", "答案“1”中有无效字符“1”，只能填写选项字母 A–F。"),
                Arguments.of("多选,题干,甲,乙,丙,,,,A;B", "答案“A;B”中有无效字符“;”，只能填写选项字母 A–F。"),
                Arguments.of("多选,题干,甲,乙,丙,丁,戊,己,AG", "答案“AG”中有无效字符“G”，只能填写选项字母 A–F。"),
                Arguments.of("多选,题干,甲,乙,丙,,,,\"A,a\"", "答案中的 A 重复。"),
                Arguments.of("单选,题干,甲,乙,丙,,,,D", "答案中的 D 没有对应的选项（本题只有 A–C）。"),
                Arguments.of("单选,题干,甲,乙,丙,,,,AB", "单选题的答案只能是 1 个字母（现有 2 个）。"),
                Arguments.of("多选,题干,甲,乙,丙,,,,C", "多选题的答案至少需要 2 个字母（现有 1 个）。"),
                Arguments.of("判断,题干,对,,,,,,对", "判断题的选项列应留空（选项A 有内容），系统会生成“正确”“错误”两个选项。"),
                Arguments.of("判断,题干,,,,,,错,对", "判断题的选项列应留空（选项F 有内容），系统会生成“正确”“错误”两个选项。"),
                Arguments.of("判断,题干,,,,,,,", "答案为空，判断题应填 对 或 错。"),
                Arguments.of("判断,题干,,,,,,,是", "判断题答案“是”无效，应为 对 或 错（也可写 正确/错误、T/F、TRUE/FALSE）。"),
                Arguments.of("单选,题\u0007干,甲,乙,,,,,A", "题干" + CONTROL),
                Arguments.of("单选,题干,甲,\t乙,,,,,A", "选项B" + CONTROL),
                Arguments.of("单选,题干,甲,乙,,,,,A\u001b", "答案" + CONTROL),
                Arguments.of("单选,题干,甲,乙,,,,,A,多余", "“答案”列之后还有内容，请检查是否多了逗号或错列。"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void aFaultyRowIsRefusedWithItsRowNumberAndReasonWhileTheOthersAreRead(String row, String reason) throws SheetException {
        Result result = QuestionSheet.read(csv(HEADER, GOOD, "", row, GOOD));

        assertEquals(List.of(new Refusal(4, reason)), result.refused());
        assertEquals(List.of(2, 5), result.accepted().stream().map(Row::rowNumber).toList());
    }

    // ---- CSV: the file itself

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaksWithoutShiftingTheRowsBelow() throws SheetException {
        String body = HEADER + "\n"
                + "单选,\"第一行\n第二行\",甲,乙,,,,,A\n"
                + "单选,\"他说：\"\"安全第一\"\"，对吗？\",\"是,对\",\"\"\"否\"\"\",,,,,\"A\"\n";

        Result result = QuestionSheet.read(body.getBytes(UTF_8));

        assertEquals(List.of(new Refusal(2, "题干" + CONTROL)), result.refused());
        assertEquals(List.of(new Row(3, Kind.SINGLE, "他说：\"安全第一\"，对吗？", List.of(new Option("是,对", true),
                new Option("\"否\"", false)))), result.accepted());
    }

    @Test
    void crlfAndLoneCrLineEndsReadLikeLf() throws SheetException {
        byte[] crlf = (HEADER + "\r\n" + GOOD + "\r\n\r\n判断,问,,,,,,,对\r\n").getBytes(UTF_8);
        byte[] cr = (HEADER + "\r" + GOOD + "\r\r判断,问,,,,,,,对").getBytes(UTF_8);

        for (byte[] body : List.of(crlf, cr)) {
            Result result = QuestionSheet.read(body);
            assertEquals(List.of(2, 4), result.accepted().stream().map(Row::rowNumber).toList());
            assertEquals(QuestionSheet.read(csv(HEADER, GOOD, "", "判断,问,,,,,,,对")), result);
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsIgnored() throws SheetException {
        byte[] plain = csv(HEADER, GOOD);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);

        assertEquals(QuestionSheet.read(plain), QuestionSheet.read(withBom));
        assertEquals(1, QuestionSheet.read(withBom).accepted().size());
    }

    @Test
    void gb18030CsvAsExcelInChinaSavesItIsRead() throws SheetException {
        Charset gb = Charset.forName("GB18030");
        byte[] body = (HEADER + "\r\n" + "多选,下列属于劳保用品的有（　）,安全帽,手套,香水,,,,\"A,B\"\r\n").getBytes(gb);
        assertFalse(isUtf8(body), "the test file must not happen to be valid UTF-8");

        Result result = QuestionSheet.read(body);

        assertEquals(List.of(new Row(2, Kind.MULTIPLE, "下列属于劳保用品的有（　）", List.of(new Option("安全帽", true),
                new Option("手套", true), new Option("香水", false)))), result.accepted());
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030RefuseTheFile() {
        byte[] broken = concat((HEADER + "\n单选,").getBytes(UTF_8), new byte[] {(byte) 0x80, (byte) 0xFF});

        assertRefused("无法识别文件的文字编码，请保存为 UTF-8 或 GB18030（GBK）编码的 CSV，或 .xlsx。", broken);
    }

    @Test
    void utf16TextIsRefusedWithAHintHowToSaveIt() {
        byte[] body = ("\uFEFF" + HEADER).getBytes(Charset.forName("UTF-16LE"));

        assertRefused("文件是 UTF-16 编码的文本，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再上传。", body);
    }

    @Test
    void anUnterminatedQuoteRefusesTheFileNamingTheRowWhereItOpened() {
        assertRefused("第 3 行有未闭合的双引号（\"），请检查该行。", csv(HEADER, GOOD, "单选,\"安全帽的作用是？,甲,乙,,,,,A", GOOD));
    }

    @Test
    void aHeaderWithSurroundingSpacesIsAccepted() throws SheetException {
        Result result = QuestionSheet.read(csv(" 题型 ,题干,\t选项A,选项B ,选项C,选项D,选项E,选项F,答案 ,,", GOOD));

        assertEquals(1, result.accepted().size());
    }

    @Test
    void aWrongHeaderRefusesTheFileNamingTheColumn() {
        assertRefused("表头第 3 列应为“选项A”，实际是“选项 A”。", csv("题型,题干,选项 A,选项B,选项C,选项D,选项E,选项F,答案", GOOD));
        assertRefused("表头第 1 列应为“题型”，实际是“题干”。", csv("题干,题型,选项A,选项B,选项C,选项D,选项E,选项F,答案", GOOD));
        assertRefused("表头第 9 列应为“答案”，实际为空。", csv("题型,题干,选项A,选项B,选项C,选项D,选项E,选项F", GOOD));
        assertRefused("表头在第 9 列“答案”之后还有多余的列，请删除。", csv(HEADER + ",解析", GOOD));
        assertRefused("表头第 1 列应为“题型”，实际是“单选”。", csv(GOOD, GOOD));
    }

    @Test
    void anEmptyOrBlankFileIsRefused() {
        assertRefused("文件是空的。", new byte[0]);
        assertRefused("文件里没有内容：第 1 行应为表头。", "\n ,, \r\n".getBytes(UTF_8));
    }

    @Test
    void twoThousandQuestionsAreReadButOneMoreRefusesTheFile() throws SheetException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 2_000; i++) {
            lines.add("判断,第 " + i + " 题,,,,,,,对");
            lines.add(""); // blank rows do not count
        }
        assertEquals(2_000, QuestionSheet.read(csv(lines.toArray(String[]::new))).accepted().size());

        lines.add("判断,一题太多,,,,,,,错");
        assertRefused("题目超过 2000 行（不计表头和空行），请分成多个文件上传。", csv(lines.toArray(String[]::new)));
    }

    @Test
    void aFileOverFiveMegabytesIsRefused() {
        byte[] body = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) '\n');

        assertRefused("文件超过 5 MB，请分成多个文件上传。", body);
    }

    @Test
    void aBinaryFileThatIsNotAZipIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

        assertRefused("无法读取：文件不是 CSV 文本，也不是 .xlsx 工作簿。", png);
        assertRefused("这是旧版 Excel（.xls）或加密的工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后再上传。", xls);
    }

    // ---- XLSX

    @Test
    void xlsxIsReadFromItsFirstSheetWithSharedInlineNumberAndBooleanCellsAndMissingOnes() throws SheetException {
        String shared = sst(List.of("题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案", "单选"),
                "<si><r><rPr><b/></rPr><t>以下哪项是</t></r><r><t xml:space=\"preserve\">安全帽的作用？ </t></r>"
                        + "<rPh sb=\"0\" eb=\"1\"><t>YIXIA</t></rPh></si>",
                "<si><t>判断</t></si>");
        String questions = worksheet(sharedHeaderRow()
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>9</v></c><c r=\"B2\" t=\"s\"><v>10</v></c>"
                + inline("C2", "防止头部受伤") + "<c r=\"D2\" t=\"inlineStr\"><is><r><t>美</t></r><r><t>观</t></r></is></c>"
                + "<c r=\"E2\" s=\"1\"><v>3.5</v></c>" + inline("I2", "a") + "</row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>11</v></c>" + inline("B4", "特种作业须持证上岗")
                + "<c r=\"I4\" t=\"b\"><v>1</v></c></row>"
                + "<row r=\"5\"><c t=\"inlineStr\"><is><t>多选</t></is></c><c t=\"inlineStr\"><is><t>劳保用品代号_x005F_x0041_</t></is></c>"
                + inline("C5", "手套") + "<c r=\"D5\" t=\"str\"><f>CONCAT(\"口\",\"罩\")</f><v>口罩</v></c>"
                + "<c r=\"E5\"><v>110</v></c>" + inline("I5", "A, B、C") + "</row>"
                + "<row r=\"6\">" + inline("A6", "  ") + "</row>");
        String decoy = worksheet("<row r=\"1\">" + inline("A1", "说明") + "</row>");
        byte[] body = xlsx(Map.of("xl/worksheets/questions.xml", questions, "xl/worksheets/sheet1.xml", decoy,
                "xl/sharedStrings.xml", shared), "worksheets/questions.xml", "/xl/worksheets/sheet1.xml");

        Result result = QuestionSheet.read(body);

        assertEquals(List.of(
                new Row(2, Kind.SINGLE, "以下哪项是安全帽的作用？", List.of(new Option("防止头部受伤", true), new Option("美观", false),
                        new Option("3.5", false))),
                new Row(4, Kind.TRUE_FALSE, "特种作业须持证上岗", List.of(new Option("正确", true), new Option("错误", false))),
                new Row(5, Kind.MULTIPLE, "劳保用品代号_x0041_", List.of(new Option("手套", true), new Option("口罩", true),
                        new Option("110", true)))),
                result.accepted());
        assertEquals(List.of(), result.refused());
    }

    @Test
    void xlsxFallsBackToSheet1WhenTheWorkbookNamesNoSheet() throws SheetException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("xl/worksheets/sheet1.xml", worksheet(headerRow() + "<row r=\"2\">" + inline("A2", "判断") + inline("B2", "问")
                + inline("I2", "F") + "</row>"));
        Result result = QuestionSheet.read(zip(parts));

        assertEquals(List.of(new Row(2, Kind.TRUE_FALSE, "问", List.of(new Option("正确", false), new Option("错误", true)))),
                result.accepted());
    }

    @Test
    void xlsxCellsWithAnEscapedControlCharacterOrALoneSurrogateRefuseTheirRows() throws SheetException {
        String sheet = worksheet(headerRow()
                + "<row r=\"2\">" + inline("A2", "单选") + inline("B2", "题_x0000_干") + inline("C2", "甲") + inline("D2", "乙")
                + inline("I2", "A") + "</row>"
                + "<row r=\"3\">" + inline("A3", "单选") + inline("B3", "题干") + inline("C3", "甲_xD800_") + inline("D3", "乙")
                + inline("I3", "A") + "</row>");

        Result result = QuestionSheet.read(xlsx(Map.of("xl/worksheets/sheet1.xml", sheet), "worksheets/sheet1.xml"));

        assertEquals(List.of(new Refusal(2, "题干" + CONTROL), new Refusal(3, "选项A 含有无效的字符（不成对的 UTF-16 代理项）。")),
                result.refused());
    }

    @Test
    void xlsxWithAnEntityDeclarationIsRefusedWithoutReadingTheFileItNames(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-7f3a");
        String uri = secret.toUri().toString();
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + uri + "\">]>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&xxe;</t></si></sst>";
        String parameter = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>"
                + worksheet(headerRow());

        SheetException viaStrings = assertThrows(SheetException.class, () -> QuestionSheet.read(xlsx(Map.of(
                "xl/sharedStrings.xml", entity, "xl/worksheets/sheet1.xml", worksheet(headerRow())), "worksheets/sheet1.xml")));
        SheetException viaSheet = assertThrows(SheetException.class, () -> QuestionSheet.read(xlsx(Map.of(
                "xl/worksheets/sheet1.xml", parameter), "worksheets/sheet1.xml")));

        assertEquals("无法读取 .xlsx：xl/sharedStrings.xml 含有 DTD 或实体声明，出于安全原因拒绝读取。", viaStrings.getMessage());
        assertEquals("无法读取 .xlsx：xl/worksheets/sheet1.xml 含有 DTD 或实体声明，出于安全原因拒绝读取。", viaSheet.getMessage());
    }

    @Test
    void aZipBombIsRefusedQuickly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bomb = out.toByteArray();
        assertTrue(bomb.length < 200_000, "100 MB of zeros compress to " + bomb.length + " bytes");

        SheetException e = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> assertThrows(SheetException.class, () -> QuestionSheet.read(bomb)));
        assertEquals("无法读取 .xlsx：解压后内容过大（疑似压缩炸弹）。", e.getMessage());
    }

    @Test
    void aZipOfTooManyEntriesIsRefused() {
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i <= 1_000; i++) {
            parts.put("x/" + i, "");
        }
        assertRefused("无法读取 .xlsx：压缩包里的文件超过 1000 个。", zip(parts));
    }

    @Test
    void aBrokenZipOrOneWithoutASheetIsRefused() {
        byte[] truncated = Arrays.copyOf(xlsx(Map.of("xl/worksheets/sheet1.xml", worksheet(headerRow())),
                "worksheets/sheet1.xml"), 60);

        assertRefused("无法读取 .xlsx：文件已损坏，或不是 Excel 工作簿。", truncated);
        assertRefused("无法读取 .xlsx：文件里找不到工作表。", zip(Map.of("word/document.xml", "<w:document/>")));
        assertRefused("无法读取 .xlsx：xl/worksheets/sheet1.xml 不是有效的 XML。", zip(Map.of("xl/worksheets/sheet1.xml", "<worksheet>")));
    }

    @Test
    void xlsxCellsThatPointNowhereRefuseTheFile() {
        assertRefused("无法读取 .xlsx：单元格引用了不存在的共享字符串“12”。",
                zip(Map.of("xl/worksheets/sheet1.xml", worksheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>12</v></c></row>"))));
        assertRefused("无法读取 .xlsx：工作表里的单元格位置“ZZZZ1”无效。",
                zip(Map.of("xl/worksheets/sheet1.xml", worksheet("<row r=\"1\">" + inline("ZZZZ1", "x") + "</row>"))));
        assertRefused("无法读取 .xlsx：工作表里的行号“0”无效。",
                zip(Map.of("xl/worksheets/sheet1.xml", worksheet("<row r=\"0\">" + inline("A1", "x") + "</row>"))));
    }

    // ---- any bytes at all

    @Test
    void anyBytesEitherParseOrRaiseSheetException() {
        Gen<byte[]> random = lists().of(Generate.range(-128, 127)).ofSizeBetween(0, 300).map(QuestionSheetTest::bytes);
        Gen<byte[]> csvish = lists().of(Generate.pick(List.of(",", "\"", "\n", "\r", " ", "单选", "多选", "判断", "题", "A", "b",
                "、", "对", "TRUE", "\u0007", "😀", "\uFEFF", HEADER + "\n", GOOD + "\n"))).ofSizeBetween(0, 60)
                .map(tokens -> String.join("", tokens).getBytes(UTF_8));
        Gen<String> xml = lists().of(Generate.pick(List.of("<row>", "<row r=\"2\">", "<row r=\"x\">", "</row>", "<c r=\"B2\" t=\"s\">",
                "<c t=\"inlineStr\">", "<c r=\"I9\" t=\"b\">", "<c>", "</c>", "<v>", "</v>", "<is><t>", "</t></is>", "0", "99999999999",
                "-1", "单选", "_x0000_", "_xD800_", "&amp;", "&#0;", "<!DOCTYPE a>", "<rPh><t>", "</t></rPh>", "<![CDATA[A]]>",
                "<sheetData>", "</sheetData>", " "))).ofSizeBetween(0, 40).map(fragments -> String.join("", fragments));
        Gen<byte[]> xlsxish = xml.zip(xml, (sheet, strings) -> xlsx(Map.of("xl/worksheets/sheet1.xml",
                worksheet(headerRow() + sheet), "xl/sharedStrings.xml", sst(List.of("单选", "题干", "A"), strings)),
                "worksheets/sheet1.xml"));
        Gen<byte[]> damaged = xlsxish.zip(lists().of(Generate.range(0, Integer.MAX_VALUE)).ofSizeBetween(1, 4), QuestionSheetTest::damage);
        Gen<byte[]> zipMagic = random.map(tail -> concat(new byte[] {'P', 'K', 3, 4}, tail));
        qt().withExamples(4_000).forAll(Generate.oneOf(random, csvish, xlsxish, damaged, zipMagic)).checkAssert(QuestionSheetTest::parsesOrRefuses);
    }

    private static void parsesOrRefuses(byte[] body) {
        Result result;
        try {
            result = QuestionSheet.read(body);
        } catch (SheetException refused) {
            assertFalse(refused.getMessage().isBlank());
            return;
        }
        for (Row row : result.accepted()) {
            long correct = row.options().stream().filter(Option::correct).count();
            assertTrue(row.rowNumber() > 1 && !row.text().isEmpty() && row.options().size() >= 2 && row.options().size() <= 6);
            assertTrue(row.kind() == Kind.MULTIPLE ? correct >= 2 : correct == 1, row::toString);
        }
        result.refused().forEach(r -> assertTrue(r.rowNumber() > 1 && !r.reason().isBlank()));
    }

    // ---- helpers

    private static byte[] csv(String... lines) {
        return String.join("\n", lines).concat("\n").getBytes(UTF_8);
    }

    private static void assertRefused(String message, byte[] body) {
        assertEquals(message, assertThrows(SheetException.class, () -> QuestionSheet.read(body)).getMessage());
    }

    private static boolean isUtf8(byte[] body) {
        try {
            UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The header as inline strings. */
    private static String headerRow() {
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        List<String> names = List.of(HEADER.split(","));
        for (int i = 0; i < names.size(); i++) {
            row.append(inline((char) ('A' + i) + "1", names.get(i)));
        }
        return row.append("</row>").toString();
    }

    /** The header as shared strings 0 to 8. */
    private static String sharedHeaderRow() {
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        for (int i = 0; i < 9; i++) {
            row.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"s\"><v>").append(i).append("</v></c>");
        }
        return row.append("</row>").toString();
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + text + "</t></is></c>";
    }

    private static String worksheet(String rows) {
        return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:I9\"/>"
                + "<sheetData>" + rows + "</sheetData></worksheet>";
    }

    private static String sst(List<String> plain, String... rich) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + plain.stream().map(s -> "<si><t>" + s + "</t></si>").collect(Collectors.joining()) + String.join("", rich) + "</sst>";
    }

    /** A workbook whose sheets, in tab order, are the given relationship targets (the first is rId7, as Excel may number it). */
    private static byte[] xlsx(Map<String, String> parts, String... sheetTargets) {
        StringBuilder sheets = new StringBuilder();
        StringBuilder relations = new StringBuilder();
        for (int i = 0; i < sheetTargets.length; i++) {
            sheets.append("<sheet name=\"表").append(i + 1).append("\" sheetId=\"").append(i + 1).append("\" r:id=\"rId").append(7 + i)
                    .append("\"/>");
            relations.append("<Relationship Id=\"rId").append(7 + i)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"")
                    .append(sheetTargets[i]).append("\"/>");
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        all.put("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheets + "</sheets></workbook>");
        all.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + relations + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
                + " Target=\"styles.xml\"/></Relationships>");
        all.putAll(parts);
        return zip(all);
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(List<Integer> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).byteValue();
        }
        return out;
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static byte[] damage(byte[] body, List<Integer> positions) {
        byte[] out = body.clone();
        for (int p : positions) {
            out[p % out.length] ^= (byte) (1 + p % 255);
        }
        return out;
    }
}
