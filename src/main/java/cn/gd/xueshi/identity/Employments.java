package cn.gd.xueshi.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Who works where: the employment history, {@code professional.employer_id} (the current unit) and
 * the unit on the person's sign-in account (their token's {@code eid}), kept in step. Owns the SQL on both. Imports are set-based: a few statements per batch of people,
 * each taking its rows as one JSON parameter, never a round trip per person. (The parameter is cast
 * to text first: the reactive driver would send a string bound to a jsonb parameter as a JSON string.)
 */
@ApplicationScoped
public class Employments {

    static final int BATCH = 2_000;
    static final String RACED = "此人刚被另一次操作登记，请重新导入这一行。";

    private final Clock clock;
    private final ObjectMapper json;
    private final Instance<EmploymentChanges> listeners;

    public Employments(Clock clock, ObjectMapper json, @Any Instance<EmploymentChanges> listeners) {
        this.clock = clock;
        this.json = json;
        this.listeners = listeners;
    }

    /** What placing one person did, with their professional id where there is one. */
    public record Placed(StaffOutcome outcome, Long professionalId, String reason) {
    }

    /** A unit's current member of staff. */
    public record Member(long professionalId, String name, String idNumber, Sector sector, TitleLevel titleLevel, String cityCode,
            LocalDate since) {
    }

    public record Members(long total, List<Member> members) {
    }

    private record Move(long professionalId, Long from) {
    }

    private static final String KNOWN = """
            select p.id, p.id_number, p.name, p.employer_id from professional p
             where p.id_number in (select jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)))
             order by p.id for update""";
    private static final String CREATE = """
            with p as (
              insert into professional (name, id_number, birth_date, employer_id, title_level, sector, city_code, created_at)
              select r.name, r.id_number, r.birth_date, :unit, r.title_level, r.sector, r.city_code, :now
                from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                  as r(name text, id_number text, birth_date date, title_level text, sector text, city_code text)
              on conflict (id_number) do nothing
              returning id, id_number),
            e as (
              insert into employment (professional_id, employer_id, from_date, recorded_by, recorded_at)
              select p.id, :unit, :today, :by, :now from p)
            select id, id_number from p""";
    private static final String LEAVE = """
            with m as (select cast(jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) as bigint) as pid),
            ended as (
              update employment set until_date = :today, ended_by = :by, ended_at = :now
               where professional_id in (select pid from m) and until_date is null returning id),
            signed_in as (update account set employer_id = :unit where professional_id in (select pid from m))
            update professional set employer_id = :unit where id in (select pid from m)""";
    private static final String JOIN = """
            insert into employment (professional_id, employer_id, from_date, recorded_by, recorded_at)
            select cast(jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) as bigint), :unit, :today, :by, :now""";
    private static final String END = """
            with ended as (
              update employment set until_date = :today, ended_by = :by, ended_at = :now
               where employer_id = :unit and professional_id = :pid and until_date is null returning professional_id),
            signed_in as (update account set employer_id = null where professional_id in (select professional_id from ended))
            update professional set employer_id = null where id in (select professional_id from ended)""";
    private static final String MEMBERS = """
            select p.id, p.name, p.id_number, p.sector, p.title_level, p.city_code, cast(e.from_date as text)
              from employment e join professional p on p.id = e.professional_id
             where e.employer_id = :unit and e.until_date is null
             order by p.name, p.id offset :offset limit :limit""";
    private static final String COUNT = "select count(*) from employment where employer_id = :unit and until_date is null";
    private static final String RECORD = """
            insert into employment (professional_id, employer_id, from_date, recorded_by, recorded_at)
            values (:pid, :unit, :today, :by, :now)""";

    /**
     * Places every person in the unit, answering in the order given (their ID numbers distinct):
     * creates the unknown, links those in no unit, moves those in another (telling every
     * {@link EmploymentChanges} in this transaction), leaves those already here untouched.
     */
    @WithTransaction
    public Uni<List<Placed>> place(long unit, List<Person> people, String by) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Placed[] placed = new Placed[people.size()];
        List<Integer> creates = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        return known(people).flatMap(known -> {
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                StaffMatch.Known k = known.get(p.id().value());
                StaffMatch.Decision d = StaffMatch.decide(unit, p.name(), k);
                placed[i] = new Placed(d.outcome(), d.outcome() == StaffOutcome.REFUSED || k == null ? null : k.professionalId(),
                        d.reason());
                if (d.outcome() == StaffOutcome.CREATED) {
                    creates.add(i);
                } else if (d.outcome() == StaffOutcome.LINKED || d.outcome() == StaffOutcome.MOVED) {
                    moves.add(new Move(k.professionalId(), k.employerId()));
                }
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int from = 0; from < creates.size(); from += BATCH) {
                List<Integer> batch = creates.subList(from, Math.min(creates.size(), from + BATCH));
                chain = chain.chain(() -> create(unit, people, batch, placed, by, today, now));
            }
            for (int from = 0; from < moves.size(); from += BATCH) {
                List<Move> batch = moves.subList(from, Math.min(moves.size(), from + BATCH));
                chain = chain.chain(() -> move(unit, batch, by, today, now));
            }
            // one after another on this transaction's session, as a stream: thousands of moves make no deep chain
            List<EmploymentChanges> told = listeners.stream().toList();
            return chain.chain(() -> Multi.createFrom().iterable(moves)
                    .onItem().transformToUniAndConcatenate(m -> Multi.createFrom().iterable(told)
                            .onItem().transformToUniAndConcatenate(listener -> listener.moved(m.professionalId(), m.from(), unit))
                            .collect().last())
                    .collect().last())
                    .map(x -> List.of(placed));
        });
    }

    private Uni<Map<String, StaffMatch.Known>> known(List<Person> people) {
        Map<String, StaffMatch.Known> known = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < people.size(); from += BATCH) {
            String ids = write(people.subList(from, Math.min(people.size(), from + BATCH)).stream().map(p -> p.id().value()).toList());
            chain = chain.chain(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(KNOWN, Object[].class)
                    .setParameter("ids", ids).getResultList()).invoke(rows -> {
                        for (Object[] r : rows) {
                            known.put(r[1].toString().strip(), new StaffMatch.Known(((Number) r[0]).longValue(), (String) r[2],
                                    r[3] == null ? null : ((Number) r[3]).longValue()));
                        }
                    }).replaceWithVoid());
        }
        return chain.map(x -> known);
    }

    private Uni<Void> create(long unit, List<Person> people, List<Integer> batch, Placed[] placed, String by, LocalDate today,
            Instant now) {
        List<Map<String, String>> rows = batch.stream().map(people::get).map(p -> Map.of("name", p.name(), "id_number",
                p.id().value(), "birth_date", p.id().birthDate().toString(), "title_level", p.titleLevel().name(), "sector",
                p.sector().name(), "city_code", p.cityCode())).toList();
        return Panache.getSession().flatMap(s -> s.createNativeQuery(CREATE, Object[].class).setParameter("rows", write(rows))
                .setParameter("unit", unit).setParameter("today", today).setParameter("by", by).setParameter("now", now)
                .getResultList()).invoke(created -> {
                    Map<String, Long> ids = new HashMap<>();
                    for (Object[] r : created) {
                        ids.put(r[1].toString().strip(), ((Number) r[0]).longValue());
                    }
                    for (int i : batch) {
                        Long id = ids.get(people.get(i).id().value());
                        placed[i] = id != null ? new Placed(StaffOutcome.CREATED, id, null) : new Placed(StaffOutcome.REFUSED, null, RACED);
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> move(long unit, List<Move> batch, String by, LocalDate today, Instant now) {
        String ids = write(batch.stream().map(Move::professionalId).toList());
        return Panache.getSession().flatMap(s -> s.createNativeQuery(LEAVE).setParameter("ids", ids).setParameter("unit", unit)
                .setParameter("today", today).setParameter("by", by).setParameter("now", now).executeUpdate()
                .chain(() -> s.createNativeQuery(JOIN).setParameter("ids", ids).setParameter("unit", unit)
                        .setParameter("today", today).setParameter("by", by).setParameter("now", now).executeUpdate()))
                .replaceWithVoid();
    }

    /** Ends the person's employment in the unit today; false when they are not currently in it. */
    @WithTransaction
    public Uni<Boolean> end(long unit, long professionalId, String by) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(END).setParameter("unit", unit).setParameter("pid", professionalId)
                .setParameter("today", LocalDate.now(clock)).setParameter("by", by).setParameter("now", clock.instant())
                .executeUpdate()).map(n -> n > 0);
    }

    /** The unit's current staff by name, a page at a time, with how many there are in all. */
    @WithSession
    public Uni<Members> members(long unit, int offset, int limit) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(COUNT, Object.class).setParameter("unit", unit).getSingleResult()
                .flatMap(total -> s.createNativeQuery(MEMBERS, Object[].class).setParameter("unit", unit)
                        .setParameter("offset", offset).setParameter("limit", limit).getResultList()
                        .map(rows -> new Members(((Number) total).longValue(), rows.stream().map(r -> new Member(
                                ((Number) r[0]).longValue(), (String) r[1], r[2].toString().strip(), Sector.valueOf((String) r[3]),
                                TitleLevel.valueOf((String) r[4]), r[5].toString().strip(), LocalDate.parse((String) r[6]))).toList()))));
    }

    /** Records a newly registered professional's first unit, inside the caller's transaction. */
    public Uni<Void> recordNew(long professionalId, long unit, String by) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(RECORD).setParameter("pid", professionalId)
                .setParameter("unit", unit).setParameter("today", LocalDate.now(clock)).setParameter("by", by)
                .setParameter("now", clock.instant()).executeUpdate()).replaceWithVoid();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
