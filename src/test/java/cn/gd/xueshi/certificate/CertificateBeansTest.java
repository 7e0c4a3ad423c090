package cn.gd.xueshi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The application's one key signs what its verifier accepts; without a keystore it is the self-made one. */
@QuarkusTest
class CertificateBeansTest {

    @Inject
    CertificatePdf pdf;

    @Inject
    CertificateVerifier verifier;

    @Inject
    CertificateKeys keys;

    @Test
    void theApplicationSignsWhatItsVerifierAccepts() {
        CertificateVerifier.Verdict verdict = verifier.verify(pdf.render(CertificateSamples.content()));
        assertTrue(verdict.genuine(), verdict.reason());
        assertEquals("GD2026-000123-7", verdict.number());
        assertFalse(verifier.verify(new CertificatePdf(CertificateSamples.KEYS, CertificateSamples.CLOCK)
                .render(CertificateSamples.content())).genuine());
    }

    @Test
    void withoutAKeystoreTheKeyIsTheSelfMadeOne() {
        assertEquals("CN=xueshi 学时 certificate signing", keys.certificate().getSubjectX500Principal().getName());
    }
}
