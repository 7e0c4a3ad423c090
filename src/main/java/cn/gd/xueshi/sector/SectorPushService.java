package cn.gd.xueshi.sector;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import cn.gd.xueshi.hours.Credit;
import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.hours.LedgerRules;
import cn.gd.xueshi.hours.Source;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Placements;
import cn.gd.xueshi.identity.SystemClients;
import cn.gd.xueshi.sector.SectorRules.Checked;
import cn.gd.xueshi.sector.SectorRules.Pushed;
import cn.gd.xueshi.sector.SectorRules.Refusal;
import cn.gd.xueshi.sector.SectorStore.Stored;
import cn.gd.xueshi.sector.SectorViews.SectorRecordResult;
import cn.gd.xueshi.sector.SectorViews.Status;
import cn.gd.xueshi.shared.ProblemException;

/**
 * A sector system's push, set-based whatever its size: the client's token is checked against its
 * record (sector, secret version, enabled), the push is counted against the client's rate, then one
 * transaction reads the records already stored under the batch's ids, resolves every ID number in
 * one query, writes every new or changed record in one statement and credits the accepted ones
 * through the ledger's door for many. A record id the client has had accepted is a duplicate,
 * whatever else it says; sending the same batch again writes nothing.
 */
@ApplicationScoped
public class SectorPushService {

    private final Pool pool;
    private final SectorStore store;
    private final SystemClients clients;
    private final Placements placements;
    private final HourLedger ledger;
    private final SectorConfig config;
    private final Clock clock;

    public SectorPushService(Pool pool, SectorStore store, SystemClients clients, Placements placements, HourLedger ledger,
            SectorConfig config, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.clients = clients;
        this.placements = placements;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    public Uni<SectorViews.SectorPushReport> push(CurrentUser.SystemCaller caller, List<Pushed> records) {
        if (records == null) {
            throw ProblemException.badRequest("records-required", "请求须包含 records 数组。");
        }
        if (records.isEmpty()) {
            throw ProblemException.unprocessable("no-records", "records 不能为空。");
        }
        if (records.size() > config.maxRecords()) {
            throw ProblemException.unprocessable("too-many-records",
                    "一次最多推送 " + config.maxRecords() + " 条记录（本次 " + records.size() + " 条），请分批推送。");
        }
        if (records.contains(null)) {
            throw ProblemException.badRequest("malformed-record", "records 中不能有空项（null）。");
        }
        if (caller == null) {
            throw revoked();
        }
        return clients.current(caller.clientId()).flatMap(client -> {
            if (client == null || !client.enabled() || client.secretVersion() != caller.secretVersion()
                    || client.sector() != caller.sector()) {
                throw revoked();
            }
            Instant now = clock.instant();
            long window = config.rateWindow().toMillis();
            Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / window * window);
            return store.countPush(client.clientId(), windowStart).flatMap(pushes -> {
                if (pushes > config.pushesPerWindow()) {
                    long wait = Math.max(1, (windowStart.toEpochMilli() + window - now.toEpochMilli() + 999) / 1000);
                    throw ProblemException.tooManyRequests("push-rate", "推送过于频繁：每 " + config.rateWindow().toSeconds()
                            + " 秒最多 " + config.pushesPerWindow() + " 次，请 " + wait + " 秒后再试。", wait);
                }
                return pool.withTransaction(conn -> new Batch(client, records, now).run(conn));
            });
        });
    }

    private static ProblemException revoked() {
        return new ProblemException(401, "token-revoked", "Unauthorized", "该客户端凭证已失效（密钥已更换或客户端已停用），请重新获取令牌。");
    }

    /** One push's records, worked out together. */
    private final class Batch {
        private final SystemClients.State client;
        private final List<Pushed> records;
        private final Instant now;
        private final LocalDate today;
        private final SectorRecordResult[] results;
        private final Checked[] checked;
        private final Refusal[] refused;
        /** The first position of each usable record id in the batch. */
        private final Map<String, Integer> first = new LinkedHashMap<>();

        Batch(SystemClients.State client, List<Pushed> records, Instant now) {
            this.client = client;
            this.records = records;
            this.now = now;
            this.today = LocalDate.ofInstant(now, clock.getZone());
            this.results = new SectorRecordResult[records.size()];
            this.checked = new Checked[records.size()];
            this.refused = new Refusal[records.size()];
        }

        /** When each step ended (System.nanoTime), for the push's log line. */
        private final long[] marks = new long[6];

        Uni<SectorViews.SectorPushReport> run(SqlConnection conn) {
            marks[0] = System.nanoTime();
            BigDecimal max = config.maxHoursPerRecord();
            for (int i = 0; i < records.size(); i++) {
                Pushed r = records.get(i);
                SectorRules.Outcome o = SectorRules.check(r, today, max);
                if (!SectorRules.usableRecordId(r.recordId())) {
                    results[i] = result(r.recordId(), Status.REFUSED, o.refusal());
                    continue;
                }
                Integer at = first.putIfAbsent(r.recordId(), i);
                if (at != null) {
                    Refusal again = SectorRules.repeated(records.get(at), r);
                    results[i] = result(r.recordId(), again == null ? Status.DUPLICATE : Status.REFUSED, again);
                    continue;
                }
                checked[i] = o.checked();
                refused[i] = o.refusal();
            }
            marks[4] = System.nanoTime();
            return store.existing(conn, client.clientId(), first.keySet()).flatMap(stored -> {
                marks[5] = System.nanoTime();
                List<String> idNumbers = new ArrayList<>();
                for (int i : first.values()) {
                    Stored s = stored.get(records.get(i).recordId());
                    if (s != null && "ACCEPTED".equals(s.status())) {
                        results[i] = result(s.recordId(), Status.DUPLICATE, same(s, records.get(i)) ? null
                                : new Refusal("duplicate-differs", "该记录编号已于 " + s.pushedAt() + " 接收，本次内容不同，未作更改。"));
                        checked[i] = null;
                        refused[i] = null;
                    } else if (checked[i] != null) {
                        idNumbers.add(checked[i].idNumber().value());
                    }
                }
                return placements.byIdNumbers(conn, idNumbers.stream().distinct().toList());
            }).invoke(() -> marks[1] = System.nanoTime()).flatMap(holders -> write(conn, holders));
        }

        private Uni<SectorViews.SectorPushReport> write(SqlConnection conn, Map<String, Placements.Holder> holders) {
            List<Stored> rows = new ArrayList<>();
            Map<String, Credit> credits = new HashMap<>();
            String by = "client:" + client.clientId();
            for (int i : first.values()) {
                if (results[i] != null) {
                    continue;
                }
                Checked c = checked[i];
                Placements.Holder holder = c == null ? null : holders.get(c.idNumber().value());
                if (c != null) {
                    refused[i] = SectorRules.person(c, holder == null ? null : holder.name(), holder == null ? null : holder.sector(),
                            client.sector());
                }
                if (refused[i] == null) {
                    Credit credit = new Credit(holder.professionalId(), c.year(), c.category(), c.hours(), Source.SECTOR_PUSH,
                            SectorRules.sourceRef(client.sector(), client.clientId(), c.recordId()), c.source(), by, now);
                    LedgerRules.Refusal ledgerSays = ledger.refusal(credit);
                    if (ledgerSays != null) {
                        refused[i] = SectorRules.fromLedger(ledgerSays);
                    } else {
                        credits.put(c.recordId(), credit);
                        rows.add(new Stored(c.recordId(), "ACCEPTED", null, null, holder.professionalId(), c.idNumber().value(),
                                c.name(), c.year(), c.category().name(), c.hours(), c.source(), c.completedOn(), now));
                        continue;
                    }
                }
                rows.add(refusedRow(records.get(i), refused[i]));
                results[i] = result(records.get(i).recordId(), Status.REFUSED, refused[i]);
            }
            return store.write(conn, client.clientId(), rows, now).invoke(() -> marks[2] = System.nanoTime()).flatMap(written -> {
                List<Credit> toCredit = new ArrayList<>();
                for (int i : first.values()) {
                    Credit credit = results[i] == null ? credits.get(records.get(i).recordId()) : null;
                    if (credit == null) {
                        continue;
                    }
                    if (written.contains(records.get(i).recordId())) {
                        toCredit.add(credit);
                        results[i] = result(records.get(i).recordId(), Status.ACCEPTED, null);
                    } else {
                        // a parallel push of the same record id committed first
                        results[i] = result(records.get(i).recordId(), Status.DUPLICATE, null);
                    }
                }
                return ledger.creditAll(conn, toCredit);
            }).invoke(() -> marks[3] = System.nanoTime()).map(credited -> report());
        }

        private SectorViews.SectorPushReport report() {
            int accepted = 0;
            int duplicates = 0;
            int refusedCount = 0;
            for (SectorRecordResult r : results) {
                switch (r.status()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicates++;
                    case REFUSED -> refusedCount++;
                }
            }
            Log.infof("push by %s: %d records, %d accepted, %d duplicates, %d refused (checks %d ms, stored records read %d ms,"
                    + " people found %d ms, records written %d ms, ledger %d ms)", client.clientId(), results.length, accepted, duplicates,
                    refusedCount, (marks[4] - marks[0]) / 1_000_000, (marks[5] - marks[4]) / 1_000_000, (marks[1] - marks[5]) / 1_000_000,
                    (marks[2] - marks[1]) / 1_000_000, (marks[3] - marks[2]) / 1_000_000);
            return new SectorViews.SectorPushReport(accepted, duplicates, refusedCount, List.of(results));
        }

        private Stored refusedRow(Pushed r, Refusal why) {
            LocalDate done = null;
            try {
                done = r.completedOn() != null && r.completedOn().matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(r.completedOn()) : null;
            } catch (java.time.DateTimeException e) {
                // kept as unknown
            }
            BigDecimal hours = r.hours() != null && r.hours().abs().compareTo(BigDecimal.valueOf(1_000_000)) < 0
                    && r.hours().scale() <= 6 && r.hours().scale() >= -6 ? r.hours() : null;
            return new Stored(r.recordId(), "REFUSED", why.code(), clip(why.detail(), 300), null, clip(r.idNumber(), 40),
                    clip(r.name(), 100), r.year(), clip(r.category(), 16), hours, clip(r.source(), 200), done, now);
        }
    }

    /** Whether a record sent again says what the accepted one under its id said. */
    private static boolean same(Stored s, Pushed r) {
        return java.util.Objects.equals(s.idNumber(), r.idNumber() == null ? null : r.idNumber().strip().toUpperCase())
                && java.util.Objects.equals(s.name(), r.name() == null ? null : r.name().strip())
                && java.util.Objects.equals(s.year(), r.year()) && java.util.Objects.equals(s.category(), r.category())
                && s.hours() != null && r.hours() != null && s.hours().compareTo(r.hours()) == 0
                && java.util.Objects.equals(s.source(), r.source() == null ? null : r.source().strip())
                && java.util.Objects.equals(String.valueOf(s.completedOn()), r.completedOn());
    }

    private static SectorRecordResult result(String recordId, Status status, Refusal why) {
        return new SectorRecordResult(recordId, status, why == null ? null : why.code(), why == null ? null : why.detail());
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
