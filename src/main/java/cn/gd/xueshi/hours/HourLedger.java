package cn.gd.xueshi.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.Placements;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.shared.ProblemException;

/**
 * The append-only hour ledger: the one door every source credits through, revocation, and the
 * yearly record. It knows nothing of courses, declarations or classes; their features decide when
 * hours are earned and call {@link #credit}.
 */
@ApplicationScoped
public class HourLedger {

    private final Clock clock;
    private final YearRules rules;
    private final Placements placements;
    private final jakarta.enterprise.inject.Instance<HoursRevoked> revocationListeners;

    public HourLedger(Clock clock, YearRules rules, Placements placements, jakarta.enterprise.inject.Instance<HoursRevoked> listeners) {
        this.clock = clock;
        this.rules = rules;
        this.placements = placements;
        this.revocationListeners = listeners;
    }

    /** What crediting did: the entry that holds the credit, and whether this call made it. */
    public record Credited(long entryId, BigDecimal hours, boolean fresh) {
    }

    private static final String INSERT = """
            insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title,
                                    recorded_by, recorded_at)
            values (%1$s, %2$s, %3$s, %4$s, %5$s, 'CREDIT', 'CONFIRMED', %6$s, %7$s, %8$s, %9$s)
            on conflict (professional_id, source, source_ref) where kind = 'CREDIT' do nothing
            returning id, hours""";
    private static final String EXISTING = """
            select id, hours from hour_entry where professional_id = %1$s and source = %4$s and source_ref = %5$s and kind = 'CREDIT'""";
    private static final String INSERT_PG = INSERT.formatted("$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9");
    private static final String EXISTING_PG = EXISTING.formatted("$1", "", "", "$2", "$3");
    private static final String INSERT_ORM = INSERT.formatted(":pid", ":year", ":category", ":source", ":ref", ":hours", ":title",
            ":by", ":at");
    private static final String EXISTING_ORM = EXISTING.formatted(":pid", "", "", ":source", ":ref");

    /**
     * The ledger's one door, inside the caller's Hibernate transaction: records the credit unless
     * the same source already credited the same reference for this professional (then answers that
     * entry), after the ledger's own checks ({@link LedgerRules}); a refusal is a problem.
     */
    public Uni<Credited> credit(Credit credit) {
        refuseUnlessAllowed(credit);
        return Panache.getSession().flatMap(s -> s.createNativeQuery(INSERT_ORM, Object[].class)
                .setParameter("pid", credit.professionalId()).setParameter("year", credit.year())
                .setParameter("category", credit.category().name()).setParameter("source", credit.source().name())
                .setParameter("ref", credit.sourceRef()).setParameter("hours", credit.hours())
                .setParameter("title", credit.title()).setParameter("by", credit.recordedBy())
                .setParameter("at", credit.at()).getResultList()
                .flatMap(rows -> !rows.isEmpty() ? Uni.createFrom().item(credited(rows.get(0), true))
                        : s.createNativeQuery(EXISTING_ORM, Object[].class).setParameter("pid", credit.professionalId())
                                .setParameter("source", credit.source().name()).setParameter("ref", credit.sourceRef())
                                .getSingleResult().map(row -> credited(row, false))));
    }

    /** The same door on a connection of the reactive pool, inside the caller's transaction there. */
    public io.vertx.core.Future<Credited> credit(io.vertx.sqlclient.SqlConnection conn, Credit credit) {
        try {
            refuseUnlessAllowed(credit);
        } catch (ProblemException e) {
            return io.vertx.core.Future.failedFuture(e);
        }
        io.vertx.sqlclient.Tuple args = io.vertx.sqlclient.Tuple.wrap(java.util.Arrays.asList(credit.professionalId(), credit.year(),
                credit.category().name(), credit.source().name(), credit.sourceRef(), credit.hours(), credit.title(),
                credit.recordedBy(), java.time.OffsetDateTime.ofInstant(credit.at(), java.time.ZoneOffset.UTC)));
        return conn.preparedQuery(INSERT_PG).execute(args).compose(rows -> rows.size() > 0
                ? io.vertx.core.Future.succeededFuture(new Credited(rows.iterator().next().getLong(0), rows.iterator().next().getBigDecimal(1), true))
                : conn.preparedQuery(EXISTING_PG).execute(io.vertx.sqlclient.Tuple.of(credit.professionalId(), credit.source().name(),
                        credit.sourceRef()))
                        .map(existing -> {
                            io.vertx.sqlclient.Row r = existing.iterator().next();
                            return new Credited(r.getLong(0), r.getBigDecimal(1), false);
                        }));
    }

    private static final String INSERT_ALL = """
            insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title,
                                    recorded_by, recorded_at)
            select c.pid, c.yr, c.cat, c.src, c.ref, 'CREDIT', 'CONFIRMED', cast(c.hrs as numeric), c.ttl, c.rec_by, c.rec_at
              from unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                          $9::timestamptz[]) as c(pid, yr, cat, src, ref, hrs, ttl, rec_by, rec_at)
            on conflict (professional_id, source, source_ref) where kind = 'CREDIT' do nothing
            returning id, professional_id, source_ref, hours""";
    private static final String EXISTING_ALL = """
            select e.id, e.professional_id, e.source_ref, e.hours
              from hour_entry e join unnest($1::bigint[], $2::text[], $3::text[]) as c(pid, src, ref)
                on e.professional_id = c.pid and e.source = c.src and e.source_ref = c.ref
             where e.kind = 'CREDIT'""";

    /**
     * Why the ledger would refuse this credit today ({@link LedgerRules}), or null when it would
     * record it: for a source that checks many credits before it commits to any of them.
     */
    public LedgerRules.Refusal refusal(Credit credit) {
        return LedgerRules.refusal(credit, rules.rule(credit.year()), LocalDate.now(clock));
    }

    /**
     * The one door for many credits at once, on a connection of the reactive pool inside the
     * caller's transaction there: the same checks per credit as {@link #credit(Credit)} (any refusal
     * refuses the whole call, so check each with {@link #refusal} first), the same idempotency, one
     * set-based insert, and a second statement only for credits that were already recorded. Answers
     * one {@link Credited} per credit, in the order given.
     */
    public Uni<List<Credited>> creditAll(io.vertx.mutiny.sqlclient.SqlConnection conn, List<Credit> credits) {
        if (credits.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        try {
            credits.forEach(this::refuseUnlessAllowed);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        int n = credits.size();
        Long[] pids = new Long[n];
        Integer[] years = new Integer[n];
        String[] categories = new String[n];
        String[] sources = new String[n];
        String[] refs = new String[n];
        String[] hours = new String[n];
        String[] titles = new String[n];
        String[] by = new String[n];
        java.time.OffsetDateTime[] at = new java.time.OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Credit c = credits.get(i);
            pids[i] = c.professionalId();
            years[i] = c.year();
            categories[i] = c.category().name();
            sources[i] = c.source().name();
            refs[i] = c.sourceRef();
            hours[i] = c.hours().toPlainString();
            titles[i] = c.title();
            by[i] = c.recordedBy();
            at[i] = java.time.OffsetDateTime.ofInstant(c.at(), java.time.ZoneOffset.UTC);
        }
        java.util.Map<String, Credited> done = new java.util.HashMap<>();
        return conn.preparedQuery(INSERT_ALL).execute(io.vertx.mutiny.sqlclient.Tuple.tuple().addArrayOfLong(pids)
                .addArrayOfInteger(years).addArrayOfString(categories).addArrayOfString(sources).addArrayOfString(refs)
                .addArrayOfString(hours).addArrayOfString(titles).addArrayOfString(by).addArrayOfOffsetDateTime(at))
                .flatMap(inserted -> {
                    for (io.vertx.mutiny.sqlclient.Row r : inserted) {
                        done.put(r.getLong(1) + "|" + r.getString(2), new Credited(r.getLong(0), r.getBigDecimal(3), true));
                    }
                    if (done.size() == n) {
                        return Uni.createFrom().voidItem();
                    }
                    List<Credit> rest = credits.stream().filter(c -> !done.containsKey(c.professionalId() + "|" + c.sourceRef())).toList();
                    return conn.preparedQuery(EXISTING_ALL).execute(io.vertx.mutiny.sqlclient.Tuple.tuple()
                            .addArrayOfLong(rest.stream().map(Credit::professionalId).toArray(Long[]::new))
                            .addArrayOfString(rest.stream().map(c -> c.source().name()).toArray(String[]::new))
                            .addArrayOfString(rest.stream().map(Credit::sourceRef).toArray(String[]::new)))
                            .invoke(existing -> {
                                for (io.vertx.mutiny.sqlclient.Row r : existing) {
                                    done.put(r.getLong(1) + "|" + r.getString(2), new Credited(r.getLong(0), r.getBigDecimal(3), false));
                                }
                            }).replaceWithVoid();
                })
                .map(x -> credits.stream().map(c -> done.get(c.professionalId() + "|" + c.sourceRef())).toList());
    }

    private void refuseUnlessAllowed(Credit credit) {
        LedgerRules.Refusal refusal = LedgerRules.refusal(credit, rules.rule(credit.year()), LocalDate.now(clock));
        if (refusal != null) {
            throw "year-closed".equals(refusal.type()) || "future-year".equals(refusal.type())
                    ? ProblemException.conflict(refusal.type(), refusal.detail())
                    : ProblemException.unprocessable(refusal.type(), refusal.detail());
        }
    }

    private static Credited credited(Object[] row, boolean fresh) {
        return new Credited(((Number) row[0]).longValue(), (BigDecimal) row[1], fresh);
    }

    /**
     * HR administrators revoke an entry with a reason: a REVERSAL entry, never an edit; only for a
     * professional their region covers (anyone else's entry is unknown to them: 404).
     */
    @WithTransaction
    public Uni<HourEntry> revoke(long entryId, String reason, String by, Scope hr) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.unprocessable("reason-required", "撤销学时必须填写原因（500 字以内）。");
        }
        return HourEntry.<HourEntry>findById(entryId).call(entry -> entry == null ? Uni.createFrom().voidItem()
                : placements.of(entry.professionalId).invoke(place -> {
                    if (place == null || !HoursScope.mayRevoke(hr, place.scope())) {
                        throw ProblemException.notFound("学时记录不存在（编号 " + entryId + "）。");
                    }
                })).flatMap(entry -> {
            if (entry == null) {
                throw ProblemException.notFound("学时记录不存在（编号 " + entryId + "）。");
            }
            if (!"CREDIT".equals(entry.kind)) {
                throw ProblemException.conflict("not-a-credit", "只能撤销登记记录，不能撤销撤销记录。");
            }
            return HourEntry.count("reversesId", entryId).flatMap(n -> {
                if (n > 0) {
                    throw ProblemException.conflict("already-revoked", "该学时记录已被撤销。");
                }
                HourEntry reversal = new HourEntry();
                reversal.professionalId = entry.professionalId;
                reversal.year = entry.year;
                reversal.category = entry.category;
                reversal.source = entry.source;
                reversal.sourceRef = entry.sourceRef;
                reversal.kind = "REVERSAL";
                reversal.status = entry.status;
                reversal.hours = entry.hours.negate();
                reversal.reversesId = entry.id;
                reversal.title = entry.title;
                reversal.reason = reason.trim();
                reversal.recordedBy = by;
                reversal.recordedAt = clock.instant();
                Uni<HourEntry> saved = reversal.persist();
                for (HoursRevoked listener : revocationListeners) {
                    saved = saved.call(r -> listener.revoked(r.professionalId, r.year, r.reason, by, r.recordedAt));
                }
                return saved;
            });
        });
    }

    public record Statement(YearRecord record, List<HourEntry> entries) {
    }

    @WithSession
    public Uni<Statement> statement(long professionalId, int year) {
        YearRule rule = rules.rule(year);
        if (rule == null) {
            throw ProblemException.notFound(year + " 年度没有学时要求配置。");
        }
        YearRecord.Hours requirement = rule.requirement();
        return HourEntry.<HourEntry>list("professionalId = ?1 and year = ?2 order by id", professionalId, year)
                .map(entries -> new Statement(YearRecord.of(year, requirement, entries.stream()
                        .map(e -> new YearRecord.Line(e.category, e.status, e.hours)).toList()), entries));
    }

    /**
     * Several professionals' standing in a year at once (for an employer's staff list): confirmed
     * hours by category against the year's requirement; a professional with no entry has zeros.
     */
    @WithSession
    public Uni<java.util.Map<Long, YearRecord>> records(java.util.Collection<Long> professionalIds, int year) {
        YearRule rule = rules.rule(year);
        if (rule == null) {
            throw ProblemException.notFound(year + " 年度没有学时要求配置。");
        }
        if (professionalIds.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return Panache.getSession().flatMap(s -> s.createSelectionQuery("""
                select e.professionalId, e.category, e.status, sum(e.hours) from HourEntry e
                 where e.professionalId in :ids and e.year = :year group by e.professionalId, e.category, e.status""", Object[].class)
                .setParameter("ids", professionalIds).setParameter("year", year).getResultList())
                .map(rows -> {
                    java.util.Map<Long, java.util.List<YearRecord.Line>> lines = new java.util.HashMap<>();
                    for (Object[] r : rows) {
                        lines.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>())
                                .add(new YearRecord.Line((String) r[1], (String) r[2], (BigDecimal) r[3]));
                    }
                    java.util.Map<Long, YearRecord> records = new java.util.LinkedHashMap<>();
                    for (Long id : professionalIds) {
                        records.put(id, YearRecord.of(year, rule.requirement(), lines.getOrDefault(id, java.util.List.of())));
                    }
                    return records;
                });
    }
}
