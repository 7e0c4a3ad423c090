package cn.gd.xueshi.media;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Aborts abandoned uploads so their parts do not fill the store (S3 keeps unfinished parts forever). */
@jakarta.enterprise.context.ApplicationScoped
public class UploadSweep {

    private final Uploads uploads;

    public UploadSweep(Uploads uploads) {
        this.uploads = uploads;
    }

    @Scheduled(every = "${xueshi.media.sweep-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return uploads.abortAbandoned().invoke(n -> {
            if (n > 0) {
                Log.infof("aborted %d abandoned uploads", n);
            }
        }).onFailure().invoke(e -> Log.warnf(e, "could not abort abandoned uploads")).onFailure().recoverWithNull().replaceWithVoid();
    }
}
