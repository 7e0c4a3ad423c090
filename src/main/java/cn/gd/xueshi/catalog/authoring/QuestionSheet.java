package cn.gd.xueshi.catalog.authoring;

import java.util.ArrayList;
import java.util.List;

import cn.gd.xueshi.shared.sheet.SheetException;
import cn.gd.xueshi.shared.sheet.SheetFile;
import cn.gd.xueshi.shared.sheet.SheetRow;
import cn.gd.xueshi.shared.sheet.SheetRows;

/**
 * Reads a question bank that a content editor uploads, as CSV or .xlsx, into questions and a report
 * of the rows refused and why. Plain Java: no framework, no database.
 *
 * <p>The file:
 * <ul>
 * <li>.xlsx is recognised by its bytes (a ZIP, {@code PK\3\4}) and read from its first worksheet;
 * anything else is read as CSV (RFC 4180; UTF-8 with or without BOM, else GB18030). An .xls or
 * other binary file is refused as a whole. At most 5 MB and 2,000 questions.</li>
 * <li>The first non-blank row is the header, exactly: 题型, 题干, 选项A, 选项B, 选项C, 选项D, 选项E,
 * 选项F, 答案 (surrounding spaces allowed). A wrong header refuses the whole file, naming the
 * column.</li>
 * <li>题型 is 单选, 多选 or 判断 (or SINGLE, MULTIPLE, TRUE_FALSE). 题干 has 1–2,000 characters.</li>
 * <li>单选 and 多选: 2–6 distinct options of 1–500 characters, filled from 选项A on without a gap;
 * 答案 is the letters of the correct options (A–F, either case, optionally separated by commas,
 * spaces or 、): exactly one for 单选, at least two for 多选.</li>
 * <li>判断: the option columns are empty; 答案 is 对 or 错 (or 正确/错误, T/F, TRUE/FALSE); the
 * question gets the options 正确 and 错误, the right one marked correct.</li>
 * <li>Cells are trimmed; a cell holding a control character (a line break or tab included) or half
 * a surrogate pair refuses its row. Blank rows are skipped without a word.</li>
 * </ul>
 * Row numbers are the rows as the editor sees them in the sheet, the header being row 1.
 */
public final class QuestionSheet {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_QUESTIONS = 2_000;

    /** The format as the upload page states it to editors. */
    public static final String FORMAT_HELP = """
            题库文件可以是 Excel 工作簿（.xlsx，读取第一个工作表）或 CSV（UTF-8 或 GB18030/GBK 编码），不超过 5 MB、2000 道题。
            第 1 行是表头，依次为：题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案。
            题型填 单选、多选 或 判断。题干不超过 2000 字，每个选项不超过 500 字；单元格内不能换行，也不能含制表符等控制字符。
            单选、多选：从 选项A 起连续填写 2–6 个互不相同的选项；答案填正确选项的字母，如 B 或 A,C,D（多选至少 2 个）。
            判断：选项列留空，答案填 对 或 错，系统生成“正确”“错误”两个选项。
            空行会被跳过；有问题的行逐行列出原因，其余的行照常读入。
            """;

    public enum Kind { SINGLE, MULTIPLE, TRUE_FALSE }

    public record Option(String text, boolean correct) {
    }

    public record Row(int rowNumber, Kind kind, String text, List<Option> options) {
        public Row {
            options = List.copyOf(options);
        }
    }

    /** A row that is not a question; the reason is in Chinese, for the editor. */
    public record Refusal(int rowNumber, String reason) {
    }

    public record Result(List<Row> accepted, List<Refusal> refused) {
        public Result {
            accepted = List.copyOf(accepted);
            refused = List.copyOf(refused);
        }
    }

    private QuestionSheet() {
    }

    /** Every question the file holds and every row refused, in sheet order; a SheetException when the file as a whole cannot be read. */
    public static Result read(byte[] body) throws SheetException {
        if (body == null || body.length == 0) {
            throw new SheetException("文件是空的。");
        }
        if (body.length > MAX_BYTES) {
            throw new SheetException("文件超过 5 MB，请分成多个文件上传。");
        }
        SheetRows rows = new SheetRows(QuestionRules.HEADER.size(), MAX_QUESTIONS + 1,
                "题目超过 " + MAX_QUESTIONS + " 行（不计表头和空行），请分成多个文件上传。");
        SheetFile.read(body, rows);
        List<SheetRow> all = rows.rows();
        if (all.isEmpty()) {
            throw new SheetException("文件里没有内容：第 1 行应为表头。");
        }
        String headerProblem = QuestionRules.headerProblem(all.get(0));
        if (headerProblem != null) {
            throw new SheetException(headerProblem);
        }
        List<Row> accepted = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (SheetRow row : all.subList(1, all.size())) {
            try {
                accepted.add(QuestionRules.question(row));
            } catch (QuestionRules.Refused e) {
                refused.add(new Refusal(row.number(), e.getMessage()));
            }
        }
        return new Result(accepted, refused);
    }
}
