package cn.gd.xueshi.shared;

/** A study year as a client writes it in a path or query. */
public final class Years {

    private Years() {
    }

    /** The year, or a 400 problem saying how to write one. */
    public static int parse(String raw) {
        try {
            int year = Integer.parseInt(raw.trim());
            if (year >= 1000 && year <= 9999) {
                return year;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // refused below
        }
        throw ProblemException.badRequest("invalid-year", "年度应为四位数字，例如 2026。");
    }
}
