package cn.gd.xueshi.media;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A browser's multipart upload straight to the object store. */
@Entity
@Table(name = "media_upload")
public class MediaUpload extends PanacheEntityBase {

    @Id
    public UUID id;
    public long ownerAccountId;
    /** What the file is for, in the owning feature's words (for example {@code lesson:12:VIDEO}). */
    public String target;
    public String objectKey;
    public String s3UploadId;
    public String fileName;
    public long sizeBytes;
    public long partSizeBytes;
    @Enumerated(EnumType.STRING)
    public State state;
    public String contentType;
    public Integer durationMs;
    public Instant createdAt;
    public Instant finishedAt;

    public enum State {
        OPEN, COMPLETED, REFUSED, ABORTED
    }

    public int partCount() {
        return (int) ((sizeBytes + partSizeBytes - 1) / partSizeBytes);
    }
}
