package cn.gd.xueshi.sector;

import static cn.gd.xueshi.support.Api.as;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import io.quarkus.elytron.security.common.BcryptUtil;

/** Fresh sector clients with their secrets and tokens, professionals of a sector, and records to push. */
final class SectorFixture {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private SectorFixture() {
    }

    record Client(String clientId, String secret) {
    }

    record Person(long professionalId, String idNumber, String name) {
    }

    /** A client of {@code sector} registered as HR would, with its secret. */
    static Client client(String sector) {
        String id = "t-" + sector.toLowerCase().substring(0, 3) + "-" + SEQ.incrementAndGet();
        String secret = "secret-" + id;
        Db.update("""
                insert into system_client (client_id, name, sector, secret_hash, created_by, created_at, secret_set_at)
                values (?, ?, ?, ?, 'test', now(), now())""", id, "测试系统 " + id, sector, BcryptUtil.bcryptHash(secret, 4));
        return new Client(id, secret);
    }

    static String token(Client c) {
        return as(null).body(Map.of("clientId", c.clientId(), "clientSecret", c.secret())).post("/api/auth/clients/token").then()
                .statusCode(200).extract().path("token");
    }

    /** A professional of {@code sector} in a unit of their own. */
    static Person person(String sector) {
        long unit = Learners.unit();
        Learners.Learner l = Learners.create(unit, sector);
        List<Object> row = Db.row("select id_number, name from professional where id = ?", l.professionalId());
        return new Person(l.professionalId(), row.get(0).toString().strip(), row.get(1).toString());
    }

    static Map<String, Object> record(String recordId, Person p, int year, String category, Object hours, String completedOn) {
        return record(recordId, p.idNumber(), p.name(), year, category, hours, "继续医学教育项目", completedOn);
    }

    static Map<String, Object> record(String recordId, String idNumber, String name, Object year, String category, Object hours,
            String source, String completedOn) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("recordId", recordId);
        r.put("idNumber", idNumber);
        r.put("name", name);
        r.put("year", year);
        r.put("category", category);
        r.put("hours", hours);
        r.put("source", source);
        r.put("completedOn", completedOn);
        return r;
    }

    static Map<String, Object> batch(Object... records) {
        return Map.of("records", List.of(records));
    }

    static String recordId() {
        return "R" + SEQ.incrementAndGet();
    }

    /** The ledger's sector-push entries of a client, as text, to compare before and after. */
    static String ledger(String clientId) {
        return Db.row("""
                select count(*), coalesce(string_agg(concat_ws('|', id, professional_id, year, category, hours, source_ref, title,
                       recorded_by), ';' order by id), '')
                  from hour_entry where source = 'SECTOR_PUSH' and source_ref like ?""", "push:%:" + clientId + ":%").toString();
    }

    /** The client's stored records, as text. */
    static String records(String clientId) {
        return Db.row("""
                select count(*), coalesce(string_agg(concat_ws('|', record_id, status, reason, detail, professional_id, id_number,
                       name, year, category, hours, source, completed_on, pushed_at), ';' order by record_id), '')
                  from sector_record where client_id = ?""", clientId).toString();
    }
}
