package cn.gd.xueshi.sector;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The sector feature's SQL: pushed records and the push rate, on the reactive pool, set-based. */
@ApplicationScoped
public class SectorStore {

    private final Pool pool;

    public SectorStore(Pool pool) {
        this.pool = pool;
    }

    /** A stored record, as HR lists it and as a push compares a record sent again. */
    public record Stored(String recordId, String status, String reason, String detail, Long professionalId, String idNumber,
            String name, Integer year, String category, BigDecimal hours, String source, LocalDate completedOn, Instant pushedAt) {
    }

    private static final String COLUMNS = """
            record_id, status, reason, detail, professional_id, id_number, name, year, category, hours, source, completed_on, pushed_at""";
    private static final String EXISTING = "select " + COLUMNS + " " + """
             from sector_record where client_id = $1 and record_id = any($2::text[])""";
    private static final String WRITE = """
            insert into sector_record as r (client_id, record_id, status, reason, detail, professional_id, id_number, name, year,
                                            category, hours, source, completed_on, pushed_at)
            select $1, x.rid, x.st, x.rsn, x.dtl, x.pid, x.idn, x.nm, x.yr, x.cat, cast(x.hrs as numeric), x.src, x.done, $2
              from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::int[],
                          $11::text[], $12::text[], $13::text[], $14::date[])
                   as x(rid, st, rsn, dtl, pid, idn, nm, yr, cat, hrs, src, done)
            on conflict (client_id, record_id) do update
               set status = excluded.status, reason = excluded.reason, detail = excluded.detail,
                   professional_id = excluded.professional_id, id_number = excluded.id_number, name = excluded.name,
                   year = excluded.year, category = excluded.category, hours = excluded.hours, source = excluded.source,
                   completed_on = excluded.completed_on, pushed_at = excluded.pushed_at
             where r.status = 'REFUSED'
               and (r.status, r.reason, r.detail, r.professional_id, r.id_number, r.name, r.year, r.category, r.hours, r.source,
                    r.completed_on)
                   is distinct from (excluded.status, excluded.reason, excluded.detail, excluded.professional_id, excluded.id_number,
                    excluded.name, excluded.year, excluded.category, excluded.hours, excluded.source, excluded.completed_on)
            returning record_id""";
    private static final String COUNT_PUSH = """
            insert into sector_push_rate as r (client_id, window_start, pushes) values ($1, $2, 1)
            on conflict (client_id) do update
               set pushes = case when r.window_start = excluded.window_start then r.pushes + 1 else 1 end,
                   window_start = excluded.window_start
            returning pushes""";
    private static final String TOTALS = """
            select client_id, count(*) filter (where status = 'ACCEPTED'), count(*) filter (where status = 'REFUSED'),
                   coalesce(sum(hours) filter (where status = 'ACCEPTED'), 0), max(pushed_at)
              from sector_record group by client_id""";
    private static final String PAGE = "select " + COLUMNS + " " + """
             from sector_record where client_id = $1 and ($2::int is null or year = $2) and ($3::text is null or status = $3)
             order by pushed_at desc, record_id desc offset $4 limit $5""";
    private static final String PAGE_COUNT = """
            select count(*) from sector_record where client_id = $1 and ($2::int is null or year = $2) and ($3::text is null or status = $3)""";

    /** Counts a push of {@code clientId} in the window starting at {@code windowStart}; how many it has made in it, this one included. */
    public Uni<Integer> countPush(String clientId, Instant windowStart) {
        return pool.preparedQuery(COUNT_PUSH).execute(Tuple.of(clientId, utc(windowStart)))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** The client's stored records among {@code recordIds}, by record id. */
    public Uni<Map<String, Stored>> existing(SqlConnection conn, String clientId, Collection<String> recordIds) {
        return conn.preparedQuery(EXISTING).execute(Tuple.of(clientId).addArrayOfString(recordIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Stored> found = new HashMap<>();
                    for (Row r : rows) {
                        Stored s = stored(r);
                        found.put(s.recordId(), s);
                    }
                    return found;
                });
    }

    /**
     * Writes the records (new ones, and refused ones whose outcome or fields changed) in one statement,
     * in record-id order so that two overlapping pushes lock in the same order; answers the record ids written.
     */
    public Uni<Set<String>> write(SqlConnection conn, String clientId, List<Stored> records, Instant at) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Stored> sorted = records.stream().sorted(java.util.Comparator.comparing(Stored::recordId)).toList();
        int n = sorted.size();
        String[] rid = new String[n], st = new String[n], rsn = new String[n], dtl = new String[n], idn = new String[n],
                nm = new String[n], cat = new String[n], hrs = new String[n], src = new String[n];
        Long[] pid = new Long[n];
        Integer[] yr = new Integer[n];
        LocalDate[] done = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            Stored s = sorted.get(i);
            rid[i] = s.recordId();
            st[i] = s.status();
            rsn[i] = s.reason();
            dtl[i] = s.detail();
            pid[i] = s.professionalId();
            idn[i] = s.idNumber();
            nm[i] = s.name();
            yr[i] = s.year();
            cat[i] = s.category();
            hrs[i] = s.hours() == null ? null : s.hours().toPlainString();
            src[i] = s.source();
            done[i] = s.completedOn();
        }
        Tuple args = Tuple.of(clientId, utc(at)).addArrayOfString(rid).addArrayOfString(st).addArrayOfString(rsn)
                .addArrayOfString(dtl).addArrayOfLong(pid).addArrayOfString(idn).addArrayOfString(nm).addArrayOfInteger(yr)
                .addArrayOfString(cat).addArrayOfString(hrs).addArrayOfString(src).addArrayOfLocalDate(done);
        return conn.preparedQuery(WRITE).execute(args).map(rows -> {
            Set<String> written = new HashSet<>();
            for (Row r : rows) {
                written.add(r.getString(0));
            }
            return written;
        });
    }

    /** What each client has pushed: accepted and refused records, accepted hours, the last push. */
    public record Totals(long accepted, long refused, BigDecimal acceptedHours, Instant lastPushAt) {
    }

    public Uni<Map<String, Totals>> totals() {
        return pool.query(TOTALS).execute().map(rows -> {
            Map<String, Totals> totals = new HashMap<>();
            for (Row r : rows) {
                totals.put(r.getString(0), new Totals(r.getLong(1), r.getLong(2), r.getBigDecimal(3),
                        r.getOffsetDateTime(4) == null ? null : r.getOffsetDateTime(4).toInstant()));
            }
            return totals;
        });
    }

    public record Page(long total, List<Stored> records) {
    }

    /** A page of the client's records, newest first, optionally of one year and one status. */
    public Uni<Page> page(String clientId, Integer year, String status, int offset, int limit) {
        Tuple filter = Tuple.of(clientId, year, status);
        return pool.preparedQuery(PAGE_COUNT).execute(filter).flatMap(count -> pool.preparedQuery(PAGE)
                .execute(Tuple.of(clientId, year, status, offset, limit))
                .map(rows -> {
                    List<Stored> records = new java.util.ArrayList<>();
                    for (Row r : rows) {
                        records.add(stored(r));
                    }
                    return new Page(count.iterator().next().getLong(0), records);
                }));
    }

    private static Stored stored(Row r) {
        return new Stored(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5),
                r.getString(6), r.getInteger(7), r.getString(8), r.getBigDecimal(9), r.getString(10), r.getLocalDate(11),
                r.getOffsetDateTime(12).toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
