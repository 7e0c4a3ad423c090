package cn.gd.xueshi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SignInRulesTest {

    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void theFifthCountedAttemptAlreadyCarriesThePauseItWouldEarn() {
        LoginThrottle.Attempt fourth = throttle.attempt(3, null, now);
        assertTrue(fourth.allowed());
        assertEquals(4, fourth.failures());
        assertNull(fourth.pausedUntil());
        LoginThrottle.Attempt fifth = throttle.attempt(4, null, now);
        assertTrue(fifth.allowed());
        assertEquals(5, fifth.failures());
        assertEquals(now.plusSeconds(30), fifth.pausedUntil());
    }

    @Test
    void duringAPauseNothingIsCheckedAndTheWaitIsRoundedUp() {
        LoginThrottle.Attempt paused = throttle.attempt(5, now.plusMillis(29_001), now);
        assertFalse(paused.allowed());
        assertEquals(30, paused.waitSeconds());
        assertEquals(5, paused.failures());
        assertEquals(1, throttle.attempt(5, now.plusMillis(1), now).waitSeconds());
    }

    @Test
    void afterAPauseOneAttemptIsCheckedAndTheNextPauseDoublesUpToTheCeiling() {
        LoginThrottle.Attempt next = throttle.attempt(5, now, now);
        assertTrue(next.allowed());
        assertEquals(now.plusSeconds(60), next.pausedUntil());
        assertEquals(Duration.ofMinutes(15), throttle.pauseAfter(40));
        assertEquals(Duration.ZERO, throttle.pauseAfter(4));
    }

    @Test
    void passwordsMustFitWhatBcryptReads() {
        assertNull(PasswordRule.refusal("A".repeat(72)));
        assertEquals(PasswordRule.tooLong(), PasswordRule.refusal("A".repeat(73)));
        assertNull(PasswordRule.refusal("学".repeat(24)));
        assertEquals(PasswordRule.tooLong(), PasswordRule.refusal("学".repeat(25)));
        assertEquals("密码至少 8 位。", PasswordRule.refusal("1234567"));
        assertNull(PasswordRule.refusal("12345678"));
    }
}
