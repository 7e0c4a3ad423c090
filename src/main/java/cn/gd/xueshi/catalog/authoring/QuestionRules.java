package cn.gd.xueshi.catalog.authoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.gd.xueshi.catalog.authoring.QuestionSheet.Kind;
import cn.gd.xueshi.catalog.authoring.QuestionSheet.Option;
import cn.gd.xueshi.catalog.authoring.QuestionSheet.Row;
import cn.gd.xueshi.shared.sheet.SheetRow;

/** Decides whether one row of a sheet is a question, and if not, why (in Chinese). */
final class QuestionRules {

    static final List<String> HEADER = List.of("题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案");
    static final int MAX_TEXT = 2_000;
    static final int MAX_OPTION = 500;

    private static final int KIND = 0;
    private static final int TEXT = 1;
    private static final int FIRST_OPTION = 2;
    private static final int OPTIONS = 6;
    private static final int ANSWER = 8;
    private static final Map<String, Kind> KINDS = Map.of("单选", Kind.SINGLE, "多选", Kind.MULTIPLE, "判断", Kind.TRUE_FALSE,
            "SINGLE", Kind.SINGLE, "MULTIPLE", Kind.MULTIPLE, "TRUE_FALSE", Kind.TRUE_FALSE);
    private static final Map<String, Boolean> TRUTHS = Map.of("对", true, "正确", true, "T", true, "TRUE", true,
            "错", false, "错误", false, "F", false, "FALSE", false);

    /** A row that is not a question; the message says why. */
    static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private QuestionRules() {
    }

    /** Null when the first row is the expected header; otherwise which column is wrong. */
    static String headerProblem(SheetRow header) {
        for (int i = 0; i < HEADER.size(); i++) {
            String found = header.cell(i).strip();
            if (!found.equals(HEADER.get(i))) {
                return "表头第 " + (i + 1) + " 列应为“" + HEADER.get(i) + "”，"
                        + (found.isEmpty() ? "实际为空。" : "实际是“" + shown(found) + "”。");
            }
        }
        return header.overflow() ? "表头在第 9 列“答案”之后还有多余的列，请删除。" : null;
    }

    static Row question(SheetRow row) throws Refused {
        if (row.overflow()) {
            throw new Refused("“答案”列之后还有内容，请检查是否多了逗号或错列。");
        }
        for (int i = 0; i < HEADER.size(); i++) {
            checkCharacters(HEADER.get(i), row.cell(i));
        }
        Kind kind = kind(row.cell(KIND).strip());
        String text = row.cell(TEXT).strip();
        if (text.isEmpty()) {
            throw new Refused("题干为空。");
        }
        checkLength("题干", text, MAX_TEXT);
        List<Option> options = kind == Kind.TRUE_FALSE ? trueFalse(row) : choices(kind, row);
        return new Row(row.number(), kind, text, options);
    }

    private static Kind kind(String kind) throws Refused {
        if (kind.isEmpty()) {
            throw new Refused("题型为空，应为 单选、多选 或 判断。");
        }
        Kind found = KINDS.get(kind.toUpperCase(Locale.ROOT));
        if (found == null) {
            throw new Refused("题型“" + shown(kind) + "”无效，应为 单选、多选 或 判断。");
        }
        return found;
    }

    private static List<Option> trueFalse(SheetRow row) throws Refused {
        for (int i = FIRST_OPTION; i < FIRST_OPTION + OPTIONS; i++) {
            if (!row.cell(i).isBlank()) {
                throw new Refused("判断题的选项列应留空（" + HEADER.get(i) + " 有内容），系统会生成“正确”“错误”两个选项。");
            }
        }
        String answer = row.cell(ANSWER).strip();
        if (answer.isEmpty()) {
            throw new Refused("答案为空，判断题应填 对 或 错。");
        }
        Boolean right = TRUTHS.get(answer.toUpperCase(Locale.ROOT));
        if (right == null) {
            throw new Refused("判断题答案“" + shown(answer) + "”无效，应为 对 或 错（也可写 正确/错误、T/F、TRUE/FALSE）。");
        }
        return List.of(new Option("正确", right), new Option("错误", !right));
    }

    private static List<Option> choices(Kind kind, SheetRow row) throws Refused {
        List<String> texts = new ArrayList<>();
        for (int i = FIRST_OPTION; i < FIRST_OPTION + OPTIONS; i++) {
            String option = row.cell(i).strip();
            if (option.isEmpty()) {
                continue;
            }
            if (texts.size() < i - FIRST_OPTION) {
                throw new Refused("选项不连续：" + HEADER.get(FIRST_OPTION + texts.size()) + " 为空，但 " + HEADER.get(i) + " 有内容。");
            }
            checkLength(HEADER.get(i), option, MAX_OPTION);
            int same = texts.indexOf(option);
            if (same >= 0) {
                throw new Refused(HEADER.get(FIRST_OPTION + same) + " 与 " + HEADER.get(i) + " 内容相同。");
            }
            texts.add(option);
        }
        String name = kind == Kind.SINGLE ? "单选题" : "多选题";
        if (texts.size() < 2) {
            throw new Refused(name + "至少需要 2 个选项（现有 " + texts.size() + " 个）。");
        }
        Set<Integer> correct = letters(row.cell(ANSWER).strip(), texts.size());
        if (kind == Kind.SINGLE && correct.size() != 1) {
            throw new Refused("单选题的答案只能是 1 个字母（现有 " + correct.size() + " 个）。");
        }
        if (kind == Kind.MULTIPLE && correct.size() < 2) {
            throw new Refused("多选题的答案至少需要 2 个字母（现有 " + correct.size() + " 个）。");
        }
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            options.add(new Option(texts.get(i), correct.contains(i)));
        }
        return options;
    }

    /** The options an answer such as {@code A}, {@code a,c}, {@code B C D} or {@code A、B} names, by index. */
    private static Set<Integer> letters(String answer, int optionCount) throws Refused {
        if (answer.isEmpty()) {
            throw new Refused("答案为空，应填写正确选项的字母，如 B 或 A,C。");
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int i = 0; i < answer.length(); i = answer.offsetByCodePoints(i, 1)) {
            int c = answer.codePointAt(i);
            if (c == ',' || c == '，' || c == '、' || Character.isWhitespace(c)) {
                continue;
            }
            int letter = Character.toUpperCase(c);
            if (letter < 'A' || letter > 'F') {
                throw new Refused("答案“" + shown(answer) + "”中有无效字符“" + shown(Character.toString(c))
                        + "”，只能填写选项字母 A–F。");
            }
            if (!chosen.add(letter - 'A')) {
                throw new Refused("答案中的 " + (char) letter + " 重复。");
            }
            if (letter - 'A' >= optionCount) {
                throw new Refused("答案中的 " + (char) letter + " 没有对应的选项（本题只有 A–" + (char) ('A' + optionCount - 1) + "）。");
            }
        }
        return chosen;
    }

    private static void checkLength(String column, String text, int max) throws Refused {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new Refused(column + " 超过 " + max + " 个字符（现有 " + length + " 个）。");
        }
    }

    /** Cells are checked as read, before trimming: none may hold a control character or half a surrogate pair. */
    private static void checkCharacters(String column, String cell) throws Refused {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isISOControl(c)) {
                throw new Refused(column + " 含有控制字符（如换行、制表符、NUL），请删除后再上传。");
            }
            if (Character.isHighSurrogate(c) && i + 1 < cell.length() && Character.isLowSurrogate(cell.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Refused(column + " 含有无效的字符（不成对的 UTF-16 代理项）。");
            }
        }
    }

    static String shown(String text) {
        return SheetRow.shown(text);
    }
}
