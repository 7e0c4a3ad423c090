package cn.gd.xueshi.sector;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.gd.xueshi.identity.Sector;

@ConfigMapping(prefix = "xueshi.sector")
public interface SectorConfig {

    /** The most records one push may carry; a larger batch is refused whole (422). */
    @WithDefault("10000")
    int maxRecords();

    /** The most hours one record may credit: more is "impossible hours" (a year's whole requirement is 90). */
    @WithDefault("90")
    BigDecimal maxHoursPerRecord();

    /** Pushes a client may make per {@link #rateWindow()}; more answer 429 with Retry-After. */
    @WithDefault("30")
    int pushesPerWindow();

    /** The rate limit's fixed window, counted in PostgreSQL so that it holds across instances. */
    @WithDefault("PT1M")
    Duration rateWindow();

    /** The sectors whose own systems push hours and may have a client registered. */
    @WithDefault("EDUCATION,HEALTH")
    Set<Sector> pushingSectors();
}
