package cn.gd.xueshi.identity;

/** A unified social credit code (统一社会信用代码) checked by GB 32100-2015. */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Null when {@code code} is valid, otherwise why not (in Chinese). */
    public static String refusal(String code) {
        if (code == null || code.length() != 18) {
            return "统一社会信用代码应为 18 位。";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码第 " + (i + 1) + " 位“" + code.charAt(i) + "”不是允许的字符（不使用 I、O、S、V、Z）。";
            }
        }
        if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            return "统一社会信用代码校验位不正确，请核对；早期代码需由管理员人工确认。";
        }
        return null;
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
