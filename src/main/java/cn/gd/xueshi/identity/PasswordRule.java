package cn.gd.xueshi.identity;

import java.nio.charset.StandardCharsets;

/**
 * What a password must be. bcrypt reads only the first 72 bytes of a password, so a longer one
 * would sign in with anything that shares those bytes: it is refused, not cut.
 */
public final class PasswordRule {

    public static final int MIN_CHARACTERS = 8;
    public static final int MAX_BYTES = 72;

    private PasswordRule() {
    }

    /** Null when the password may be set; otherwise why not, in Chinese. */
    public static String refusal(String password) {
        if (password.length() < MIN_CHARACTERS) {
            return "密码至少 " + MIN_CHARACTERS + " 位。";
        }
        return fitsBcrypt(password) ? null : tooLong();
    }

    /** Whether bcrypt sees the whole password (its UTF-8 form is at most 72 bytes). */
    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    public static String tooLong() {
        return "密码不能超过 " + MAX_BYTES + " 个字节（英文字母、数字每个 1 字节，汉字每个 3 字节）。";
    }
}
