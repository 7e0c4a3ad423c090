package cn.gd.xueshi.media;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import cn.gd.xueshi.shared.ProblemException;

/**
 * Browser uploads straight to the object store: the service starts an S3 multipart upload and signs
 * a PUT URL per part; the browser sends the parts (no byte passes through the service), asks which
 * parts the store has when it resumes, and asks the service to complete. Completion joins the parts
 * and judges the stored object from its bytes (type, and a video's duration), never from what the
 * client says; a refused object is deleted.
 */
@ApplicationScoped
public class Uploads {

    /** S3 allows at most this many parts in one upload. */
    static final int MAX_PARTS = 10_000;

    private final ObjectStore store;
    private final MediaConfig config;
    private final Clock clock;
    private final Vertx vertx;

    public Uploads(ObjectStore store, MediaConfig config, Clock clock, Vertx vertx) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    public record PartUrl(int partNumber, String url) {
    }

    public record Started(UUID uploadId, long partSizeBytes, List<PartUrl> parts) {
    }

    public record Status(UUID uploadId, String state, long sizeBytes, long partSizeBytes, List<Integer> partsStored,
            List<PartUrl> parts) {
    }

    /** What a completed upload turned out to be. */
    public record Stored(UUID uploadId, String target, String objectKey, String contentType, long sizeBytes, Integer durationMs) {
    }

    /** Starts an upload of {@code sizeBytes} for {@code target} (the owning feature's reference). */
    public Uni<Started> start(long ownerAccountId, String target, UploadKind kind, String fileName, long sizeBytes) {
        long limit = switch (kind) {
            case VIDEO -> config.maxVideoBytes();
            case CAPTIONS -> config.maxCaptionsBytes();
            case COVER -> config.maxCoverBytes();
        };
        if (sizeBytes <= 0) {
            throw ProblemException.unprocessable("empty-file", "文件是空的。");
        }
        if (sizeBytes > limit) {
            throw ProblemException.unprocessable("file-too-large", "文件太大：" + megabytes(sizeBytes) + "，上限为 " + megabytes(limit) + "。");
        }
        long partSize = Math.max(config.partSizeBytes(), (sizeBytes + MAX_PARTS - 1) / MAX_PARTS);
        UUID id = UUID.randomUUID();
        String key = "uploads/" + kind.name().toLowerCase() + "/" + id;
        return vertx.executeBlocking(Uni.createFrom().item(() -> store.startMultipart(key, "application/octet-stream")))
                .flatMap(s3Id -> Panache.withTransaction(() -> {
                    MediaUpload u = new MediaUpload();
                    u.id = id;
                    u.ownerAccountId = ownerAccountId;
                    u.target = target + ":" + kind.name();
                    u.objectKey = key;
                    u.s3UploadId = s3Id;
                    u.fileName = fileName;
                    u.sizeBytes = sizeBytes;
                    u.partSizeBytes = partSize;
                    u.state = MediaUpload.State.OPEN;
                    u.createdAt = clock.instant();
                    return u.<MediaUpload>persist();
                })).map(u -> new Started(u.id, u.partSizeBytes, urls(u, Set.of())));
    }

    /** Which parts the store holds, with fresh URLs for the others: how a browser resumes. Only for its owner. */
    public Uni<Status> status(UUID uploadId, long ownerAccountId) {
        return owned(uploadId, ownerAccountId).flatMap(u -> {
            if (u.state != MediaUpload.State.OPEN) {
                return Uni.createFrom().item(new Status(u.id, u.state.name(), u.sizeBytes, u.partSizeBytes, List.of(), List.of()));
            }
            return vertx.executeBlocking(Uni.createFrom().item(() -> store.storedParts(u.objectKey, u.s3UploadId))).map(parts -> {
                Set<Integer> stored = wholeParts(u, parts).stream().map(ObjectStore.StoredPart::partNumber).collect(Collectors.toSet());
                return new Status(u.id, u.state.name(), u.sizeBytes, u.partSizeBytes, stored.stream().sorted().toList(), urls(u, stored));
            });
        });
    }

    /** The parts that are whole: every part the size it must be (the last one the rest). */
    private static List<ObjectStore.StoredPart> wholeParts(MediaUpload u, List<ObjectStore.StoredPart> parts) {
        int count = u.partCount();
        List<ObjectStore.StoredPart> whole = new ArrayList<>();
        for (ObjectStore.StoredPart p : parts) {
            if (p.partNumber() >= 1 && p.partNumber() <= count && p.size() == partSize(u, p.partNumber())) {
                whole.add(p);
            }
        }
        return whole;
    }

    static long partSize(MediaUpload u, int partNumber) {
        return partNumber < u.partCount() ? u.partSizeBytes : u.sizeBytes - u.partSizeBytes * (u.partCount() - 1L);
    }

    /**
     * Joins the parts and judges the object by {@code kind}'s rule; answers the same again when
     * called twice. Refuses (422) while parts are missing, and when the bytes are not what the kind
     * needs (the object is then deleted).
     */
    public Uni<Stored> complete(UUID uploadId, long ownerAccountId, UploadKind kind) {
        return owned(uploadId, ownerAccountId).flatMap(u -> {
            if (u.state == MediaUpload.State.COMPLETED) {
                return Uni.createFrom().item(stored(u));
            }
            if (u.state != MediaUpload.State.OPEN) {
                throw ProblemException.conflict("upload-closed", "该上传已结束（" + (u.state == MediaUpload.State.REFUSED ? "文件未通过检查" : "已取消")
                        + "），请重新上传。");
            }
            if (!u.target.endsWith(":" + kind.name())) {
                throw ProblemException.notFound("上传不存在。");
            }
            return vertx.executeBlocking(Uni.createFrom().item(() -> join(u, kind))).flatMap(judged -> Panache.withTransaction(
                    () -> MediaUpload.<MediaUpload>findById(uploadId).map(row -> {
                        row.finishedAt = clock.instant();
                        if (judged.refusal() != null) {
                            row.state = MediaUpload.State.REFUSED;
                        } else {
                            row.state = MediaUpload.State.COMPLETED;
                            row.contentType = judged.contentType();
                            row.durationMs = judged.durationMs();
                        }
                        return row;
                    })).map(row -> {
                        if (judged.refusal() != null) {
                            throw ProblemException.unprocessable("file-refused", judged.refusal());
                        }
                        return stored(row);
                    })).onFailure(e -> e instanceof ProblemException p && CLOSING.equals(p.type()))
                    .recoverWithUni(e -> owned(uploadId, ownerAccountId).map(row -> {
                        // the racing completion has finished: answer what it decided
                        if (row.state == MediaUpload.State.COMPLETED) {
                            return stored(row);
                        }
                        if (row.state == MediaUpload.State.REFUSED) {
                            throw ProblemException.unprocessable("file-refused", "文件未通过检查，已删除，请重新上传。");
                        }
                        throw (ProblemException) e;
                    }));
        });
    }

    private record Judged(String contentType, Integer durationMs, String refusal) {
    }

    /** Blocking: joins the parts in the store and reads what the object is. */
    private Judged join(MediaUpload u, UploadKind kind) {
        List<ObjectStore.StoredPart> parts = wholeParts(u, store.storedParts(u.objectKey, u.s3UploadId));
        if (parts.size() != u.partCount()) {
            if (store.size(u.objectKey) == u.sizeBytes) {
                // a second completion after the first joined the parts: judge the object again
                return judge(u, kind);
            }
            Set<Integer> have = parts.stream().map(ObjectStore.StoredPart::partNumber).collect(Collectors.toSet());
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= u.partCount() && missing.size() < 20; i++) {
                if (!have.contains(i)) {
                    missing.add(i);
                }
            }
            throw ProblemException.unprocessable("parts-missing", "还有分片未上传完成（例如第 " + missing.stream().map(String::valueOf)
                    .collect(Collectors.joining("、")) + " 片），请继续上传后再完成。");
        }
        try {
            store.completeMultipart(u.objectKey, u.s3UploadId, parts);
        } catch (ObjectStore.StorageException e) {
            // a racing completion of the same upload joined the parts first (the store then forgets the
            // upload id): judge the object it made, once it is there
            if (!joinedByAnother(u)) {
                throw ProblemException.conflict(CLOSING, "该上传已由另一个请求完成，请刷新页面查看结果。");
            }
        }
        return judge(u, kind);
    }

    static final String CLOSING = "upload-closing";

    private boolean joinedByAnother(MediaUpload u) {
        for (int i = 0; i < 100; i++) {
            if (store.size(u.objectKey) == u.sizeBytes) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private Judged judge(MediaUpload u, UploadKind kind) {
        try {
            RangeReader reader = store.reader(u.objectKey);
            if (reader.size() != u.sizeBytes) {
                return refuse(u, "上传的文件大小（" + reader.size() + " 字节）与声明的不符。");
            }
            return switch (kind) {
                case VIDEO -> {
                    MediaProbe.Probe probe = MediaProbe.probe(reader);
                    yield new Judged(probe.contentType(), probe.durationMs(), null);
                }
                case CAPTIONS -> {
                    String why = Captions.refusal(reader.read(0, (int) reader.size()));
                    yield why == null ? new Judged("text/vtt", null, null) : refuse(u, why);
                }
                case COVER -> {
                    String type = Images.type(reader.read(0, 16));
                    yield type != null ? new Judged(type, null, null) : refuse(u, "封面必须是 PNG、JPEG 或 WebP 图片。");
                }
            };
        } catch (MediaProbe.Refusal r) {
            return refuse(u, r.getMessage());
        } catch (java.io.IOException e) {
            throw new ObjectStore.StorageException("cannot read " + u.objectKey, e);
        }
    }

    private Judged refuse(MediaUpload u, String why) {
        store.remove(u.objectKey);
        Log.infof("upload %s (%s) refused: %s", u.id, u.fileName, why);
        return new Judged(null, null, why);
    }

    /** Aborts uploads left open longer than configured, with their parts; returns how many. */
    public Uni<Integer> abortAbandoned() {
        Instant before = clock.instant().minus(config.abandonAfter());
        return Panache.withSession(() -> MediaUpload.<MediaUpload>list("state = ?1 and createdAt < ?2", MediaUpload.State.OPEN, before))
                .flatMap(open -> {
                    if (open.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return vertx.executeBlocking(Uni.createFrom().item(() -> {
                        open.forEach(u -> store.abortMultipart(u.objectKey, u.s3UploadId));
                        return open.stream().map(u -> u.id).toList();
                    })).flatMap(ids -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "update media_upload set state = 'ABORTED', finished_at = :now where id in (:ids) and state = 'OPEN'")
                            .setParameter("now", clock.instant()).setParameter("ids", ids).executeUpdate())));
                });
    }

    private static Uni<MediaUpload> owned(UUID uploadId, long ownerAccountId) {
        return Panache.withSession(() -> MediaUpload.<MediaUpload>findById(uploadId)).map(u -> {
            if (u == null || u.ownerAccountId != ownerAccountId) {
                throw ProblemException.notFound("上传不存在（编号 " + uploadId + "）。");
            }
            return u;
        });
    }

    /** The upload's target as its owning feature named it, for that feature to check before it acts. */
    public Uni<String> target(UUID uploadId, long ownerAccountId) {
        return owned(uploadId, ownerAccountId).map(u -> u.target);
    }

    private List<PartUrl> urls(MediaUpload u, Set<Integer> stored) {
        List<PartUrl> urls = new ArrayList<>();
        for (int i = 1; i <= u.partCount(); i++) {
            if (!stored.contains(i)) {
                urls.add(new PartUrl(i, store.presignedPart(u.objectKey, u.s3UploadId, i)));
            }
        }
        return urls;
    }

    private static Stored stored(MediaUpload u) {
        return new Stored(u.id, u.target, u.objectKey, u.contentType, u.sizeBytes, u.durationMs);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
