package cn.gd.xueshi.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import cn.gd.xueshi.media.StorageConfig;

/**
 * Headers every response carries, pages, API, static files, errors and the management port alike: a Content-Security-
 * Policy that allows no inline or foreign script (media, captions and uploads come from the
 * object store's own origin), no MIME sniffing, no framing, and no full URL in the Referer.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(StorageConfig storage) {
        this.policy = policy(origin(storage.publicEndpoint().orElse(storage.endpoint())));
    }

    /** The Content-Security-Policy for pages whose media come from {@code storeOrigin}. */
    static String policy(String storeOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: "
                + storeOrigin + "; media-src 'self' " + storeOrigin + "; connect-src 'self' " + storeOrigin
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of an endpoint, the way a browser compares origins. */
    static String origin(String endpoint) {
        URI uri = URI.create(endpoint.trim());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    void register(@Observes Filters filters) {
        filters.register(this::harden, 1_000);
    }

    /** Health and metrics on the management port (production) are answered by a router of their own. */
    void register(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(this::harden);
    }

    private void harden(RoutingContext rc) {
        MultiMap headers = rc.response().headers();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        rc.next();
    }
}
