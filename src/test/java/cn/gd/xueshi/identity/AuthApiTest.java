package cn.gd.xueshi.identity;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;
import cn.gd.xueshi.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class AuthApiTest {

    @Inject
    MutableClock clock;

    @Inject
    SignInThrottleSweep sweep;

    @Test
    void demoLearnerSignsInAndTheTokenWorks() {
        String token = as(null).body(Map.of("username", "learner1", "password", "xueshi-demo")).post("/api/auth/login").then()
                .statusCode(200).body("roles", contains("PROFESSIONAL")).body("expiresAt", notNullValue())
                .extract().path("token");
        as(token).get("/api/me/hours").then().statusCode(200).body("year", equalTo(2026));
    }

    @Test
    void everyDemoAccountExistsWithItsRole() {
        for (String[] demo : new String[][] {{"editor1", "EDITOR"}, {"employer1", "EMPLOYER_ADMIN"},
                {"authority1", "AUTHORITY_REVIEWER"}, {"hradmin1", "HR_ADMIN"}}) {
            as(null).body(Map.of("username", demo[0], "password", "xueshi-demo")).post("/api/auth/login").then()
                    .statusCode(200).body("roles", contains(demo[1]));
        }
    }

    @Test
    void storedPasswordsAreBcryptHashes() {
        String hash = (String) Db.row("select password_hash from account where username = 'learner1'").get(0);
        assertTrue(hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$"), hash);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() {
        as(null).body(Map.of("username", "learner1", "password", "nope")).post("/api/auth/login").then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo("用户名或密码不正确。"));
        as(null).body(Map.of("username", "nobody-here", "password", "nope")).post("/api/auth/login").then().statusCode(401)
                .body("detail", equalTo("用户名或密码不正确。"));
    }

    @Test
    void repeatedFailuresPauseSignInForTheAccount() {
        Learners.Learner l = Learners.create();
        for (int i = 1; i <= 5; i++) {
            as(null).body(Map.of("username", l.username(), "password", "wrong-" + i)).post("/api/auth/login").then().statusCode(401);
        }
        as(null).body(Map.of("username", l.username(), "password", Learners.PASSWORD)).post("/api/auth/login").then()
                .statusCode(429).header("Retry-After", notNullValue()).body("type", equalTo("/problems/sign-in-paused"));
        assertEquals(5, Db.number("select failures from sign_in_throttle where name = ?", l.username()));
        clock.advance(Duration.ofSeconds(31));
        as(null).body(Map.of("username", l.username(), "password", Learners.PASSWORD)).post("/api/auth/login").then().statusCode(200);
        assertEquals(0, Db.number("select failures from sign_in_throttle where name = ?", l.username()));
    }

    private static List<Integer> parallelSignIns(String username, int count, String password) throws Exception {
        return new ArrayList<>(Parallel.race(count, () -> as(null).body(Map.of("username", username, "password", password))
                .post("/api/auth/login").statusCode()));
    }

    @Test
    void parallelWrongPasswordsAreCheckedAtMostFreeFailuresTimes() throws Exception {
        Learners.Learner l = Learners.create();
        List<Integer> statuses = parallelSignIns(l.username(), 40, "wrong-password");
        assertEquals(5, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(35, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        as(null).body(Map.of("username", l.username(), "password", Learners.PASSWORD)).post("/api/auth/login").then()
                .statusCode(429).body("type", equalTo("/problems/sign-in-paused"));
        clock.advance(Duration.ofSeconds(31));
        // one more password per pause: of ten at once after the pause, one is checked
        List<Integer> after = parallelSignIns(l.username(), 10, "wrong-again");
        assertEquals(1, after.stream().filter(s -> s == 401).count(), after.toString());
        clock.advance(Duration.ofSeconds(61));
        as(null).body(Map.of("username", l.username(), "password", Learners.PASSWORD)).post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void unknownNamesArePausedExactlyLikeKnownOnes() throws Exception {
        Learners.Learner l = Learners.create();
        String unknown = "nobody-" + l.username();
        List<Integer> known = parallelSignIns(l.username(), 12, "wrong-password");
        List<Integer> nobody = parallelSignIns(unknown, 12, "wrong-password");
        known.sort(null);
        nobody.sort(null);
        assertEquals(known, nobody);
        String knownDetail = as(null).body(Map.of("username", l.username(), "password", "x-1234567")).post("/api/auth/login").then()
                .statusCode(429).header("Retry-After", notNullValue()).extract().path("detail");
        String unknownDetail = as(null).body(Map.of("username", unknown.toUpperCase(), "password", "x-1234567")).post("/api/auth/login")
                .then().statusCode(429).header("Retry-After", notNullValue()).body("type", equalTo("/problems/sign-in-paused"))
                .extract().path("detail");
        assertEquals(knownDetail.replaceAll("\\d+", "N"), unknownDetail.replaceAll("\\d+", "N"));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedNotCut() {
        Learners.Learner l = Learners.create();
        String first72 = "A".repeat(72);
        Db.update("update account set password_hash = ? where id = ?",
                io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(first72, 4), l.accountId());
        as(null).body(Map.of("username", l.username(), "password", first72)).post("/api/auth/login").then().statusCode(200);
        as(null).body(Map.of("username", l.username(), "password", first72 + "y")).post("/api/auth/login").then().statusCode(400)
                .body("type", equalTo("/problems/password-too-long"))
                .body("detail", equalTo("密码不能超过 72 个字节（英文字母、数字每个 1 字节，汉字每个 3 字节）。"));
        // 24 Chinese characters are 72 bytes; 25 are 75
        as(null).body(Map.of("username", l.username(), "password", "学".repeat(25))).post("/api/auth/login").then().statusCode(400);
        as(null).body(Map.of("username", l.username(), "password", "学".repeat(24))).post("/api/auth/login").then().statusCode(401);
        // however long, it is the same refusal, not "enter a password"
        as(null).body(Map.of("username", l.username(), "password", "A".repeat(300))).post("/api/auth/login").then().statusCode(400)
                .body("type", equalTo("/problems/password-too-long"));
    }

    @Test
    void namesQuietForADayAreForgottenButNoRunningPause() throws Throwable {
        Learners.Learner l = Learners.create();
        String quiet = "quiet-" + l.username();
        String paused = "paused-" + l.username();
        String recent = "recent-" + l.username();
        for (int i = 0; i < 5; i++) {
            as(null).body(Map.of("username", quiet, "password", "wrong-password")).post("/api/auth/login").then().statusCode(401);
        }
        as(null).body(Map.of("username", recent, "password", "wrong-password")).post("/api/auth/login").then().statusCode(401);
        Instant now = clock.instant();
        Db.update("update sign_in_throttle set last_attempt_at = ?, paused_until = ? where name = ?",
                Timestamp.from(now.minus(Duration.ofHours(25))), Timestamp.from(now.minus(Duration.ofHours(25)).plusSeconds(30)), quiet);
        Db.update("insert into sign_in_throttle (name, failures, paused_until, last_attempt_at) values (?, 9, ?, ?)", paused,
                Timestamp.from(now.plusSeconds(60)), Timestamp.from(now.minus(Duration.ofHours(25))));
        VertxContextSupport.subscribeAndAwait(() -> sweep.sweep());
        String count = "select count(*) from sign_in_throttle where name = ?";
        assertEquals(List.of(0L, 1L, 1L), List.of(Db.number(count, quiet), Db.number(count, paused), Db.number(count, recent)));
        as(null).body(Map.of("username", quiet, "password", "wrong-password")).post("/api/auth/login").then().statusCode(401);
    }

    @Test
    void malformedSignInsAre400() {
        as(null).body("{\"username\": 5, \"password\": [1]}").post("/api/auth/login").then().statusCode(400);
        as(null).body(Map.of("username", "learner1")).post("/api/auth/login").then().statusCode(400)
                .body("type", equalTo("/problems/missing-credentials"));
        as(null).post("/api/auth/login").then().statusCode(400);
    }
}
