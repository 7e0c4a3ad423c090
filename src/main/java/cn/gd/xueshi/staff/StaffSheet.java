package cn.gd.xueshi.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gd.xueshi.identity.Person;
import cn.gd.xueshi.shared.sheet.SheetException;
import cn.gd.xueshi.shared.sheet.SheetFile;
import cn.gd.xueshi.shared.sheet.SheetRow;
import cn.gd.xueshi.shared.sheet.SheetRows;

/**
 * Reads the staff file an employer administrator uploads, CSV or .xlsx, into people and the rows
 * refused and why. Plain Java. The first non-blank row is the header, exactly 姓名, 身份证号, 行业,
 * 职称级别, 所在城市; each row after it is checked by {@link StaffRules}; a second row with an ID
 * number already seen is refused, naming the first. Row numbers are those of the sheet.
 */
public final class StaffSheet {

    public static final int MAX_BYTES = 6 * 1024 * 1024;
    public static final int MAX_ROWS = 10_000;
    public static final List<String> HEADER = List.of("姓名", "身份证号", "行业", "职称级别", "所在城市");

    public static final String FORMAT_HELP = """
            人员文件可以是 Excel 工作簿（.xlsx，读取第一个工作表）或 CSV（UTF-8 或 GB18030/GBK 编码），不超过 6 MB、10000 人。
            第 1 行是表头，依次为：姓名,身份证号,行业,职称级别,所在城市。
            行业填代码或名称（如 ENGINEERING 或 工程技术）；职称级别填 正高级、副高级、中级、助理级 或 员级；所在城市填地市代码（如 4401）或名称（如 广州）。
            身份证号一列请设为“文本”格式。已在本单位的人员不变；在其他单位的人员转入本单位；新人员直接登记。
            有问题的行逐行列出原因，其余的行照常导入；同一文件导入两次不会重复登记。
            """;

    public record Row(int rowNumber, Person person) {
    }

    public record Refusal(int rowNumber, String reason) {
    }

    public record Result(List<Row> accepted, List<Refusal> refused) {
        public Result {
            accepted = List.copyOf(accepted);
            refused = List.copyOf(refused);
        }
    }

    private StaffSheet() {
    }

    public static Result read(byte[] body, LocalDate today) throws SheetException {
        if (body == null || body.length == 0) {
            throw new SheetException("文件是空的。");
        }
        if (body.length > MAX_BYTES) {
            throw new SheetException("文件超过 6 MB，请分成多个文件上传。");
        }
        SheetRows rows = new SheetRows(HEADER.size(), MAX_ROWS + 1, "人员超过 " + MAX_ROWS + " 行（不计表头和空行），请分成多个文件上传。");
        SheetFile.read(body, rows);
        List<SheetRow> all = rows.rows();
        if (all.isEmpty()) {
            throw new SheetException("文件里没有内容：第 1 行应为表头。");
        }
        headerCheck(all.get(0));
        List<Row> accepted = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SheetRow row : all.subList(1, all.size())) {
            try {
                if (row.overflow()) {
                    throw new StaffRules.Refused("“所在城市”列之后还有内容，请检查是否多了逗号或错列。");
                }
                Person p = StaffRules.person(row.cell(0), row.cell(1), row.cell(2), row.cell(3), row.cell(4), today);
                Integer first = seen.putIfAbsent(p.id().value(), row.number());
                if (first != null) {
                    throw new StaffRules.Refused("身份证号与第 " + first + " 行重复。");
                }
                accepted.add(new Row(row.number(), p));
            } catch (StaffRules.Refused e) {
                refused.add(new Refusal(row.number(), e.getMessage()));
            }
        }
        return new Result(accepted, refused);
    }

    private static void headerCheck(SheetRow header) throws SheetException {
        for (int i = 0; i < HEADER.size(); i++) {
            String found = header.cell(i).strip();
            if (!found.equals(HEADER.get(i))) {
                throw new SheetException("表头第 " + (i + 1) + " 列应为“" + HEADER.get(i) + "”，"
                        + (found.isEmpty() ? "实际为空。" : "实际是“" + SheetRow.shown(found) + "”。"));
            }
        }
        if (header.overflow()) {
            throw new SheetException("表头在第 5 列“所在城市”之后还有多余的列，请删除。");
        }
    }
}
