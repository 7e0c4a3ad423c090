package cn.gd.xueshi.hours;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A professional's standing for one year: hours earned per category against the requirement.
 * Only CONFIRMED entries count; reversals subtract; categories do not substitute for each other.
 */
public record YearRecord(int year, Hours requirement, Hours earned, boolean complete) {

    public record Hours(BigDecimal publicHours, BigDecimal professional, BigDecimal elective, BigDecimal total) {
    }

    public record Line(String category, String status, BigDecimal hours) {
    }

    public static YearRecord of(int year, Hours requirement, List<Line> lines) {
        Map<Category, BigDecimal> sums = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            sums.put(c, BigDecimal.ZERO);
        }
        for (Line line : lines) {
            if ("CONFIRMED".equals(line.status())) {
                sums.merge(Category.valueOf(line.category()), line.hours(), BigDecimal::add);
            }
        }
        BigDecimal pub = sums.get(Category.PUBLIC);
        BigDecimal pro = sums.get(Category.PROFESSIONAL);
        BigDecimal ele = sums.get(Category.ELECTIVE);
        Hours earned = new Hours(pub, pro, ele, pub.add(pro).add(ele));
        boolean complete = pub.compareTo(requirement.publicHours()) >= 0
                && pro.compareTo(requirement.professional()) >= 0
                && ele.compareTo(requirement.elective()) >= 0
                && earned.total().compareTo(requirement.total()) >= 0;
        return new YearRecord(year, requirement, earned, complete);
    }
}
