package cn.gd.xueshi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import cn.gd.xueshi.embedded.EmbeddedServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the real PostgreSQL and S3 server for the test run and points the service at them. */
public class EmbeddedServicesResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedServers servers;

    @Override
    public Map<String, String> start() {
        try {
            Path data = Files.createDirectories(Path.of("target", "test-data")).resolve("run-" + ProcessHandle.current().pid());
            servers = EmbeddedServers.start(data, false);
            Map<String, String> props = new HashMap<>(servers.properties());
            props.put("xueshi.content.dir", Path.of("content").toAbsolutePath().toString());
            props.put("xueshi.identity.seed-demo", "true");
            return props;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL and S3 server", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (servers != null) {
                servers.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
