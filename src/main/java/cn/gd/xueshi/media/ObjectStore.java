package cn.gd.xueshi.media;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.minio.BucketExistsArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.quarkus.logging.Log;

/**
 * Object storage for lesson media, behind one class so nothing else sees the MinIO client. Every
 * call blocks: call it from a worker thread, never from the event loop or a reactive session.
 */
@ApplicationScoped
public class ObjectStore {

    private final MinioClient client;
    private final MinioClient signer;
    private final StorageConfig config;

    public ObjectStore(StorageConfig config) {
        this.config = config;
        this.client = MinioClient.builder().endpoint(config.endpoint()).region(config.region())
                .credentials(config.accessKey(), config.secretKey()).build();
        this.signer = MinioClient.builder().endpoint(config.publicEndpoint().orElse(config.endpoint()))
                .region(config.region()).credentials(config.accessKey(), config.secretKey()).build();
    }

    public void ensureBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).build());
                Log.infof("created bucket %s", config.bucket());
            }
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            // another instance starting at the same moment created it first
            if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                throw new StorageException("cannot create bucket " + config.bucket(), e);
            }
        } catch (Exception e) {
            throw new StorageException("cannot reach bucket " + config.bucket(), e);
        }
    }

    /** True when the object store answers for the bucket (readiness). */
    public boolean reachable() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build());
        } catch (Exception e) {
            Log.debugf(e, "object store unreachable");
            return false;
        }
    }

    /** Size of the stored object, or -1 when there is none. */
    public long size(String key) {
        try {
            return client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build()).size();
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return -1;
            }
            throw new StorageException("cannot stat " + key, e);
        } catch (Exception e) {
            throw new StorageException("cannot stat " + key, e);
        }
    }

    public void put(String key, Path file, String contentType) {
        try (InputStream in = Files.newInputStream(file)) {
            client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(key)
                    .stream(in, Files.size(file), -1).contentType(contentType).build());
        } catch (Exception e) {
            throw new StorageException("cannot store " + key, e);
        }
    }

    /** A GET URL for {@code key} that works for {@link StorageConfig#urlLifetime()} and honours Range. */
    public String presignedGet(String key) {
        try {
            return signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                    .bucket(config.bucket()).object(key)
                    .expiry((int) config.urlLifetime().toSeconds(), TimeUnit.SECONDS).build());
        } catch (Exception e) {
            throw new StorageException("cannot sign " + key, e);
        }
    }

    public static class StorageException extends RuntimeException {
        StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
