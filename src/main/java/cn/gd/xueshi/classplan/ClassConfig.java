package cn.gd.xueshi.classplan;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.gd.xueshi.identity.TitleLevel;

/** The rules of class plans and seminars that the regulation leaves to the province. */
@ConfigMapping(prefix = "xueshi.classes")
public interface ClassConfig {

    /** How "应于开班前30日内" is read: AT_LEAST_BEFORE (at least that many days before the start) or WITHIN_BEFORE. */
    @WithDefault("AT_LEAST_BEFORE")
    FilingRule.Reading filingReading();

    /** The number of calendar days in the filing rule. */
    @WithDefault("30")
    int filingDays();

    /** The title levels an advanced seminar admits. */
    @WithDefault("SENIOR,ASSOCIATE_SENIOR")
    List<TitleLevel> seminarTitleLevels();
}
