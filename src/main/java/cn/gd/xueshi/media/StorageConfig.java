package cn.gd.xueshi.media;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "xueshi.storage")
public interface StorageConfig {

    /** S3 endpoint the service talks to (MinIO in production), e.g. http://minio:9000. */
    String endpoint();

    /** Endpoint learners' browsers reach, used to sign media URLs; defaults to {@link #endpoint()}. */
    Optional<String> publicEndpoint();

    /** Access key of the service's S3 user. */
    String accessKey();

    /** Secret key of the service's S3 user. */
    String secretKey();

    /** Bucket holding lesson media. Created at start when missing. */
    @WithDefault("xueshi-media")
    String bucket();

    /** Region the URLs are signed for (MinIO and S3Proxy accept us-east-1). */
    @WithDefault("us-east-1")
    String region();

    /** How long a presigned media URL works; the player asks for a new one when it expires. */
    @WithDefault("PT20M")
    Duration urlLifetime();
}
