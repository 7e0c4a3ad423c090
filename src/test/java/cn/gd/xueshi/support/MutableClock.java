package cn.gd.xueshi.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import cn.gd.xueshi.shared.Clocks;

/** The service's clock in tests: real time plus an offset that tests move forward. */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    public void advance(Duration d) {
        offsetMillis.addAndGet(d.toMillis());
    }

    /** From now on the clock reads {@code when} (and runs on from there); tests that call it call {@link #reset()} after. */
    public void at(Instant when) {
        offsetMillis.set(when.toEpochMilli() - System.currentTimeMillis());
    }

    /** Back to real time. */
    public void reset() {
        offsetMillis.set(0);
    }

    @Override
    public ZoneId getZone() {
        return Clocks.PROVINCE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis.get());
    }
}
