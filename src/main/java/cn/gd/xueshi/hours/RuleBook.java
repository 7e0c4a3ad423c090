package cn.gd.xueshi.hours;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The year rules and conversion rates as stored, and how a year finds its own: a row states the
 * rules from its year on, until a later row; a year with none of its own takes the nearest earlier
 * one (its deadline moved to that year). Years before the first row have no rules.
 */
public final class RuleBook {

    private final NavigableMap<Integer, YearRule> rules = new TreeMap<>();
    private final NavigableMap<Integer, Map<Activity, Conversion>> conversions = new TreeMap<>();

    public RuleBook(List<YearRule> rules, List<Conversion> conversions) {
        rules.forEach(r -> this.rules.put(r.year(), r));
        conversions.forEach(c -> this.conversions.computeIfAbsent(c.year(), y -> new EnumMap<>(Activity.class)).put(c.activity(), c));
    }

    /** The rules of {@code year}, or null when it is before the first year with rules. */
    public YearRule rule(int year) {
        Map.Entry<Integer, YearRule> e = rules.floorEntry(year);
        return e == null ? null : e.getValue().forYear(year);
    }

    /** The rate of an activity in {@code year}, or null when that year's table has none. */
    public Conversion conversion(int year, Activity activity) {
        Map.Entry<Integer, Map<Activity, Conversion>> e = conversions.floorEntry(year);
        Conversion c = e == null ? null : e.getValue().get(activity);
        return c == null ? null : new Conversion(year, c.activity(), c.unitLabel(), c.hoursPerUnit(), c.maxHours());
    }

    /** Every rate of {@code year}'s table, in the activities' order. */
    public List<Conversion> conversions(int year) {
        Map.Entry<Integer, Map<Activity, Conversion>> e = conversions.floorEntry(year);
        return e == null ? List.of() : e.getValue().keySet().stream().map(a -> conversion(year, a)).toList();
    }
}
