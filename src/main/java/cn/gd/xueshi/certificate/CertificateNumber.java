package cn.gd.xueshi.certificate;

/**
 * Certificate numbers: {@code GD}, the year, an eight-digit serial and a check character over the
 * twelve digits (ISO/IEC 7064 MOD 11-2, as the ID number's: 0–9 or X), e.g. {@code GD202600000001X}.
 * A mistyped digit or two swapped neighbours fail the check, so a wrong number is caught before
 * any lookup. Pure.
 */
public final class CertificateNumber {

    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("GD[0-9]{12}[0-9X]");

    private CertificateNumber() {
    }

    public static String of(int year, long serial) {
        if (year < 1000 || year > 9999 || serial < 1 || serial > 99_999_999L) {
            throw new IllegalArgumentException("year or serial out of range: " + year + ", " + serial);
        }
        String digits = year + String.format("%08d", serial);
        return "GD" + digits + check(digits);
    }

    /** Whether the text is a well-formed number whose check character matches. */
    public static boolean isValid(String text) {
        return text != null && SHAPE.matcher(text).matches() && text.charAt(14) == check(text.substring(2, 14));
    }

    /** ISO/IEC 7064 MOD 11-2 over the digits: 0–9, or X for ten. */
    static char check(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum = (sum + digits.charAt(i) - '0') * 2 % 11;
        }
        int c = (12 - sum % 11) % 11;
        return c == 10 ? 'X' : (char) ('0' + c);
    }
}
