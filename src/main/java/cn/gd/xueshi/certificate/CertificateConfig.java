package cn.gd.xueshi.certificate;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where the key that signs certificates comes from. Production names a PKCS#12 keystore; without
 * one, a key and self-signed certificate are made once and kept in {@code key-dir}.
 */
@ConfigMapping(prefix = "xueshi.certificate")
public interface CertificateConfig {

    /** Path of the PKCS#12 keystore holding the signing key and its certificate chain (production). */
    Optional<String> keystore();

    /** Password of the keystore, also used for the key entry. */
    Optional<String> keystorePassword();

    /** Alias of the key entry in the keystore; the keystore's only key entry when absent. */
    Optional<String> keyAlias();

    /**
     * Folder for the self-made key when no keystore is named; by default the data directory's
     * {@code keys} folder ({@code XUESHI_DATA_DIR}, default {@code ./data}), in tests a temporary one.
     */
    Optional<String> keyDir();
}
