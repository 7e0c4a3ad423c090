package cn.gd.xueshi.sector;

import static cn.gd.xueshi.sector.SectorFixture.batch;
import static cn.gd.xueshi.sector.SectorFixture.record;
import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.gd.xueshi.sector.SectorFixture.Client;
import cn.gd.xueshi.sector.SectorFixture.Person;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;
import cn.gd.xueshi.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A sector system's push, end to end against the real database: outcomes per record, idempotency, races and limits. */
@QuarkusTest
class SectorPushApiTest {

    @Inject
    MutableClock clock;

    @BeforeEach
    void midYear() {
        clock.at(OffsetDateTime.parse("2026-06-10T10:00:00+08:00").toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static ValidatableResponse push(String token, Object body) {
        return as(token).body(body).post("/api/sector/hours").then();
    }

    @Test
    void everyRecordIsAcceptedDuplicateOrRefusedWithItsReason() {
        Client health = SectorFixture.client("HEALTH");
        String token = SectorFixture.token(health);
        Person a = SectorFixture.person("HEALTH");
        Person b = SectorFixture.person("HEALTH");
        Person teacher = SectorFixture.person("EDUCATION");
        String unknownId = "445381195901010016";
        List<Map<String, Object>> records = List.of(
                record("A-1", a, 2026, "PROFESSIONAL", 12.5, "2026-03-01"),
                record("B-1", b, 2026, "ELECTIVE", 6, "2026-06-10"),
                record("A-1", a, 2026, "PROFESSIONAL", 12.5, "2026-03-01"),
                record("A-1", a, 2026, "PROFESSIONAL", 13, "2026-03-01"),
                record("X-1", "440104198207150023", a.name(), 2026, "PROFESSIONAL", 1, "培训", "2026-03-01"),
                record("X-2", unknownId, "无此人", 2026, "PROFESSIONAL", 1, "培训", "2026-03-01"),
                record("X-3", teacher, 2026, "PROFESSIONAL", 1, "2026-03-01"),
                record("X-4", a.idNumber(), "别名", 2026, "PROFESSIONAL", 1, "培训", "2026-03-01"),
                record("X-5", a, 2026, "PROFESSIONAL", 0, "2026-03-01"),
                record("X-6", a, 2026, "PROFESSIONAL", 1.25, "2026-03-01"),
                record("X-7", a, 2026, "PROFESSIONAL", 90.5, "2026-03-01"),
                record("X-8", a, 2026, "PROFESSIONAL", 1, "2026-06-11"),
                record("X-9", a, 2026, "PROFESSIONAL", 1, "2025-12-31"),
                record("X-10", a, 2026, "PUBLIC", 1, "2026-03-01"),
                record("X-11", a, 2026, "PROFESSIONAL", 1, "2026-02-30"),
                record("X-12", a.idNumber(), a.name(), 2026, "PROFESSIONAL", 1, "", "2026-03-01"),
                record("X-13", a.idNumber(), a.name(), null, "PROFESSIONAL", 1, "培训", "2026-03-01"),
                record("bad id!", a, 2026, "PROFESSIONAL", 1, "2026-03-01"),
                record(null, a, 2026, "PROFESSIONAL", 1, "2026-03-01"));

        push(token, Map.of("records", records)).statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1)).body("refused", equalTo(16))
                .body("results.recordId", contains("A-1", "B-1", "A-1", "A-1", "X-1", "X-2", "X-3", "X-4", "X-5", "X-6", "X-7", "X-8",
                        "X-9", "X-10", "X-11", "X-12", "X-13", "bad id!", null))
                .body("results.status", contains("ACCEPTED", "ACCEPTED", "DUPLICATE", "REFUSED", "REFUSED", "REFUSED", "REFUSED",
                        "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED",
                        "REFUSED", "REFUSED"))
                .body("results.reason", contains(null, null, null, "duplicate-in-batch", "bad-id-number", "unknown-person",
                        "other-sector", "name-mismatch", "impossible-hours", "impossible-hours", "impossible-hours", "future-date",
                        "date-outside-year", "bad-category", "bad-date", "bad-source", "bad-year", "bad-record-id", "bad-record-id"))
                .body("results[5].detail", equalTo("平台中没有身份证号为 445381********0016 的专业技术人员，请先由其单位登记。"))
                .body("results[6].detail", equalTo("此人不属于卫生健康行业，本系统不能为其推送学时。"))
                .body("results[0].detail", nullValue());

        assertEquals(List.of(a.professionalId(), 2026L, "PROFESSIONAL", new BigDecimal("12.5"), "push:HEALTH:" + health.clientId() + ":A-1",
                "继续医学教育项目", "client:" + health.clientId(), "CONFIRMED"), Db.row("""
                        select professional_id, cast(year as bigint), category, hours, source_ref, title, recorded_by, status
                          from hour_entry where source = 'SECTOR_PUSH' and professional_id = ?""", a.professionalId()));
        assertEquals(List.of(new BigDecimal("6.0"), "ELECTIVE"), Db.row(
                "select hours, category from hour_entry where source = 'SECTOR_PUSH' and professional_id = ?", b.professionalId()));
        assertEquals(0, Db.number("select count(*) from hour_entry where professional_id = ?", teacher.professionalId()));
        // every record with a usable id is kept, accepted or refused with its reason; the two without one cannot be
        assertEquals(List.of(15L, 2L, 13L), Db.row("""
                select count(*), count(*) filter (where status = 'ACCEPTED'), count(*) filter (where status = 'REFUSED')
                  from sector_record where client_id = ?""", health.clientId()));
        assertEquals(List.of("REFUSED", "other-sector", teacher.idNumber()), Db.row(
                "select status, reason, id_number from sector_record where client_id = ? and record_id = 'X-3'", health.clientId()));
    }

    @Test
    void sendingTheSameBatchAgainChangesNothing() {
        Client health = SectorFixture.client("HEALTH");
        String token = SectorFixture.token(health);
        Person a = SectorFixture.person("HEALTH");
        Map<String, Object> body = batch(record("R-1", a, 2026, "PROFESSIONAL", 10, "2026-05-01"),
                record("R-2", a, 2026, "ELECTIVE", 2.5, "2026-05-02"),
                record("R-3", "445381195901010016", "无此人", 2026, "PROFESSIONAL", 1, "培训", "2026-05-02"));
        push(token, body).statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(0)).body("refused", equalTo(1));
        String ledger = SectorFixture.ledger(health.clientId());
        String records = SectorFixture.records(health.clientId());
        assertEquals("2", ledger.substring(1, ledger.indexOf(',')));

        push(token, body).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2)).body("refused", equalTo(1))
                .body("results.status", contains("DUPLICATE", "DUPLICATE", "REFUSED"))
                .body("results.reason", contains(null, null, "unknown-person"));
        assertEquals(ledger, SectorFixture.ledger(health.clientId()));
        assertEquals(records, SectorFixture.records(health.clientId()));
    }

    @Test
    void aRecordIdIsADuplicateAcrossBatchesEvenWithAnotherIdNumber() {
        Client health = SectorFixture.client("HEALTH");
        String token = SectorFixture.token(health);
        Person a = SectorFixture.person("HEALTH");
        Person b = SectorFixture.person("HEALTH");
        push(token, batch(record("D-1", a, 2026, "PROFESSIONAL", 4, "2026-05-01"))).statusCode(200).body("accepted", equalTo(1));
        String ledger = SectorFixture.ledger(health.clientId());

        push(token, batch(record("D-1", b, 2026, "PROFESSIONAL", 4, "2026-05-01"))).statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(1))
                .body("results[0].status", equalTo("DUPLICATE")).body("results[0].reason", equalTo("duplicate-differs"));
        assertEquals(ledger, SectorFixture.ledger(health.clientId()));
        assertEquals(0, Db.number("select count(*) from hour_entry where professional_id = ?", b.professionalId()));
        // another client's record of the same id is its own
        Client other = SectorFixture.client("HEALTH");
        push(SectorFixture.token(other), batch(record("D-1", b, 2026, "PROFESSIONAL", 4, "2026-05-01"))).statusCode(200)
                .body("accepted", equalTo(1));
        assertEquals("push:HEALTH:" + other.clientId() + ":D-1",
                Db.row("select source_ref from hour_entry where professional_id = ?", b.professionalId()).get(0));
    }

    @Test
    void aRefusedRecordSentAgainOnceTheReasonIsGoneIsAccepted() {
        Client health = SectorFixture.client("HEALTH");
        String token = SectorFixture.token(health);
        Person a = SectorFixture.person("HEALTH");
        Map<String, Object> wrongName = batch(record("F-1", a.idNumber(), "错名", 2026, "PROFESSIONAL", 3, "培训", "2026-05-01"));
        push(token, wrongName).statusCode(200).body("refused", equalTo(1)).body("results[0].reason", equalTo("name-mismatch"));
        push(token, batch(record("F-1", a.idNumber(), a.name(), 2026, "PROFESSIONAL", 3, "培训", "2026-05-01"))).statusCode(200)
                .body("accepted", equalTo(1));
        assertEquals(List.of("ACCEPTED", a.professionalId()), Db.row(
                "select status, professional_id from sector_record where client_id = ? and record_id = 'F-1'", health.clientId()));
        assertEquals(1, Db.number("select count(*) from hour_entry where professional_id = ?", a.professionalId()));
    }

    @Test
    void aClientCannotCreditAProfessionalOfAnotherSector() {
        Client education = SectorFixture.client("EDUCATION");
        Person doctor = SectorFixture.person("HEALTH");
        push(SectorFixture.token(education), batch(record("E-1", doctor, 2026, "PROFESSIONAL", 3, "2026-05-01"))).statusCode(200)
                .body("refused", equalTo(1)).body("results[0].reason", equalTo("other-sector"))
                .body("results[0].detail", equalTo("此人不属于教育行业，本系统不能为其推送学时。"));
        assertEquals(0, Db.number("select count(*) from hour_entry where professional_id = ?", doctor.professionalId()));
    }

    @Test
    void aTokenWhoseSectorIsNotItsClientsPushesNothing() {
        Client health = SectorFixture.client("HEALTH");
        Person teacher = SectorFixture.person("EDUCATION");
        String forged = Learners.token(1, health.clientId(), java.util.Set.of("SYSTEM"), null,
                Map.of("sec", "EDUCATION", "scv", "1"));
        // the subject is not a client's: refused before anything else
        push(forged, batch(record("G-1", teacher, 2026, "PROFESSIONAL", 3, "2026-05-01"))).statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("/problems/token-revoked"));
        String wrongSector = io.smallrye.jwt.build.Jwt.issuer("xueshi").subject("client:" + health.clientId()).upn(health.clientId())
                .groups(java.util.Set.of("SYSTEM")).claim("sec", "EDUCATION").claim("scv", 1)
                .expiresAt(java.time.Instant.now().plusSeconds(600)).sign();
        push(wrongSector, batch(record("G-1", teacher, 2026, "PROFESSIONAL", 3, "2026-05-01"))).statusCode(401)
                .body("type", equalTo("/problems/token-revoked"));
        assertEquals(0, Db.number("select count(*) from sector_record where client_id = ?", health.clientId()));
    }

    @Test
    void theYearTakesPushesUntilThe31stOfJanuaryAndIsClosedFromTheFirstOfFebruary() {
        Client health = SectorFixture.client("HEALTH");
        String token = SectorFixture.token(health);
        Person a = SectorFixture.person("HEALTH");
        clock.at(OffsetDateTime.parse("2027-01-31T23:59:00+08:00").toInstant());
        push(token, batch(record("Y-1", a, 2026, "PROFESSIONAL", 5, "2026-12-30"))).statusCode(200).body("accepted", equalTo(1));
        clock.at(OffsetDateTime.parse("2027-02-01T00:00:01+08:00").toInstant());
        push(token, batch(record("Y-2", a, 2026, "PROFESSIONAL", 5, "2026-12-31"))).statusCode(200)
                .body("refused", equalTo(1)).body("results[0].reason", equalTo("year-closed"))
                .body("results[0].detail", equalTo("2026 年度的学时已于 2027年1月31日截止确认，该年度不再登记新的学时。"));
        assertEquals(List.of(1L), Db.numbers("select count(*) from hour_entry where professional_id = ?", a.professionalId()));
    }

    @Test
    void identicalPushesInParallelCreditOnce() throws Exception {
        Client health = SectorFixture.client("HEALTH");
        String token = SectorFixture.token(health);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(record("P-" + i, SectorFixture.person("HEALTH"), 2026, "PROFESSIONAL", 2, "2026-05-01"));
        }
        List<int[]> answers = Parallel.race(4, () -> {
            var r = push(token, Map.of("records", records)).statusCode(200).extract();
            return new int[] {r.path("accepted"), r.path("duplicates"), r.path("refused")};
        });
        assertEquals(20, answers.stream().mapToInt(a -> a[0]).sum());
        assertEquals(60, answers.stream().mapToInt(a -> a[1]).sum());
        assertEquals(0, answers.stream().mapToInt(a -> a[2]).sum());
        assertEquals(20, Db.number("select count(*) from hour_entry where source_ref like ?", "push:HEALTH:" + health.clientId() + ":%"));
        assertEquals(20, Db.number("select count(*) from sector_record where client_id = ? and status = 'ACCEPTED'", health.clientId()));
    }

    @Test
    void aClientPushingTooOftenIsToldWhenToComeBack() {
        Client health = SectorFixture.client("HEALTH");
        String token = SectorFixture.token(health);
        Person a = SectorFixture.person("HEALTH");
        clock.at(OffsetDateTime.parse("2026-06-10T10:00:00.500+08:00").toInstant());
        for (int i = 0; i < 8; i++) {
            push(token, batch(record("L-" + i, a, 2026, "ELECTIVE", 1, "2026-05-01"))).statusCode(200).body("accepted", equalTo(1));
        }
        push(token, batch(record("L-8", a, 2026, "ELECTIVE", 1, "2026-05-01"))).statusCode(429)
                .contentType("application/problem+json").body("type", equalTo("/problems/push-rate"))
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(50))
                        .and(org.hamcrest.Matchers.lessThanOrEqualTo(60)));
        assertEquals(8, Db.number("select count(*) from sector_record where client_id = ?", health.clientId()));
        // another client has its own allowance; the next window starts afresh
        push(SectorFixture.token(SectorFixture.client("HEALTH")), batch(record("L-8", a, 2026, "ELECTIVE", 1, "2026-05-01")))
                .statusCode(200);
        clock.at(OffsetDateTime.parse("2026-06-10T10:01:00.100+08:00").toInstant());
        push(token, batch(record("L-8", a, 2026, "ELECTIVE", 1, "2026-05-01"))).statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void aMalformedBatchIsRefusedWholeAndWritesNothing() {
        Client health = SectorFixture.client("HEALTH");
        String token = SectorFixture.token(health);
        Person a = SectorFixture.person("HEALTH");
        as(token).body("{\"records\": [").post("/api/sector/hours").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-body"));
        push(token, Map.of()).statusCode(400).body("type", equalTo("/problems/records-required"));
        push(token, Map.of("records", List.of())).statusCode(422).body("type", equalTo("/problems/no-records"));
        push(token, "{\"records\": [null]}").statusCode(400).body("type", equalTo("/problems/malformed-record"));
        push(token, "{\"records\": \"all\"}").statusCode(400).body("type", equalTo("/problems/malformed-body"));
        push(token, batch(record("N-1", a, 2026, "PROFESSIONAL", 1, "2026-05-01"),
                record("N-2", a.idNumber(), a.name() + "\u0000", 2026, "PROFESSIONAL", 1, "培训", "2026-05-01")))
                .statusCode(400).body("type", equalTo("/problems/invalid-text"));
        push(token, batch(record("N-3", a.idNumber(), a.name(), "二〇二六", "PROFESSIONAL", 1, "培训", "2026-05-01")))
                .statusCode(400).body("type", equalTo("/problems/malformed-body"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add(record("M-" + i, a, 2026, "PROFESSIONAL", 1, "2026-05-01"));
        }
        push(token, Map.of("records", tooMany)).statusCode(422).body("type", equalTo("/problems/too-many-records"))
                .body("detail", equalTo("一次最多推送 10000 条记录（本次 10001 条），请分批推送。"));
        as(token).body("{\"records\":[" + "\"x\",".repeat(1_400_000) + "\"x\"]}").post("/api/sector/hours").then().statusCode(413)
                .contentType("application/problem+json");
        assertEquals(0, Db.number("select count(*) from sector_record where client_id = ?", health.clientId()));
        assertEquals(0, Db.number("select count(*) from hour_entry where professional_id = ?", a.professionalId()));
    }
}
