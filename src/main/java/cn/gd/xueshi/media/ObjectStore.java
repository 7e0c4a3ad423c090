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
    private final io.minio.MinioAsyncClient async;
    private final PartLister lister;
    private final StorageConfig config;

    public ObjectStore(StorageConfig config) {
        this.config = config;
        this.client = MinioClient.builder().endpoint(config.endpoint()).region(config.region())
                .credentials(config.accessKey(), config.secretKey()).build();
        this.async = io.minio.MinioAsyncClient.builder().endpoint(config.endpoint()).region(config.region())
                .credentials(config.accessKey(), config.secretKey()).build();
        this.lister = new PartLister(async);
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

    /** Stores a small object held in memory (a rendered certificate, a seal image). */
    public void put(String key, byte[] bytes, String contentType) {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(key)
                    .stream(in, bytes.length, -1).contentType(contentType).build());
        } catch (Exception e) {
            throw new StorageException("cannot store " + key, e);
        }
    }

    /** The bytes of a small object. */
    public byte[] read(String key) {
        try (InputStream in = client.getObject(io.minio.GetObjectArgs.builder().bucket(config.bucket()).object(key).build())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new StorageException("cannot read " + key, e);
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

    /**
     * A GET URL for {@code key} that makes the browser save the file as {@code fileName} of
     * {@code contentType} (an attachment, never rendered in the store's origin).
     */
    public String presignedDownload(String key, String fileName, String contentType) {
        try {
            String encoded = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            return signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                    .bucket(config.bucket()).object(key)
                    .extraQueryParams(java.util.Map.of("response-content-disposition", "attachment; filename*=UTF-8''" + encoded,
                            "response-content-type", contentType))
                    .expiry((int) config.urlLifetime().toSeconds(), TimeUnit.SECONDS).build());
        } catch (Exception e) {
            throw new StorageException("cannot sign " + key, e);
        }
    }

    /** Starts an S3 multipart upload of {@code key}; returns its upload id. */
    public String startMultipart(String key, String contentType) {
        try {
            com.google.common.collect.Multimap<String, String> headers = com.google.common.collect.HashMultimap.create();
            headers.put("Content-Type", contentType);
            return async.createMultipartUploadAsync(config.bucket(), config.region(), key, headers, null).get().result().uploadId();
        } catch (Exception e) {
            throw new StorageException("cannot start an upload of " + key, e);
        }
    }

    /** A PUT URL for one part of a multipart upload, for the browser to send the part to directly. */
    public String presignedPart(String key, String uploadId, int partNumber) {
        try {
            return signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT)
                    .bucket(config.bucket()).object(key)
                    .extraQueryParams(java.util.Map.of("uploadId", uploadId, "partNumber", String.valueOf(partNumber)))
                    .expiry((int) config.urlLifetime().toSeconds(), TimeUnit.SECONDS).build());
        } catch (Exception e) {
            throw new StorageException("cannot sign a part of " + key, e);
        }
    }

    /** A part the store holds: its number, size and ETag. */
    public record StoredPart(int partNumber, long size, String etag) {
    }

    /** The parts of an upload the store already holds, in order; empty when the upload is gone. */
    public java.util.List<StoredPart> storedParts(String key, String uploadId) {
        java.util.List<StoredPart> parts = new java.util.ArrayList<>();
        try {
            int marker = 0;
            while (true) {
                PartLister.Page page = lister.list(config.bucket(), config.region(), key, uploadId, marker);
                parts.addAll(page.parts());
                if (!page.truncated() || page.parts().isEmpty() || page.nextMarker() <= marker) {
                    return parts;
                }
                marker = page.nextMarker();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException r && "NoSuchUpload".equals(r.errorResponse().code())) {
                return java.util.List.of();
            }
            throw new StorageException("cannot list the parts of " + key, e);
        } catch (Exception e) {
            throw new StorageException("cannot list the parts of " + key, e);
        }
    }

    /** Joins the stored parts into the object. */
    public void completeMultipart(String key, String uploadId, java.util.List<StoredPart> parts) {
        try {
            io.minio.messages.Part[] list = parts.stream().map(p -> new io.minio.messages.Part(p.partNumber(), p.etag()))
                    .toArray(io.minio.messages.Part[]::new);
            async.completeMultipartUploadAsync(config.bucket(), config.region(), key, uploadId, list, null, null).get();
        } catch (Exception e) {
            throw new StorageException("cannot complete the upload of " + key, e);
        }
    }

    /** Drops an unfinished upload and the parts it holds; an upload already gone is fine. */
    public void abortMultipart(String key, String uploadId) {
        try {
            async.abortMultipartUploadAsync(config.bucket(), config.region(), key, uploadId, null, null).get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof ErrorResponseException r && "NoSuchUpload".equals(r.errorResponse().code()))) {
                throw new StorageException("cannot abort the upload of " + key, e);
            }
        } catch (Exception e) {
            throw new StorageException("cannot abort the upload of " + key, e);
        }
    }

    /** Deletes an object (a refused upload); a missing one is fine. */
    public void remove(String key) {
        try {
            client.removeObject(io.minio.RemoveObjectArgs.builder().bucket(config.bucket()).object(key).build());
        } catch (Exception e) {
            throw new StorageException("cannot remove " + key, e);
        }
    }

    /**
     * Reads a stored object in ranges, never whole: what the probes of its type and duration need.
     * Each GET fetches at least {@value #READ_AHEAD} bytes and later reads inside them are served
     * from memory, so walking many small boxes or elements costs a few requests, not one each.
     * For one thread.
     */
    public RangeReader reader(String key) {
        long size = size(key);
        if (size < 0) {
            throw new StorageException("no object " + key, null);
        }
        return new RangeReader() {
            private byte[] window = new byte[0];
            private long windowStart = -1;

            @Override
            public long size() {
                return size;
            }

            @Override
            public byte[] read(long offset, int length) throws java.io.IOException {
                if (offset >= size || offset < 0 || length <= 0) {
                    return new byte[0];
                }
                int wanted = (int) Math.min(length, size - offset);
                if (windowStart < 0 || offset < windowStart || offset + wanted > windowStart + window.length) {
                    window = get(offset, (int) Math.min(Math.max(wanted, READ_AHEAD), size - offset));
                    windowStart = offset;
                }
                int from = (int) (offset - windowStart);
                return java.util.Arrays.copyOfRange(window, from, Math.min(window.length, from + wanted));
            }

            private byte[] get(long offset, int length) throws java.io.IOException {
                try (InputStream in = client.getObject(io.minio.GetObjectArgs.builder().bucket(config.bucket()).object(key)
                        .offset(offset).length((long) length).build())) {
                    return in.readAllBytes();
                } catch (java.io.IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new java.io.IOException("cannot read " + key + " at " + offset, e);
                }
            }
        };
    }

    /** The least a ranged read of a stored object fetches. */
    static final int READ_AHEAD = 64 * 1024;

    public static class StorageException extends RuntimeException {
        StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
