package cn.gd.xueshi.shared;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Time comes from one injected clock so that tests can move it. */
@ApplicationScoped
public class Clocks {

    /** Study years, days and deadlines are reckoned in the province's time zone. */
    public static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(PROVINCE);
    }
}
