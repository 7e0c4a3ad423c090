package cn.gd.xueshi.sector;

import static cn.gd.xueshi.sector.SectorFixture.batch;
import static cn.gd.xueshi.sector.SectorFixture.record;
import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.sector.SectorFixture.Client;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A sector system's client gets a token for its id and secret, and loses it when HR rotates the secret or disables it. */
@QuarkusTest
class ClientTokenApiTest {

    private static final String WRONG = "客户端编号或密钥不正确，或该客户端已停用。";

    @Inject
    MutableClock clock;

    private static ValidatableResponse token(String clientId, String secret) {
        return as(null).body(Map.of("clientId", clientId, "clientSecret", secret)).post("/api/auth/clients/token").then();
    }

    private ValidatableResponse pushOne(String token, SectorFixture.Person p) {
        LocalDate today = LocalDate.now(clock);
        return as(token).body(batch(record(SectorFixture.recordId(), p, today.getYear(), "ELECTIVE", 1, today.toString())))
                .post("/api/sector/hours").then();
    }

    @Test
    void theRightSecretGetsAnHourLongSystemTokenOfTheClientsSector() throws Exception {
        Client c = SectorFixture.client("HEALTH");
        var answer = token(c.clientId(), c.secret()).statusCode(200).extract();
        Instant expires = Instant.parse(answer.path("expiresAt"));
        assertTrue(Math.abs(Duration.between(Instant.now().plus(Duration.ofHours(1)), expires).toSeconds()) < 30, expires::toString);
        String[] parts = answer.<String>path("token").split("\\.");
        var claims = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("client:" + c.clientId(), claims.get("sub").asText());
        assertEquals("[\"SYSTEM\"]", claims.get("groups").toString());
        assertEquals("HEALTH", claims.get("sec").asText());
        assertEquals(1, claims.get("scv").asInt());
        pushOne(answer.path("token"), SectorFixture.person("HEALTH")).statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void aWrongSecretAnUnknownClientAndADisabledClientGetTheSameRefusal() {
        Client c = SectorFixture.client("HEALTH");
        token(c.clientId(), c.secret() + "x").statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/wrong-credentials")).body("detail", equalTo(WRONG));
        token("no-such-client", c.secret()).statusCode(401).body("detail", equalTo(WRONG));
        Db.update("update system_client set enabled = false where client_id = ?", c.clientId());
        token(c.clientId(), c.secret()).statusCode(401).body("detail", equalTo(WRONG));
        as(null).body(Map.of("clientId", c.clientId())).post("/api/auth/clients/token").then().statusCode(400)
                .body("type", equalTo("/problems/missing-credentials"));
        // the secret is kept only as a bcrypt hash
        String hash = Db.row("select secret_hash from system_client where client_id = ?", c.clientId()).get(0).toString();
        assertTrue(hash.startsWith("$2a$"), hash);
        assertNotEquals(c.secret(), hash);
    }

    @Test
    void guessingASecretIsPausedAfterFiveTries() {
        Client c = SectorFixture.client("HEALTH");
        for (int i = 0; i < 5; i++) {
            token(c.clientId(), "guess-" + i).statusCode(401);
        }
        token(c.clientId(), c.secret()).statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("/problems/sign-in-paused"));
    }

    @Test
    void rotatingTheSecretStopsTheOldSecretAndEveryTokenIssuedUnderIt() {
        Client c = SectorFixture.client("HEALTH");
        String old = SectorFixture.token(c);
        SectorFixture.Person p = SectorFixture.person("HEALTH");
        pushOne(old, p).statusCode(200).body("accepted", equalTo(1));

        String fresh = as(Learners.provinceHr().token()).post("/api/hr/sector-clients/" + c.clientId() + "/secret").then()
                .statusCode(200).body("clientId", equalTo(c.clientId())).body("secretVersion", equalTo(2))
                .extract().path("clientSecret");
        assertEquals(32, fresh.length());
        token(c.clientId(), c.secret()).statusCode(401).body("detail", equalTo(WRONG));
        pushOne(old, p).statusCode(401).contentType("application/problem+json").body("type", equalTo("/problems/token-revoked"))
                .body("detail", equalTo("该客户端凭证已失效（密钥已更换或客户端已停用），请重新获取令牌。"));
        String renewed = token(c.clientId(), fresh).statusCode(200).extract().path("token");
        pushOne(renewed, p).statusCode(200).body("accepted", equalTo(1));
        assertEquals(2, Db.number("select count(*) from sector_record where client_id = ?", c.clientId()));
    }

    @Test
    void disablingAClientStopsItsTokensAtOnce() {
        Client c = SectorFixture.client("HEALTH");
        String token = SectorFixture.token(c);
        SectorFixture.Person p = SectorFixture.person("HEALTH");
        as(Learners.provinceHr().token()).body(Map.of("enabled", false)).patch("/api/hr/sector-clients/" + c.clientId()).then()
                .statusCode(200).body("enabled", equalTo(false));
        pushOne(token, p).statusCode(401).body("type", equalTo("/problems/token-revoked"));
        as(Learners.provinceHr().token()).body(Map.of("enabled", true)).patch("/api/hr/sector-clients/" + c.clientId()).then()
                .statusCode(200).body("enabled", equalTo(true));
        pushOne(token, p).statusCode(200).body("accepted", equalTo(1));
    }
}
