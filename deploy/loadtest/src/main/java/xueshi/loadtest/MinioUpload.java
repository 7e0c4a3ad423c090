package xueshi.loadtest;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;

/**
 * The yardstick of the browser upload: the same file to the same store with the plain MinIO Java
 * client (multipart, the same part size), timed from the first byte to the completed object.
 * Usage: MinioUpload ENDPOINT ACCESS SECRET BUCKET FILE PART_SIZE
 */
public final class MinioUpload {

    public static void main(String[] args) throws Exception {
        MinioClient client = MinioClient.builder().endpoint(args[0]).credentials(args[1], args[2]).build();
        String bucket = args[3];
        Path file = Path.of(args[4]);
        long partSize = Long.parseLong(args[5]);
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
        long size = Files.size(file);
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object("bench/minio-client.bin").stream(in, size, partSize)
                    .contentType("video/mp4").build());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object("bench/minio-client.bin").build());
        System.out.printf("minio-client: %d bytes in %.2f s = %.1f MB/s%n", size, seconds, size / 1e6 / seconds);
    }
}
