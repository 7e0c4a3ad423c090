package cn.gd.xueshi.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Where professionals belong today: their unit, city and sector. The other features ask here (they
 * never read identity's tables) to place a declaration with the unit that confirms it, or to check
 * that a caller's scope covers a professional.
 */
@ApplicationScoped
public class Placements {

    /** A professional's place; {@code employerId} is null for one with no unit. */
    public record Placement(long professionalId, String name, Long employerId, String employerName, String cityCode, Sector sector,
            TitleLevel titleLevel, String idNumber) {

        /** The scope the professional's records belong to: their city, sector and unit. */
        public Scope scope() {
            return new Scope(Level.CITY, cityCode, sector, employerId);
        }
    }

    /** The accounts of professionals who have one, by professional id. */
    @WithSession
    public Uni<Map<Long, Long>> accounts(Collection<Long> professionalIds) {
        if (professionalIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Account.<Account>list("professionalId in ?1", professionalIds).map(as -> {
            Map<Long, Long> out = new java.util.HashMap<>();
            as.forEach(a -> out.putIfAbsent(a.professionalId, a.id));
            return out;
        });
    }

    private volatile Long platformAccount;

    /**
     * The platform's own account, the owner of what the platform hands in for people who have none;
     * read once (a migration makes it and nothing changes it), not once per person of a batch.
     */
    @WithSession
    public Uni<Long> platformAccount() {
        Long known = platformAccount;
        return known != null ? Uni.createFrom().item(known)
                : Account.byUsername("xueshi-platform").map(a -> a.id).invoke(id -> platformAccount = id);
    }

    /** The professionals of a unit today, or (no unit) of a city or (no city) the province, by id. */
    @WithSession
    public Uni<List<Long>> professionalsIn(Long employerId, String cityCode) {
        return employerId != null ? Professional.<Professional>list("employerId = ?1 order by id", employerId).map(ids())
                : cityCode != null ? Professional.<Professional>list("cityCode = ?1 order by id", cityCode).map(ids())
                : Professional.<Professional>listAll(io.quarkus.panache.common.Sort.by("id")).map(ids());
    }

    private static java.util.function.Function<List<Professional>, List<Long>> ids() {
        return ps -> ps.stream().map(p -> p.id).toList();
    }

    /** A unit's name and city. */
    public record Unit(long id, String name, String cityCode) {
    }

    /** A unit, or null when there is no such unit. */
    @WithSession
    public Uni<Unit> unit(long employerId) {
        return Employer.<Employer>findById(employerId).map(e -> e == null ? null : new Unit(e.id, e.name, e.cityCode));
    }

    /** The professional's place, or null when there is no such professional. */
    @WithSession
    public Uni<Placement> of(long professionalId) {
        return of(List.of(professionalId)).map(m -> m.get(professionalId));
    }

    /** The places of several professionals; unknown ids are left out. */
    @WithSession
    public Uni<Map<Long, Placement>> of(Collection<Long> professionalIds) {
        if (professionalIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Professional.<Professional>list("id in ?1", professionalIds).flatMap(people -> {
            List<Long> units = people.stream().map(p -> p.employerId).filter(java.util.Objects::nonNull).distinct().toList();
            Uni<List<Employer>> employers = units.isEmpty() ? Uni.createFrom().item(List.of()) : Employer.list("id in ?1", units);
            return employers.map(es -> {
                Map<Long, String> names = new java.util.HashMap<>();
                es.forEach(e -> names.put(e.id, e.name));
                Map<Long, Placement> placed = new LinkedHashMap<>();
                for (Professional p : people) {
                    placed.put(p.id, new Placement(p.id, p.name, p.employerId, p.employerId == null ? null : names.get(p.employerId),
                            p.cityCode, Sector.valueOf(p.sector), TitleLevel.parse(p.titleLevel), p.idNumber));
                }
                return placed;
            });
        });
    }

    /** A professional found by ID number: who they are and their sector. */
    public record Holder(long professionalId, String name, Sector sector) {
    }

    /**
     * The professionals holding these ID numbers (18 characters, upper case), in one query on the
     * caller's connection (and transaction); numbers nobody holds are left out.
     */
    public Uni<Map<String, Holder>> byIdNumbers(io.vertx.mutiny.sqlclient.SqlConnection conn, Collection<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("select id_number, id, name, sector from professional where id_number = any($1::bpchar[])")
                .execute(io.vertx.mutiny.sqlclient.Tuple.tuple().addArrayOfString(idNumbers.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Holder> found = new java.util.HashMap<>();
                    for (io.vertx.mutiny.sqlclient.Row r : rows) {
                        found.put(r.getString(0), new Holder(r.getLong(1), r.getString(2), Sector.valueOf(r.getString(3))));
                    }
                    return found;
                });
    }
}
