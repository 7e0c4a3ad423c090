package cn.gd.xueshi.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The embedded default ("start-dev" in Keycloak's terms): starts a real PostgreSQL and a real S3
 * server under {@code XUESHI_DATA_DIR} (default {@code ./data}), loads {@code content/}, seeds the
 * demo accounts and runs the service. When {@code QUARKUS_DATASOURCE_REACTIVE_URL} is set, it
 * starts nothing and runs against the configured servers like the production artifact.
 */
@QuarkusMain
public class EmbeddedMain {

    public static void main(String... args) throws Exception {
        if (System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null) {
            Quarkus.run(args);
            return;
        }
        Path data = Path.of(System.getenv().getOrDefault("XUESHI_DATA_DIR", "data")).toAbsolutePath();
        long started = System.nanoTime();
        EmbeddedServers servers = EmbeddedServers.start(data, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                servers.close();
            } catch (Exception e) {
                System.err.println("embedded servers did not stop cleanly: " + e);
            }
        }, "embedded-servers-stop"));
        Map<String, String> defaults = new LinkedHashMap<>(servers.properties());
        defaults.put("xueshi.content.dir", "content");
        defaults.put("xueshi.identity.seed-demo", "true");
        defaults.put("xueshi.identity.secure-cookie", "false");
        // health and metrics for the person at this machine, not for the network the service faces
        defaults.put("quarkus.management.host", "127.0.0.1");
        LauncherDefaults.supply(defaults);
        System.out.printf("embedded PostgreSQL and S3 started in %d ms, data under %s%n",
                (System.nanoTime() - started) / 1_000_000, data);
        Quarkus.run(args);
    }
}
