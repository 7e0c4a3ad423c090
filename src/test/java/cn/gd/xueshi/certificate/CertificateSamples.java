package cn.gd.xueshi.certificate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.imageio.ImageIO;

/** Contents, keys and a seal for the certificate tests. */
final class CertificateSamples {

    static final CertificateKeys KEYS = CertificateKeys.generate();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String BASIS = "依据《广东省专业技术人员继续教育管理办法》（粤人社规〔2018〕11号），专业技术人员每年参加继续教育的时间累计不少于"
            + "90学时，其中公需科目不少于30学时，专业科目不少于60学时。本证明由广东省专业技术人员继续教育平台根据学时登记记录出具。";
    static final String VERIFY_URL = "https://xueshi.example.gd.cn/verify/GD2026-000123-7";

    private CertificateSamples() {
    }

    static CertificateContent content(byte[] seal) {
        return new CertificateContent("GD2026-000123-7", "张三丰", "110105********002X", "广州市第一人民医院信息科", 2026,
                new BigDecimal("30.0"), new BigDecimal("52.5"), new BigDecimal("12"), new BigDecimal("94.5"), BASIS,
                LocalDate.of(2026, 12, 7), VERIFY_URL, seal);
    }

    static CertificateContent content() {
        return content(null);
    }

    /** A red round seal with a transparent background, as an employer would upload it. */
    static byte[] sealPng() {
        BufferedImage image = new BufferedImage(240, 240, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 20, 20, 220));
        g.setStroke(new java.awt.BasicStroke(10));
        g.drawOval(10, 10, 220, 220);
        g.fillPolygon(new int[] { 120, 140, 190, 150, 165, 120, 75, 90, 50, 100 },
                new int[] { 60, 105, 105, 135, 185, 155, 185, 135, 105, 105 }, 10);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
