package cn.gd.xueshi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateVerifierTest {

    private static final CertificateVerifier VERIFIER = new CertificateVerifier(CertificateSamples.KEYS);
    private static byte[] signed;
    private static int[] byteRange;

    @BeforeAll
    static void render() throws IOException {
        signed = new CertificatePdf(CertificateSamples.KEYS, CertificateSamples.CLOCK).render(CertificateSamples.content());
        try (PDDocument doc = Loader.loadPDF(signed)) {
            byteRange = doc.getSignatureDictionaries().get(0).getByteRange();
        }
    }

    @Test
    void aCertificateThePlatformSignedIsGenuineWithItsNumber() {
        CertificateVerifier.Verdict verdict = VERIFIER.verify(signed);
        assertTrue(verdict.genuine(), verdict.reason());
        assertEquals("GD2026-000123-7", verdict.number());
        assertNull(verdict.reason());
    }

    @Test
    void aSealedCertificateIsGenuineToo() {
        byte[] sealed = new CertificatePdf(CertificateSamples.KEYS, CertificateSamples.CLOCK)
                .render(CertificateSamples.content(CertificateSamples.sealPng()));
        assertTrue(VERIFIER.verify(sealed).genuine());
    }

    @Test
    void theSignatureIsADetachedCmsOverTheWholeFileByThePlatformsCertificate() throws Exception {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature signature = doc.getSignatureDictionaries().get(0);
            assertEquals("Adobe.PPKLite", signature.getFilter());
            assertEquals("adbe.pkcs7.detached", signature.getSubFilter());
            int[] range = signature.getByteRange();
            assertEquals(0, range[0]);
            assertEquals(signed.length, range[2] + range[3]);
            // the Contents string is the DER signature padded with zeros, which BouncyCastle refuses to parse
            byte[] der;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents(signed))) {
                der = in.readObject().getEncoded(ASN1Encoding.DER);
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(signed)), der);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder embedded = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            assertTrue(Arrays.equals(CertificateSamples.KEYS.certificate().getEncoded(), embedded.getEncoded()));
            assertEquals("2.16.840.1.101.3.4.2.1", signer.getDigestAlgOID()); // SHA-256
            assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(embedded)));
        }
    }

    @Test
    void oneChangedByteAnywhereIsNotGenuine() {
        int gapStart = byteRange[1];
        int gapEnd = byteRange[2];
        int[] positions = { 20, signed.length / 4, signed.length / 2, gapStart - 5, gapStart, gapStart + 1, gapStart + 40,
                (gapStart + gapEnd) / 2, gapEnd - 3, gapEnd - 1, gapEnd, gapEnd + 10, signed.length - 30, signed.length - 8,
                signed.length - 1 };
        for (int position : positions) {
            for (int delta : new int[] { 1, 0x20 }) {
                byte[] changed = signed.clone();
                changed[position] = (byte) (changed[position] ^ delta);
                CertificateVerifier.Verdict verdict = VERIFIER.verify(changed);
                assertFalse(verdict.genuine(), "byte " + position + " ^ " + delta + " went unnoticed");
                assertNotNull(verdict.reason());
            }
        }
    }

    @Test
    void everyByteOfTheSignatureGapIsChecked() {
        // lower-casing one hex digit, or a non-zero byte in the padding, leaves a valid-looking signature
        byte[] changed = signed.clone();
        int lastHex = byteRange[2] - 2;
        changed[lastHex] = '1';
        assertFalse(VERIFIER.verify(changed).genuine());
        byte[] lower = signed.clone();
        for (int i = byteRange[1] + 1; i < byteRange[2] - 1; i++) {
            if (lower[i] >= 'A' && lower[i] <= 'F') {
                lower[i] = (byte) (lower[i] + 32);
                break;
            }
        }
        assertFalse(VERIFIER.verify(lower).genuine());
    }

    @Test
    void bytesAppendedAfterSigningAreNotGenuine() throws IOException {
        byte[] appended = Arrays.copyOf(signed, signed.length + 1);
        appended[signed.length] = '\n';
        assertFalse(VERIFIER.verify(appended).genuine());
        assertEquals("签名之后文件被修改或追加了内容", VERIFIER.verify(appended).reason());
    }

    @Test
    void anIncrementalUpdateAfterSigningIsNotGenuine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(signed)) {
            doc.getDocumentInformation().setCustomMetadataValue(CertificatePdf.NUMBER_KEY, "GD2026-999999-X");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        CertificateVerifier.Verdict verdict = VERIFIER.verify(out.toByteArray());
        assertFalse(verdict.genuine());
        assertEquals("签名之后文件被修改或追加了内容", verdict.reason());
    }

    @Test
    void aPdfSignedByAnotherKeyIsNotGenuine() {
        byte[] forged = new CertificatePdf(CertificateKeys.generate(), CertificateSamples.CLOCK).render(CertificateSamples.content());
        CertificateVerifier.Verdict verdict = VERIFIER.verify(forged);
        assertFalse(verdict.genuine());
        assertEquals("签名不是本平台的证书所签", verdict.reason());
    }

    @Test
    void anUnsignedPdfIsNotGenuine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setCustomMetadataValue(CertificatePdf.NUMBER_KEY, "GD2026-000123-7");
            doc.save(out);
        }
        CertificateVerifier.Verdict verdict = VERIFIER.verify(out.toByteArray());
        assertFalse(verdict.genuine());
        assertEquals("文件没有数字签名", verdict.reason());
    }

    @Test
    void garbageEmptyTruncatedAndOversizedInputsAreNotGenuineAndNeverThrow() {
        byte[] random = new byte[50_000];
        new Random(7).nextBytes(random);
        byte[] pdfHeaderThenNoise = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 5000);
        for (byte[] input : new byte[][] { random, new byte[0], null, "hello".getBytes(StandardCharsets.UTF_8),
                pdfHeaderThenNoise, Arrays.copyOf(signed, signed.length / 2), Arrays.copyOf(signed, signed.length - 10),
                new byte[CertificateVerifier.MAX_BYTES + 1] }) {
            CertificateVerifier.Verdict verdict = VERIFIER.verify(input);
            assertFalse(verdict.genuine());
            assertNotNull(verdict.reason());
            assertTrue(verdict.reason().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    verdict.reason());
        }
    }
}
