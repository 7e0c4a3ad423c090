package cn.gd.xueshi.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Tells whether a PDF is one this platform signed and is unchanged since: exactly one signature,
 * covering every byte of the file but its own contents, made by the platform's key over exactly
 * those bytes. Never throws: whatever is wrong with the input is a verdict with a reason.
 */
@ApplicationScoped
public class CertificateVerifier {

    /** The largest file looked at; a certificate is a few dozen KB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    public record Verdict(boolean genuine, String number, String reason) {

        static Verdict genuine(String number) {
            return new Verdict(true, number, null);
        }

        static Verdict not(String reason) {
            return new Verdict(false, null, reason);
        }

        static Verdict not(String number, String reason) {
            return new Verdict(false, number, reason);
        }
    }

    private final byte[] platformCertificate;
    private final SignerInformationVerifier signerVerifier;

    public CertificateVerifier(CertificateKeys keys) {
        try {
            this.platformCertificate = keys.certificate().getEncoded();
            this.signerVerifier = new JcaSimpleSignerInfoVerifierBuilder().build(keys.certificate());
        } catch (Exception e) {
            throw new IllegalStateException("unusable certificate signing key", e);
        }
    }

    public Verdict verify(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return Verdict.not("文件为空");
        }
        if (pdf.length > MAX_BYTES) {
            return Verdict.not("文件过大，不是本平台出具的证书");
        }
        if (!startsWith(pdf, "%PDF-")) {
            return Verdict.not("不是 PDF 文件");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String number = doc.getDocumentInformation().getCustomMetadataValue(CertificatePdf.NUMBER_KEY);
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return Verdict.not(number, "文件没有数字签名");
            }
            if (signatures.size() > 1) {
                return Verdict.not(number, "文件有多个签名，不是本平台出具的证书");
            }
            PDSignature signature = signatures.get(0);
            int[] range = signature.getByteRange();
            if (!coversWholeFile(range, pdf.length)) {
                return Verdict.not(number, "签名之后文件被修改或追加了内容");
            }
            byte[] cms = signatureAsWritten(pdf, range, signature.getContents());
            if (cms == null) {
                return Verdict.not(number, "签名数据被改动");
            }
            String reason = checkSignature(cms, signedBytes(pdf, range));
            if (reason != null) {
                return Verdict.not(number, reason);
            }
            if (number == null || number.isBlank()) {
                return Verdict.not("文件中没有证书编号");
            }
            return Verdict.genuine(number);
        } catch (IOException | RuntimeException e) {
            return Verdict.not("文件已损坏或不是有效的 PDF");
        }
    }

    /** One signed stretch from the start to the signature, the other from after it to the very end. */
    static boolean coversWholeFile(int[] range, int length) {
        return range != null && range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1]
                && range[3] >= 0 && (long) range[2] + range[3] == length;
    }

    /**
     * The unsigned gap is exactly the signature as written: {@code <}, its hex digits as this platform
     * writes them, {@code >}, and the signature is DER padded with zeros. Bytes there are outside the
     * signed ranges, so they are checked here one by one. The DER signature without its padding, or
     * null when the gap holds anything else.
     */
    private static byte[] signatureAsWritten(byte[] pdf, int[] range, byte[] contents) throws IOException {
        byte[] expected = ("<" + HexFormat.of().withUpperCase().formatHex(contents) + ">").getBytes(StandardCharsets.US_ASCII);
        if (range[2] - range[1] != expected.length
                || !Arrays.equals(pdf, range[1], range[2], expected, 0, expected.length)) {
            return null;
        }
        ASN1Primitive object;
        try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(contents), contents.length)) {
            object = in.readObject();
        }
        if (object == null) {
            return null;
        }
        byte[] der = object.getEncoded(ASN1Encoding.DER);
        if (der.length > contents.length || !Arrays.equals(contents, 0, der.length, der, 0, der.length)) {
            return null;
        }
        for (int i = der.length; i < contents.length; i++) {
            if (contents[i] != 0) {
                return null;
            }
        }
        return der;
    }

    private static byte[] signedBytes(byte[] pdf, int[] range) {
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, range[0], signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);
        return signed;
    }

    /** Null when the CMS signature is the platform's over exactly these bytes, else why not. */
    private String checkSignature(byte[] contents, byte[] signed) {
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
        } catch (Exception e) {
            return "签名数据无效";
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return "签名数据无效";
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matching = cms.getCertificates().getMatches(signer.getSID());
        try {
            if (matching.size() != 1 || !Arrays.equals(matching.iterator().next().getEncoded(), platformCertificate)) {
                return "签名不是本平台的证书所签";
            }
            return signer.verify(signerVerifier) ? null : "签名与文件内容不符，文件已被篡改";
        } catch (Exception e) {
            return "签名与文件内容不符，文件已被篡改";
        }
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= p.length && Arrays.equals(bytes, 0, p.length, p, 0, p.length);
    }
}
