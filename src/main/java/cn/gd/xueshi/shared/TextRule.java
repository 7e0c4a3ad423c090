package cn.gd.xueshi.shared;

/**
 * Text the platform accepts: no NUL or other control characters (tab and line breaks excepted)
 * and no unpaired surrogate halves. PostgreSQL refuses NUL in text, and the others never belong
 * in a name, a reason or a title.
 */
public final class TextRule {

    private TextRule() {
    }

    public static boolean acceptable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Percent-encoding that does not decode (a broken {@code %XX}, or bytes that are not UTF-8). */
    public static ProblemException badEncoding() {
        return ProblemException.badRequest("malformed-encoding", "请求中的百分号编码（%XX）不正确，请检查后重试。");
    }

    public static ProblemException refusal() {
        return ProblemException.badRequest("invalid-text", "输入内容含有不允许的字符（如空字符或控制字符），请删除后重试。");
    }
}
