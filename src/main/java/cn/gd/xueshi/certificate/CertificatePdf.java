package cn.gd.xueshi.certificate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Renders a certificate to a signed PDF: one A4 page in the bundled Chinese font (embedded as a
 * subset), a QR code to the verification page, and a detached CMS signature (adbe.pkcs7.detached)
 * over the whole file. Thread-safe: each render builds its own document; the font file is read once
 * and parsed once per thread.
 */
@ApplicationScoped
public class CertificatePdf {

    public static final String TITLE = "广东省专业技术人员继续教育学时证明";
    /** The document information key that carries the certificate number. */
    public static final String NUMBER_KEY = "XueshiCertificateNumber";
    public static final String SEAL_MARKER = "已加盖单位电子印章";
    /** Chinese glyphs (Droid Sans Fallback has no Latin letters or digits) and Latin ones (Arimo). */
    static final String CHINESE_FONT = "/certificate/DroidSansFallbackFull.ttf";
    static final String LATIN_FONT = "/certificate/Arimo-Regular.ttf";
    /** Room for the CMS signature: an RSA-4096 signer with a chain of a few certificates. */
    static final int SIGNATURE_SIZE = 12_000;

    private static final float MARGIN = 72;
    private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final float QR_SIDE = 96;
    private static final float SEAL_SIDE = 110;
    static final int QR_PIXELS_PER_MODULE = 8;

    private final CertificateSigner signer;
    private final Clock clock;
    private final byte[] chineseFile;
    private final byte[] latinFile;
    /** Parsed fonts read glyphs from their file on demand and are not thread-safe: one pair per thread. */
    private final ThreadLocal<TrueTypeFont[]> fonts;

    public CertificatePdf(CertificateKeys keys, Clock clock) {
        this.signer = new CertificateSigner(keys);
        this.clock = clock;
        this.chineseFile = readFont(CHINESE_FONT);
        this.latinFile = readFont(LATIN_FONT);
        this.fonts = ThreadLocal.withInitial(() -> new TrueTypeFont[] { parseFont(chineseFile), parseFont(latinFile) });
    }

    /** The signed PDF. */
    public byte[] render(CertificateContent content) {
        try {
            byte[] unsigned = layOut(content);
            return sign(unsigned, content.number());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render certificate " + content.number(), e);
        }
    }

    private byte[] layOut(CertificateContent c) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            TrueTypeFont[] parsed = fonts.get();
            Fonts f = new Fonts(PDType0Font.load(doc, parsed[0], true), parsed[1], PDType0Font.load(doc, parsed[1], true));
            PDImageXObject qr = LosslessFactory.createFromImage(doc, qrImage(c.verifyUrl()));
            PDImageXObject seal = c.sealPng() == null ? null : sealImage(doc, c.sealPng());
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.setLineWidth(1.5f);
                s.addRect(36, 36, PAGE_WIDTH - 72, PAGE_HEIGHT - 72);
                s.stroke();
                s.setLineWidth(0.5f);
                s.addRect(42, 42, PAGE_WIDTH - 84, PAGE_HEIGHT - 84);
                s.stroke();

                centred(s, f, 20, PAGE_HEIGHT - 110, TITLE);
                float y = PAGE_HEIGHT - 170;
                for (String line : List.of("证书编号：" + c.number(), "姓名：" + c.name(), "身份证号：" + c.maskedIdNumber())) {
                    text(s, f, 13, MARGIN, y, line);
                    y -= 26;
                }
                for (String line : wrap(f, 13, "工作单位：" + c.employer(), PAGE_WIDTH - 2 * MARGIN)) {
                    text(s, f, 13, MARGIN, y, line);
                    y -= 26;
                }
                text(s, f, 13, MARGIN, y, "年度：" + c.year());
                y -= 36;
                text(s, f, 13, MARGIN, y, "学时（" + c.year() + " 年度）");
                y -= 26;
                for (Map.Entry<String, BigDecimal> row : List.of(Map.entry("公需科目", nullToZero(c.publicHours())),
                        Map.entry("专业科目", nullToZero(c.professionalHours())), Map.entry("选修", nullToZero(c.electiveHours())),
                        Map.entry("合计", nullToZero(c.totalHours())))) {
                    text(s, f, 13, MARGIN + 26, y, row.getKey() + "：" + hours(row.getValue()) + " 学时");
                    y -= 24;
                }
                y -= 14;
                for (String line : wrap(f, 11, "依据：" + (c.basis() == null ? "" : c.basis()), PAGE_WIDTH - 2 * MARGIN)) {
                    text(s, f, 11, MARGIN, y, line);
                    y -= 18;
                }

                // the verification corner: QR code and its address
                float qrY = 150;
                s.drawImage(qr, MARGIN, qrY, QR_SIDE, QR_SIDE);
                // the quiet zone a scanner needs (four modules) stays clear of text
                text(s, f, 10, MARGIN, qrY - 24, "扫码核验真伪");
                float urlWidth = PAGE_WIDTH - 2 * MARGIN;
                float urlSize = Math.min(9, urlWidth / Math.max(1, f.width(c.verifyUrl(), 1)));
                text(s, f, urlSize, MARGIN, qrY - 40, c.verifyUrl());

                // the issuer corner, where the unit's seal goes
                float issuerX = PAGE_WIDTH - MARGIN - 230;
                float issuerY = qrY + 60;
                text(s, f, 12, issuerX, issuerY, "出具：广东省专业技术人员继续教育平台");
                text(s, f, 12, issuerX, issuerY - 24, "发证日期：" + issueDate(c.issuedOn()));
                if (seal != null) {
                    s.drawImage(seal, issuerX + 60, issuerY - 70, SEAL_SIDE, SEAL_SIDE);
                    text(s, f, 10, issuerX, issuerY - 48, SEAL_MARKER);
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(TITLE);
            info.setSubject(c.number());
            info.setCustomMetadataValue(NUMBER_KEY, c.number());
            info.setCreator("xueshi 学时");
            info.setCreationDate(GregorianCalendar.from(ZonedDateTime.now(clock)));
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Adds the signature as an incremental update whose ByteRange covers the whole file. */
    private byte[] sign(byte[] unsigned, String number) throws IOException {
        try (PDDocument doc = Loader.loadPDF(unsigned); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("xueshi 学时");
            signature.setReason("学时证明 " + number);
            Calendar now = GregorianCalendar.from(ZonedDateTime.now(clock));
            signature.setSignDate(now);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            doc.addSignature(signature, signer::sign, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsigned.length + 2 * SIGNATURE_SIZE + 4096);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    static String hours(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String issueDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static BigDecimal nullToZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Breaks text into lines no wider than {@code width}, between any two characters (Chinese has no spaces). */
    static List<String> wrap(Fonts f, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            if (cp == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
                continue;
            }
            float w = f.width(ch, size);
            if (used + w > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(ch);
            used += w;
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void text(PDPageContentStream s, Fonts f, float size, float x, float y, String text) throws IOException {
        s.beginText();
        s.newLineAtOffset(x, y);
        for (Fonts.Run run : f.runs(text)) {
            s.setFont(run.font(), size);
            s.showText(run.text());
        }
        s.endText();
    }

    private static void centred(PDPageContentStream s, Fonts f, float size, float y, String text) throws IOException {
        text(s, f, size, (PAGE_WIDTH - f.width(text, size)) / 2, y, text);
    }

    /** The document's two fonts: Latin letters, digits and signs from Arimo, everything else from Droid. */
    record Fonts(PDType0Font chinese, TrueTypeFont latinFile, PDType0Font latin) {

        record Run(PDType0Font font, String text) {
        }

        List<Run> runs(String text) throws IOException {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            PDType0Font currentFont = null;
            for (int i = 0; i < text.length();) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                PDType0Font font = latinFile.getUnicodeCmapLookup().getGlyphId(cp) > 0 && cp < 0x2E80 ? latin : chinese;
                if (font != currentFont && current.length() > 0) {
                    runs.add(new Run(currentFont, current.toString()));
                    current.setLength(0);
                }
                currentFont = font;
                current.appendCodePoint(cp);
            }
            if (current.length() > 0) {
                runs.add(new Run(currentFont, current.toString()));
            }
            return runs;
        }

        float width(String text, float size) throws IOException {
            float width = 0;
            for (Run run : runs(text)) {
                width += run.font().getStringWidth(run.text()) / 1000 * size;
            }
            return width;
        }
    }

    /**
     * The QR code at {@value #QR_PIXELS_PER_MODULE} pixels per module, without quiet zone (the page
     * around it is white): viewers that scale a one-pixel-per-module image up blur its modules.
     */
    static BufferedImage qrImage(String url) {
        try {
            BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            int k = QR_PIXELS_PER_MODULE;
            BufferedImage image = new BufferedImage(m.getWidth() * k, m.getHeight() * k, BufferedImage.TYPE_BYTE_BINARY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        g.fillRect(x * k, y * k, k, k);
                    }
                }
            }
            g.dispose();
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("the verify URL does not fit a QR code", e);
        }
    }

    private static PDImageXObject sealImage(PDDocument doc, byte[] png) {
        try {
            return PDImageXObject.createFromByteArray(doc, png, "seal");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the seal is not a readable PNG image", e);
        }
    }

    private static byte[] readFont(String resource) {
        try (InputStream in = CertificatePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the certificate font " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeFont parseFont(byte[] file) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the certificate font", e);
        }
    }
}
