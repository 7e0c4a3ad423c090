package cn.gd.xueshi.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every instance's catalog cache true to the database: a publish sends a PostgreSQL
 * notification on commit ({@link #announce}), and every instance listens and drops what it has
 * cached. After a lost connection the listener reconnects and drops everything once, since it may
 * have missed a notification in between.
 */
@ApplicationScoped
public class CatalogChanges {

    static final String CHANNEL = "xueshi_catalog";

    private final CatalogCache cache;
    private final Vertx vertx;
    private final String url;
    private final String username;
    private final String password;
    private PgSubscriber subscriber;

    public CatalogChanges(CatalogCache cache, Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.cache = cache;
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** Tells every instance, once the caller's transaction commits, that the catalog changed. */
    static Uni<Void> announce(long courseId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select cast(pg_notify(:channel, :payload) as text)")
                .setParameter("channel", CHANNEL).setParameter("payload", String.valueOf(courseId)).getSingleResult())
                .replaceWithVoid();
    }

    void onStart(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(username).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options);
        subscriber.reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(payload -> {
            cache.clear();
            Log.debugf("catalog changed (course %s): cache dropped", payload);
        }).subscribeHandler(() -> {
            // (re)listening: whatever was published while no connection listened is unknown, so drop it all
            cache.clear();
            Log.debug("listening for catalog changes");
        });
        subscriber.closeHandler(() -> Log.warn("catalog notifications lost; reconnecting"));
        subscriber.connect().subscribe().with(x -> Log.info("listening for catalog changes"),
                e -> Log.errorf(e, "cannot listen for catalog changes"));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close().subscribe().with(x -> { }, e -> { });
        }
    }
}
