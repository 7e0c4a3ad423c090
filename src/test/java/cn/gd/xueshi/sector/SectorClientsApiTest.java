package cn.gd.xueshi.sector;

import static cn.gd.xueshi.sector.SectorFixture.batch;
import static cn.gd.xueshi.sector.SectorFixture.record;
import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The provincial HR department registers sector clients, rotates their secrets and reads what each pushed; nobody else may. */
@QuarkusTest
class SectorClientsApiTest {

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

    @Test
    void hrRegistersAClientWhoseSecretIsShownOnceAndListsWhatItPushed() {
        String hr = Learners.provinceHr().token();
        String id = "t-edu-" + System.nanoTime() % 1_000_000_000L;
        String secret = as(hr).body(Map.of("clientId", id, "name", "省教育厅继续教育系统", "sector", "EDUCATION"))
                .post("/api/hr/sector-clients").then().statusCode(201).body("clientId", equalTo(id)).body("secretVersion", equalTo(1))
                .extract().path("clientSecret");
        String token = SectorFixture.token(new SectorFixture.Client(id, secret));
        SectorFixture.Person t = SectorFixture.person("EDUCATION");
        clock.at(OffsetDateTime.parse("2026-01-20T10:00:00+08:00").toInstant()); // 2025 still takes records
        as(token).body(batch(record("E-1", t, 2026, "PROFESSIONAL", 8, "2026-01-10"), record("E-2", t, 2025, "ELECTIVE", 2, "2025-11-01"),
                record("E-3", t, 2026, "PUBLIC", 2, "2026-01-11"))).post("/api/sector/hours").then().statusCode(200)
                .body("accepted", equalTo(2)).body("refused", equalTo(1));

        JsonPath all = as(hr).get("/api/hr/sector-clients").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = all.<Map<String, Object>>getList("").stream().filter(c -> id.equals(c.get("clientId"))).findFirst()
                .orElseThrow();
        assertEquals(List.of("省教育厅继续教育系统", "EDUCATION", 1, true, 2, 1, 10), List.of(mine.get("name"), mine.get("sector"),
                mine.get("secretVersion"), mine.get("enabled"), mine.get("acceptedRecords"), mine.get("refusedRecords"),
                mine.get("acceptedHours")));
        assertEquals(false, mine.containsKey("clientSecret"));

        as(hr).get("/api/hr/sector-clients/" + id + "/records?year=2026").then().statusCode(200)
                .body("total", equalTo(2)).body("records.recordId", contains("E-3", "E-1"))
                .body("records.status", contains("REFUSED", "ACCEPTED")).body("records[0].reason", equalTo("bad-category"))
                .body("records[1].professionalId", equalTo((int) t.professionalId()))
                .body("records[1].idNumber", equalTo(t.idNumber().substring(0, 6) + "********" + t.idNumber().substring(14)))
                .body("records[1].hours", equalTo(8)).body("records[1].completedOn", equalTo("2026-01-10"));
        as(hr).get("/api/hr/sector-clients/" + id + "/records?status=ACCEPTED&limit=1").then().statusCode(200)
                .body("total", equalTo(2)).body("records", hasSize(1)).body("records[0].recordId", equalTo("E-2"));
        as(hr).get("/api/hr/sector-clients/" + id + "/records?status=MAYBE").then().statusCode(400);
        as(hr).get("/api/hr/sector-clients/no-such-client/records").then().statusCode(404).contentType("application/problem+json");
        as(hr).post("/api/hr/sector-clients/no-such-client/secret").then().statusCode(404);
    }

    @Test
    void registrationRefusesATakenIdABadIdAndASectorWithoutItsOwnSystem() {
        String hr = Learners.provinceHr().token();
        SectorFixture.Client taken = SectorFixture.client("HEALTH");
        as(hr).body(Map.of("clientId", taken.clientId(), "name", "重复", "sector", "HEALTH")).post("/api/hr/sector-clients").then()
                .statusCode(409).body("type", equalTo("/problems/client-exists"));
        as(hr).body(Map.of("clientId", "Bad_Id", "name", "坏编号", "sector", "HEALTH")).post("/api/hr/sector-clients").then()
                .statusCode(422).body("type", equalTo("/problems/invalid-client-id"));
        as(hr).body(Map.of("clientId", "eng-system", "name", "工程", "sector", "ENGINEERING")).post("/api/hr/sector-clients").then()
                .statusCode(422).body("type", equalTo("/problems/not-a-pushing-sector"))
                .body("detail", equalTo("只有自建系统推送学时的行业（教育、卫生健康）可以登记客户端。"));
        as(hr).body(Map.of("name", "无编号")).post("/api/hr/sector-clients").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-fields"));
    }

    @Test
    void onlyTheProvincialHrDepartmentManagesClientsAndOnlySystemsPush() {
        SectorFixture.Client c = SectorFixture.client("HEALTH");
        String cityHr = Learners.staff("HR_ADMIN", "CITY", "4401", null).token();
        List<String[]> hrCalls = List.of(new String[] {"GET", "/api/hr/sector-clients"}, new String[] {"POST", "/api/hr/sector-clients"},
                new String[] {"PATCH", "/api/hr/sector-clients/" + c.clientId()},
                new String[] {"POST", "/api/hr/sector-clients/" + c.clientId() + "/secret"},
                new String[] {"GET", "/api/hr/sector-clients/" + c.clientId() + "/records"});
        Map<String, Object> body = Map.of("clientId", "x-never", "name", "x", "sector", "HEALTH", "enabled", false);
        for (String[] call : hrCalls) {
            as(null).body(body).request(call[0], call[1]).then().statusCode(401).contentType("application/problem+json");
            for (String role : List.of("PROFESSIONAL", "EDITOR", "EMPLOYER_ADMIN", "AUTHORITY_REVIEWER", "SYSTEM")) {
                as(Learners.tokenFor(role)).body(body).request(call[0], call[1]).then().statusCode(403)
                        .contentType("application/problem+json");
            }
            as(SectorFixture.token(c)).body(body).request(call[0], call[1]).then().statusCode(403);
            as(cityHr).body(body).request(call[0], call[1]).then().statusCode(403).body("type", equalTo("/problems/not-province-hr"));
        }
        Map<String, Object> push = batch(record("Z-1", SectorFixture.person("HEALTH"), 2026, "ELECTIVE", 1, "2026-05-01"));
        as(null).body(push).post("/api/sector/hours").then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of("PROFESSIONAL", "EDITOR", "EMPLOYER_ADMIN", "AUTHORITY_REVIEWER", "HR_ADMIN")) {
            as(Learners.token(1, "someone", Set.of(role), null)).body(push).post("/api/sector/hours").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        as(Learners.provinceHr().token()).body(push).post("/api/sector/hours").then().statusCode(403);
        assertEquals(0, cn.gd.xueshi.support.Db.number("select count(*) from system_client where client_id = 'x-never'"));
    }
}
