package cn.gd.xueshi.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.gd.xueshi.hours.Activity;
import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.Conversion;
import cn.gd.xueshi.hours.YearRule;
import cn.gd.xueshi.identity.Sector;

/**
 * What a declaration must be to be accepted, and what it is worth: every reason it is not, in
 * Chinese, so that a form shows them all at once. Plain Java; the service brings the year's rule,
 * the activity's rate and the declarant's sector.
 */
public final class DeclarationRules {

    public static final int MAX_FILES = 4;
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final BigDecimal MAX_QUANTITY = new BigDecimal("999.9");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private DeclarationRules() {
    }

    /** What the declarant states. */
    public record Form(Integer year, Category category, Activity activity, String title, String organiser, LocalDate startedOn,
            LocalDate endedOn, BigDecimal quantity) {
    }

    /** An evidence file as received: its name, size and first bytes. */
    public record File(String name, long sizeBytes, String type) {
    }

    /** Why the form cannot be declared by a professional of {@code sector} on {@code today}; empty when it can. */
    public static List<String> refusals(Form f, Sector sector, YearRule rule, Conversion conversion, LocalDate today) {
        List<String> why = new ArrayList<>();
        if (f.year() == null) {
            why.add("请选择申报年度。");
        } else if (rule == null) {
            why.add("申报年度无效：" + f.year() + " 年没有学时要求配置。");
        } else if (f.year() > today.getYear()) {
            why.add("不能申报未来年度（" + f.year() + " 年）的学时。");
        } else if (today.isAfter(rule.confirmUntil())) {
            why.add(f.year() + " 年度的学时已于 " + DAY.format(rule.confirmUntil()) + "截止确认，不能再申报。");
        }
        if (f.category() == null || f.category() == Category.PUBLIC) {
            why.add(f.category() == Category.PUBLIC ? "公需科目学时在完成课程后由系统自动登记，不能申报。" : "请选择学时类别：专业科目或个人选修。");
        } else if (f.category() == Category.PROFESSIONAL && (sector == Sector.EDUCATION || sector == Sector.HEALTH)) {
            why.add(sector.label + "行业的专业科目学时由行业主管部门在其系统认定后推送，不在此申报；个人选修学时可以申报。");
        }
        if (f.activity() == null) {
            why.add("请选择学习形式。");
        } else if (rule != null && conversion == null) {
            why.add(f.year() + " 年度没有“" + f.activity().label + "”的折算标准。");
        }
        text(why, f.title(), "学习内容名称");
        text(why, f.organiser(), "举办单位（期刊、项目来源）");
        if (f.startedOn() == null || f.endedOn() == null) {
            why.add("请填写开始和结束日期。");
        } else {
            if (f.endedOn().isBefore(f.startedOn())) {
                why.add("结束日期不能早于开始日期。");
            }
            if (f.year() != null && (f.startedOn().getYear() != f.year() || f.endedOn().getYear() != f.year())) {
                why.add("起止日期须在申报年度（" + f.year() + " 年）之内。");
            }
            if (f.endedOn().isAfter(today)) {
                why.add("结束日期不能晚于今天。");
            }
        }
        BigDecimal q = f.quantity();
        if (q == null || q.signum() <= 0 || q.compareTo(MAX_QUANTITY) > 0 || q.stripTrailingZeros().scale() > 1) {
            why.add("数量须为大于 0、不超过 999.9 的数，最多一位小数。");
        } else if (conversion != null && conversion.hoursFor(q).signum() <= 0) {
            why.add("按折算标准（每" + conversion.unitLabel() + " " + conversion.hoursPerUnit().toPlainString() + " 学时）折算后不足 0.1 学时。");
        } else if ((f.activity() == Activity.PAPER || f.activity() == Activity.PROJECT) && q.stripTrailingZeros().scale() > 0) {
            why.add(f.activity().label + "的数量须为整数（篇、项）。");
        } else if (f.activity() == Activity.TRAINING && rule != null && f.startedOn() != null && f.endedOn() != null
                && !f.endedOn().isBefore(f.startedOn())) {
            long days = f.endedOn().toEpochDay() - f.startedOn().toEpochDay() + 1;
            BigDecimal most = rule.dailyCapHours().multiply(BigDecimal.valueOf(days));
            if (q.compareTo(most) > 0) {
                why.add("培训 " + days + " 天最多 " + most.stripTrailingZeros().toPlainString() + " 学时（每天不超过 "
                        + rule.dailyCapHours().stripTrailingZeros().toPlainString() + " 学时）。");
            }
        }
        return why;
    }

    /** Why the evidence files cannot be accepted; empty when they can ({@code type} null: not a PDF, PNG or JPEG). */
    public static List<String> evidenceRefusals(List<File> files, boolean required) {
        List<String> why = new ArrayList<>();
        if (files.isEmpty() && required) {
            why.add("请上传证明材料（PDF 或图片）。");
        }
        if (files.size() > MAX_FILES) {
            why.add("证明材料最多 " + MAX_FILES + " 个文件。");
        }
        for (File file : files) {
            if (file.sizeBytes() <= 0) {
                why.add("“" + file.name() + "”是空文件。");
            } else if (file.sizeBytes() > MAX_FILE_BYTES) {
                why.add("“" + file.name() + "”超过 " + MAX_FILE_BYTES / 1024 / 1024 + " MB。");
            } else if (file.type() == null) {
                why.add("“" + file.name() + "”不是 PDF、PNG 或 JPEG 文件（按文件内容判断，与文件名无关）。");
            }
        }
        return why;
    }

    /** A file name fit to show and store: no folders, no control characters, at most 200 characters. */
    public static String fileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (base.isEmpty()) {
            base = "证明材料";
        }
        return base.substring(Math.max(0, base.length() - 200));
    }

    /** The name with the extension of the type its bytes show (a PDF named x.html is saved as x.html.pdf). */
    public static String withExtension(String name, String type) {
        String ext = type == null ? null : switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean fits = ext == null || lower.endsWith(ext) || ".jpg".equals(ext) && lower.endsWith(".jpeg");
        return fits ? name : name + ext;
    }

    private static void text(List<String> why, String value, String label) {
        if (value == null || value.isBlank()) {
            why.add("请填写" + label + "。");
        } else if (value.strip().codePointCount(0, value.strip().length()) > 200) {
            why.add(label + "不能超过 200 个字符。");
        } else if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            why.add(label + "含有不可见的控制字符或格式字符。");
        }
    }
}
