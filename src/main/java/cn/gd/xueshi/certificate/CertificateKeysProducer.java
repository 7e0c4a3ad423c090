package cn.gd.xueshi.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;

/** Gives the application its one certificate signing key: the configured keystore, or the self-made key. */
@ApplicationScoped
public class CertificateKeysProducer {

    @Produces
    @Singleton
    CertificateKeys keys(CertificateConfig config) {
        if (config.keystore().isPresent()) {
            Path keystore = Path.of(config.keystore().get());
            char[] password = config.keystorePassword().orElse("").toCharArray();
            Log.infof("certificates are signed with the key in %s", keystore);
            return CertificateKeys.fromKeystore(keystore, password, config.keyAlias().orElse(null));
        }
        Path dir = config.keyDir().map(Path::of).orElseGet(CertificateKeysProducer::defaultKeyDir).toAbsolutePath();
        Log.infof("no xueshi.certificate.keystore set: certificates are signed with the self-made key in %s", dir);
        return CertificateKeys.selfMade(dir);
    }

    /** The embedded default's data directory (as the launcher resolves it), or a throwaway folder in tests. */
    static Path defaultKeyDir() {
        if (LaunchMode.current() == LaunchMode.TEST) {
            try {
                return Files.createTempDirectory("xueshi-certificate-keys");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Path.of(System.getenv().getOrDefault("XUESHI_DATA_DIR", "data"), "keys");
    }
}
