package cn.gd.xueshi.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** A resident ID number (居民身份证号) checked by GB 11643-1999: check digit and birth date. */
public record IdNumber(String value, LocalDate birthDate) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("\\d{17}[\\dX]");

    /** Parses {@code raw}, or says in Chinese why it is not a valid ID number. */
    public static Result parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return Result.refused("身份证号不能为空。");
        }
        String v = raw.trim().toUpperCase();
        if (!SHAPE.matcher(v).matches()) {
            return Result.refused("身份证号应为 18 位：前 17 位为数字，最后一位为数字或 X。");
        }
        char expected = checkCharacter(v.substring(0, 17));
        if (v.charAt(17) != expected) {
            return Result.refused("身份证号校验位不正确，请核对后重新输入。");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            return Result.refused("身份证号中的出生日期不存在。");
        }
        if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
            return Result.refused("身份证号中的出生日期不合理。");
        }
        return new Result(Optional.of(new IdNumber(v, birth)), null);
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** Shown on pages and certificates: region code and sequence kept, birth date hidden. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String value) {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    public record Result(Optional<IdNumber> id, String refusal) {
        static Result refused(String why) {
            return new Result(Optional.empty(), why);
        }
    }
}
