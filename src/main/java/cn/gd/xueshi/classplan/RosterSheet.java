package cn.gd.xueshi.classplan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gd.xueshi.shared.sheet.SheetException;
import cn.gd.xueshi.shared.sheet.SheetFile;
import cn.gd.xueshi.shared.sheet.SheetRow;
import cn.gd.xueshi.shared.sheet.SheetRows;

/**
 * Reads a class's roster file, CSV or .xlsx: a header 身份证号, 出勤, 考核, then one row per person
 * with 是/否 and 合格/不合格. Plain Java; a row that cannot be read is refused with its reason, the
 * others are recorded; a second row for the same person is refused, naming the first.
 */
public final class RosterSheet {

    public static final int MAX_ROWS = ClassPlanService.MAX_RESULTS;
    public static final List<String> HEADER = List.of("身份证号", "出勤", "考核");
    public static final String FORMAT_HELP = """
            花名册可以是 Excel 工作簿（.xlsx，读取第一个工作表）或 CSV（UTF-8 或 GB18030/GBK 编码），不超过 6 MB、10000 人。
            第 1 行是表头，依次为：身份证号,出勤,考核。出勤填 是 或 否；考核填 合格 或 不合格（未出勤的填 不合格）。
            只登记已报名本班的人员；考核合格的人员记入本班学时，同一文件上传两次不会重复记入。
            """;

    public record Line(int rowNumber, String idNumber, boolean attended, boolean passed) {
    }

    public record Refusal(int rowNumber, String idNumber, String reason) {
    }

    public record Read(List<Line> lines, List<Refusal> refused) {
    }

    private RosterSheet() {
    }

    public static Read read(byte[] body) throws SheetException {
        if (body == null || body.length == 0) {
            throw new SheetException("文件是空的。");
        }
        SheetRows rows = new SheetRows(HEADER.size(), MAX_ROWS + 1, "花名册超过 " + MAX_ROWS + " 行，请分成多个文件上传。");
        SheetFile.read(body, rows);
        List<SheetRow> all = rows.rows();
        if (all.isEmpty()) {
            throw new SheetException("文件里没有内容：第 1 行应为表头 身份证号,出勤,考核。");
        }
        List<String> header = all.get(0).cells().stream().map(String::strip).toList();
        if (!header.equals(HEADER)) {
            throw new SheetException("第 " + all.get(0).number() + " 行应为表头 身份证号,出勤,考核。");
        }
        List<Line> lines = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SheetRow row : all.subList(1, all.size())) {
            String id = row.cell(0).strip().toUpperCase(java.util.Locale.ROOT);
            Boolean attended = yesNo(row.cell(1).strip(), "是", "否");
            Boolean passed = yesNo(row.cell(2).strip(), "合格", "不合格");
            String shown = SheetRow.shown(id);
            if (row.overflow()) {
                refused.add(new Refusal(row.number(), shown, "多于 3 列。"));
            } else if (!id.matches("[0-9]{17}[0-9X]")) {
                refused.add(new Refusal(row.number(), shown, "身份证号应为 18 位。"));
            } else if (attended == null) {
                refused.add(new Refusal(row.number(), shown, "出勤应填 是 或 否。"));
            } else if (passed == null) {
                refused.add(new Refusal(row.number(), shown, "考核应填 合格 或 不合格。"));
            } else if (seen.containsKey(id)) {
                refused.add(new Refusal(row.number(), shown, "与第 " + seen.get(id) + " 行是同一人。"));
            } else {
                seen.put(id, row.number());
                lines.add(new Line(row.number(), id, attended, passed));
            }
        }
        return new Read(lines, refused);
    }

    private static Boolean yesNo(String text, String yes, String no) {
        return text.equals(yes) ? Boolean.TRUE : text.equals(no) ? Boolean.FALSE : null;
    }
}
