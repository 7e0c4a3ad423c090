package cn.gd.xueshi.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDefaultsTest {

    @TempDir
    Path tmp;

    @Test
    void theEnvironmentAndSystemPropertiesOutrankTheLaunchersDefaults() {
        Properties system = new Properties();
        system.setProperty("xueshi.identity.seed-demo", "false");
        EmbeddedMain.applyDefaults(Map.of("xueshi.content.dir", "content", "xueshi.identity.secure-cookie", "false",
                "xueshi.identity.seed-demo", "true", "xueshi.storage.bucket", "xueshi-media"),
                Map.of("XUESHI_CONTENT_DIR", "/srv/courses", "XUESHI_IDENTITY_SECURE_COOKIE", "true"), system);
        assertNull(system.getProperty("xueshi.content.dir"));
        assertNull(system.getProperty("xueshi.identity.secure-cookie"));
        assertEquals("false", system.getProperty("xueshi.identity.seed-demo"));
        assertEquals("xueshi-media", system.getProperty("xueshi.storage.bucket"));
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("XUESHI_CONTENT_DIR", EmbeddedMain.envName("xueshi.content.dir"));
        assertEquals("QUARKUS_DATASOURCE_REACTIVE_URL", EmbeddedMain.envName("quarkus.datasource.reactive.url"));
        assertEquals("XUESHI_IDENTITY_SECURE_COOKIE", EmbeddedMain.envName("xueshi.identity.secure-cookie"));
    }

    @Test
    void secretsAreReadableByTheirOwnerOnlyEvenInAnOldDataDirectory() throws Exception {
        Path keys = Files.createDirectories(tmp.resolve("keys"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(keys.resolve("private-key.pem"), "old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        EmbeddedServers.secretsDir(keys);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
        String secret = EmbeddedServers.secret(keys.resolve("object-store-secret"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("object-store-secret"))));
        assertEquals(32, secret.length());
        assertEquals(secret, EmbeddedServers.secret(keys.resolve("object-store-secret")), "the same directory keeps its secret");
        assertNotEquals(secret, EmbeddedServers.secret(EmbeddedServers.secretsDir(tmp.resolve("other")).resolve("object-store-secret")),
                "another data directory gets its own");
    }
}
