package cn.gd.xueshi.certificate;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import cn.gd.xueshi.shared.ProblemException;

/**
 * Verification is public, so numbers could be enumerated: each client address gets a number of
 * verification requests per minute (a fixed one-minute window), then 429 with Retry-After until
 * the window turns. Counted per instance: behind N instances an address gets at most N times the
 * limit, still far too few to walk the number space (the check character already rejects 10 of 11
 * guesses before any lookup).
 */
@ApplicationScoped
public class VerifyThrottle {

    private record Window(long minute, int count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;

    @jakarta.inject.Inject
    public VerifyThrottle(CertificateConfig config) {
        this(config.verifyPerMinute());
    }

    VerifyThrottle(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Forgets every count (tests that exhaust the limit call it after). */
    public void reset() {
        windows.clear();
    }

    /** Counts one request from {@code address}; refuses it (429) over the limit. */
    public void check(String address, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.merge(address == null ? "?" : address, new Window(minute, 1),
                (old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
        if (w.count() > perMinute) {
            long retry = Math.max(1, 60 - (nowMillis / 1000) % 60);
            throw ProblemException.tooManyRequests("too-many-verifications", "查询过于频繁，请 " + retry + " 秒后再试。", retry);
        }
    }
}
