package cn.gd.xueshi.catalog.authoring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What makes a question fit for the bank, whether typed on the page or imported from a file. */
public final class BankRules {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_OPTION = 500;

    private BankRules() {
    }

    public enum Kind {
        SINGLE, MULTIPLE, TRUE_FALSE
    }

    public record Option(String text, boolean correct) {
    }

    /** Why the question may not go into a bank (in Chinese), or null when it may. */
    public static String refusal(Kind kind, String text, List<Option> options) {
        if (kind == null) {
            return "请选择题型：单选、多选或判断。";
        }
        if (text == null || text.isBlank()) {
            return "题干不能为空。";
        }
        if (text.strip().length() > MAX_TEXT) {
            return "题干不能超过 " + MAX_TEXT + " 字。";
        }
        if (options == null || options.size() < 2 || options.size() > 6) {
            return kind == Kind.TRUE_FALSE ? "判断题须有“正确”“错误”两个选项。" : "选择题须有 2 至 6 个选项。";
        }
        if (kind == Kind.TRUE_FALSE && options.size() != 2) {
            return "判断题须有“正确”“错误”两个选项。";
        }
        Set<String> seen = new HashSet<>();
        int correct = 0;
        for (Option o : options) {
            if (o == null || o.text() == null || o.text().isBlank()) {
                return "选项不能为空。";
            }
            if (o.text().strip().length() > MAX_OPTION) {
                return "选项不能超过 " + MAX_OPTION + " 字。";
            }
            if (!seen.add(o.text().strip())) {
                return "选项“" + o.text().strip() + "”重复。";
            }
            if (o.correct()) {
                correct++;
            }
        }
        return switch (kind) {
            case SINGLE, TRUE_FALSE -> correct == 1 ? null : "单选题和判断题须恰有一个正确选项。";
            case MULTIPLE -> correct >= 2 ? null : "多选题须至少有两个正确选项。";
        };
    }
}
