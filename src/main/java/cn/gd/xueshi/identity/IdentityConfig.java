package cn.gd.xueshi.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "xueshi.identity")
public interface IdentityConfig {

    /** The issuer written into and required of every token. */
    @WithDefault("xueshi")
    String issuer();

    /** How long a sign-in lasts (token and cookie). */
    @WithDefault("PT8H")
    Duration tokenLifetime();

    /** How long a sector system's token lasts (it asks for a new one with its id and secret). */
    @WithDefault("PT1H")
    Duration clientTokenLifetime();

    /** Name of the HttpOnly cookie that carries the token for the pages. */
    @WithDefault("xueshi_token")
    String cookie();

    /** Mark cookies Secure (served over HTTPS only). Off only for the embedded localhost default. */
    @WithDefault("true")
    boolean secureCookie();

    /** Consecutive wrong passwords allowed before sign-in is paused. */
    @WithDefault("5")
    int freeFailures();

    /** The first pause after the allowed failures; it doubles with each further failure. */
    @WithDefault("PT30S")
    Duration firstPause();

    /** The longest pause. */
    @WithDefault("PT15M")
    Duration maxPause();

    /**
     * A sign-in name with no attempt for this long is forgotten, failures and all (the next
     * attempts are free again); this bounds the throttle table, which keeps a row for every name tried.
     */
    @WithDefault("P1D")
    Duration forgetFailuresAfter();

    /** How often quiet sign-in names are forgotten (a Quarkus scheduler period such as 1h). */
    @WithDefault("1h")
    String sweepEvery();

    /** bcrypt cost factor for new password hashes. */
    @WithDefault("10")
    int bcryptCost();

    /** Verified tokens remembered per instance (0 turns the cache off); about 400 bytes each. */
    @WithDefault("200000")
    int verifiedTokenCache();

    /** Seed the demo accounts (learner1, editor1, …) at start; the embedded default turns it on. */
    @WithDefault("false")
    boolean seedDemo();
}
