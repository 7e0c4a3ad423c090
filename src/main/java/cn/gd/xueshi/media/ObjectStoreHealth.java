package cn.gd.xueshi.media;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the media bucket answers. */
@Readiness
@ApplicationScoped
public class ObjectStoreHealth implements HealthCheck {

    private final ObjectStore store;

    public ObjectStoreHealth(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("object-store").status(store.reachable()).build();
    }
}
