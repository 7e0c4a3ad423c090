package cn.gd.xueshi.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.ServiceLoader;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The embedded launcher's defaults and secrets, without starting its servers. */
class EmbeddedDefaultsTest {

    private static final Map<String, String> LAUNCHER = Map.of("xueshi.content.dir", "content",
            "xueshi.identity.secure-cookie", "false", "xueshi.identity.seed-demo", "true");

    @TempDir
    Path tmp;

    private static SmallRyeConfig config(ConfigSource... others) {
        return new SmallRyeConfigBuilder().withSources(new LauncherDefaults(LAUNCHER)).withSources(others).build();
    }

    @Test
    void environmentVariablesOutrankTheLaunchersDefaults() {
        SmallRyeConfig config = config(new EnvConfigSource(Map.of("XUESHI_CONTENT_DIR", "/srv/courses",
                "XUESHI_IDENTITY_SECURE_COOKIE", "true"), 300));
        assertEquals("/srv/courses", config.getRawValue("xueshi.content.dir"));
        assertEquals("true", config.getRawValue("xueshi.identity.secure-cookie"));
        assertEquals("true", config.getRawValue("xueshi.identity.seed-demo"), "what nobody sets stays the launcher's");
    }

    @Test
    void systemPropertiesAndAnOperatorsConfigFileOutrankTheLaunchersDefaults() {
        SmallRyeConfig config = config(new PropertiesConfigSource(Map.of("xueshi.content.dir", "/srv/courses"), "config/application.properties", 260),
                new PropertiesConfigSource(Map.of("xueshi.identity.seed-demo", "false"), "system properties", 400));
        assertEquals("/srv/courses", config.getRawValue("xueshi.content.dir"));
        assertEquals("false", config.getRawValue("xueshi.identity.seed-demo"));
    }

    @Test
    void theLaunchersDefaultsOutrankThePackagedApplicationProperties() {
        SmallRyeConfig config = config(new PropertiesConfigSource(Map.of("xueshi.identity.secure-cookie", "true"), "application.properties", 250));
        assertEquals("false", config.getRawValue("xueshi.identity.secure-cookie"));
    }

    @Test
    void quarkusFindsTheLaunchersSourceAndItIsEmptyUntilTheLauncherSuppliesIt() {
        ConfigSource loaded = ServiceLoader.load(ConfigSource.class).stream().map(ServiceLoader.Provider::get)
                .filter(LauncherDefaults.class::isInstance).findFirst().orElseThrow();
        assertEquals(Map.of(), loaded.getProperties());
        assertEquals(251, loaded.getOrdinal());
    }

    @Test
    void theSigningKeyIsReadableOnlyByItsOwner() throws Exception {
        Path keys = EmbeddedServers.secretsDir(tmp.resolve("keys"));
        Map<String, String> settings = EmbeddedServers.signingKeys(keys);
        assertEquals(keys.resolve("private-key.pem").toUri().toString(), settings.get("smallrye.jwt.sign.key.location"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("private-key.pem"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("public-key.pem"))));
    }

    @Test
    void anOlderDataDirectorysKeysBecomeReadableOnlyByTheirOwner() throws Exception {
        Path keys = Files.createDirectories(tmp.resolve("keys"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(keys.resolve("private-key.pem"), "old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        EmbeddedServers.secretsDir(keys);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
    }

    @Test
    void aDataDirectoryKeepsItsObjectStoreSecret() throws Exception {
        Path file = EmbeddedServers.secretsDir(tmp.resolve("keys")).resolve("object-store-secret");
        String secret = EmbeddedServers.secret(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, secret.length());
        assertEquals(secret, EmbeddedServers.secret(file));
    }

    @Test
    void eachDataDirectoryGetsItsOwnObjectStoreSecret() throws Exception {
        String one = EmbeddedServers.secret(EmbeddedServers.secretsDir(tmp.resolve("one")).resolve("object-store-secret"));
        String other = EmbeddedServers.secret(EmbeddedServers.secretsDir(tmp.resolve("other")).resolve("object-store-secret"));
        assertNotEquals(one, other);
    }
}
