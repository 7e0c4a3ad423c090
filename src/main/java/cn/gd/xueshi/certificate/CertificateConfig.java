package cn.gd.xueshi.certificate;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Certificates: what they say, where they are verified and how hard verification may be pushed,
 * and where the key that signs them comes from. Production names a PKCS#12 keystore; without one, a
 * key and self-signed certificate are made once and kept in {@code key-dir}.
 */
@ConfigMapping(prefix = "xueshi.certificate")
public interface CertificateConfig {

    /** The address people reach the platform at; the QR code opens {@code <public-url>/verify/<number>}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** The policy basis printed on every certificate. */
    @WithDefault("依据《广东省专业技术人员继续教育条例》，该同志已完成本年度继续教育学时要求，特发此证明。")
    String basis();

    /** Verification requests one client address may make per minute (lookups, pages and PDF checks together). */
    @WithDefault("30")
    int verifyPerMinute();

    /** The largest PDF the verification accepts, in bytes. */
    @WithDefault("4194304")
    int maxPdfBytes();

    /** How many certificates or batch entries one instance works on at once (each holds a database connection). */
    @WithDefault("8")
    int workers();

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
