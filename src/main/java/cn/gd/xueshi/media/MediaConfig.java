package cn.gd.xueshi.media;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "xueshi.media")
public interface MediaConfig {

    /** Size of each part of a browser upload (S3 needs at least 5 MiB for every part but the last). */
    @WithDefault("8388608")
    long partSizeBytes();

    /** Largest lesson video accepted (bytes); 4 GiB by default. */
    @WithDefault("4294967296")
    long maxVideoBytes();

    /** Largest captions file accepted (bytes). */
    @WithDefault("524288")
    long maxCaptionsBytes();

    /** Largest cover image accepted (bytes). */
    @WithDefault("2097152")
    long maxCoverBytes();

    /** An upload not completed within this time is aborted and its parts deleted from the store. */
    @WithDefault("PT24H")
    Duration abandonAfter();

    /** How often abandoned uploads are looked for. */
    @WithDefault("1h")
    String sweepEvery();
}
