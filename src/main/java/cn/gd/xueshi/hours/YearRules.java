package cn.gd.xueshi.hours;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The year rules and conversion tables, read from their tables at start and again every minute
 * (they change once a year, by HR's hand), so that the heartbeat path asks a map, not the database.
 */
@ApplicationScoped
public class YearRules {

    private final Pool pool;
    private final AtomicReference<RuleBook> book = new AtomicReference<>(new RuleBook(List.of(), List.of()));

    public YearRules(Pool pool) {
        this.pool = pool;
    }

    void onStart(@Observes StartupEvent event) {
        reload().await().indefinitely();
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Reads both tables again; what callers see changes at once. */
    public Uni<RuleBook> reload() {
        return pool.query("""
                select year, public_hours, professional_hours, elective_hours, total_hours, daily_cap_hours, confirm_until
                  from year_rule order by year""").execute()
                .flatMap(rules -> pool.query("select year, activity, unit_label, hours_per_unit, max_hours from hour_conversion")
                        .execute().map(conversions -> {
                            List<YearRule> r = new ArrayList<>();
                            for (Row row : rules) {
                                r.add(new YearRule(row.getInteger(0), row.getBigDecimal(1), row.getBigDecimal(2), row.getBigDecimal(3),
                                        row.getBigDecimal(4), row.getBigDecimal(5), row.getLocalDate(6)));
                            }
                            List<Conversion> c = new ArrayList<>();
                            for (Row row : conversions) {
                                c.add(new Conversion(row.getInteger(0), Activity.valueOf(row.getString(1)), row.getString(2),
                                        row.getBigDecimal(3), row.getBigDecimal(4)));
                            }
                            RuleBook loaded = new RuleBook(r, c);
                            book.set(loaded);
                            return loaded;
                        }));
    }

    /** The rules of {@code year}; null before the first year with rules. */
    public YearRule rule(int year) {
        return book.get().rule(year);
    }

    public Conversion conversion(int year, Activity activity) {
        return book.get().conversion(year, activity);
    }

    public List<Conversion> conversions(int year) {
        return book.get().conversions(year);
    }
}
