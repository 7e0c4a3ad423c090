package cn.gd.xueshi.certificate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Certificates: what they say, where they are verified, and how hard verification may be pushed. */
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
    @WithDefault("5242880")
    int maxPdfBytes();

    /** How many certificates or batch entries one instance works on at once. */
    @WithDefault("4")
    int workers();
}
