package cn.gd.xueshi.certificate;

import jakarta.enterprise.context.ApplicationScoped;

/** STUB until the document branch lands. */
@ApplicationScoped
public class CertificatePdf {
    public byte[] render(CertificateContent content) {
        return ("%PDF-1.4\n% stub " + content.number() + " " + content.sealPng() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
