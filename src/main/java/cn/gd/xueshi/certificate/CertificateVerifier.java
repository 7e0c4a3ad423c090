package cn.gd.xueshi.certificate;

import jakarta.enterprise.context.ApplicationScoped;

/** STUB until the document branch lands. */
@ApplicationScoped
public class CertificateVerifier {
    public record Verdict(boolean genuine, String number, String reason) {
    }

    public Verdict verify(byte[] pdf) {
        String s = new String(pdf, java.nio.charset.StandardCharsets.UTF_8);
        int i = s.indexOf("% stub ");
        return i < 0 ? new Verdict(false, null, "不是本平台签发的证书。") : new Verdict(true, s.substring(i + 7, i + 22), null);
    }
}
