package cn.gd.xueshi.identity;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthApiTest {

    @Inject
    MutableClock clock;

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
        assertEquals(5, Db.number("select failed_logins from account where id = ?", l.accountId()));
        clock.advance(Duration.ofSeconds(31));
        as(null).body(Map.of("username", l.username(), "password", Learners.PASSWORD)).post("/api/auth/login").then().statusCode(200);
        assertEquals(0, Db.number("select failed_logins from account where id = ?", l.accountId()));
    }

    @Test
    void malformedSignInsAre400() {
        as(null).body("{\"username\": 5, \"password\": [1]}").post("/api/auth/login").then().statusCode(400);
        as(null).body(Map.of("username", "learner1")).post("/api/auth/login").then().statusCode(400)
                .body("type", equalTo("/problems/missing-credentials"));
        as(null).post("/api/auth/login").then().statusCode(400);
    }
}
