package cn.gd.xueshi.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Makes the detached CMS SignedData (SHA-256, signer's chain included) over a PDF's signed bytes. */
final class CertificateSigner {

    private final CertificateKeys keys;
    private final JcaCertStore certificates;
    private final DigestCalculatorProvider digests;

    CertificateSigner(CertificateKeys keys) {
        this.keys = keys;
        try {
            this.certificates = new JcaCertStore(keys.chain());
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalStateException("unusable certificate signing key", e);
        }
    }

    /** The DER-encoded signature, as PDFBox's SignatureInterface asks for it. */
    byte[] sign(InputStream signedBytes) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests).build(
                    new JcaContentSignerBuilder(keys.signatureAlgorithm()).build(keys.privateKey()), keys.certificate()));
            generator.addCertificates(certificates);
            return generator.generate(new CMSProcessableByteArray(signedBytes.readAllBytes()), false)
                    .getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new IOException("cannot sign the certificate", e);
        }
    }
}
