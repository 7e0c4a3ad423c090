package cn.gd.xueshi.certificate;

import java.io.ByteArrayInputStream;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

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
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Renders a certificate to a signed PDF: one A4 page in the bundled Chinese font (embedded as a
 * subset), a QR code to the verification page, and a detached CMS signature (adbe.pkcs7.detached)
 * over the whole file. Thread-safe: each render builds its own document; the font files are read
 * once and parsed once per concurrent render.
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

    private static final float MARGIN = 72;
    private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final float QR_SIDE = 96;
    private static final float SEAL_SIDE = 110;
    static final int QR_PIXELS_PER_MODULE = 8;
    /** What a subset keeps: outlines, metrics, hinting, names and the character map PDFBox encodes text with. */
    private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp", "cmap", "name", "post", "OS/2");

    private final CertificateSigner signer;
    private final int signatureSize;
    private final Clock clock;
    private final byte[] chineseFile;
    private final byte[] latinFile;
    /**
     * Parsed fonts read glyphs from their file on demand and are not thread-safe: each render borrows
     * a pair and gives it back, so there are as many pairs as renders ever ran at once (a thread-local
     * pair would cost a few MB on each of the hundreds of worker threads).
     */
    private final Queue<TrueTypeFont[]> fonts = new ConcurrentLinkedQueue<>();

    public CertificatePdf(CertificateKeys keys, Clock clock) {
        this.signer = new CertificateSigner(keys);
        this.signatureSize = signatureSize(keys);
        this.clock = clock;
        this.chineseFile = readFont(CHINESE_FONT);
        this.latinFile = readFont(LATIN_FONT);
    }

    /** The signed PDF. */
    public byte[] render(CertificateContent content) {
        TrueTypeFont[] pair = fonts.poll();
        if (pair == null) {
            pair = new TrueTypeFont[] { parseFont(chineseFile), parseFont(latinFile) };
        }
        try {
            byte[] unsigned = layOut(content, pair);
            return sign(unsigned, content.number());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render certificate " + content.number(), e);
        } finally {
            fonts.offer(pair);
        }
    }

    private byte[] layOut(CertificateContent c, TrueTypeFont[] parsed) throws IOException {
        Measure measure = new Measure(parsed[0], parsed[1]);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(20, (PAGE_WIDTH - measure.width(TITLE, 20)) / 2, PAGE_HEIGHT - 110, TITLE));
        float y = PAGE_HEIGHT - 170;
        float width = PAGE_WIDTH - 2 * MARGIN;
        List<String> head = new ArrayList<>(List.of("证书编号：" + c.number(), "姓名：" + c.name(), "身份证号：" + c.maskedIdNumber()));
        head.addAll(measure.wrap("工作单位：" + c.employer(), 13, width));
        head.add("年度：" + c.year());
        for (String line : head) {
            lines.add(new Line(13, MARGIN, y, line));
            y -= 26;
        }
        y -= 10;
        lines.add(new Line(13, MARGIN, y, "学时（" + c.year() + " 年度）"));
        y -= 26;
        for (Map.Entry<String, BigDecimal> row : List.of(Map.entry("公需科目", nullToZero(c.publicHours())),
                Map.entry("专业科目", nullToZero(c.professionalHours())), Map.entry("选修", nullToZero(c.electiveHours())),
                Map.entry("合计", nullToZero(c.totalHours())))) {
            lines.add(new Line(13, MARGIN + 26, y, row.getKey() + "：" + hours(row.getValue()) + " 学时"));
            y -= 24;
        }
        y -= 14;
        for (String line : measure.wrap("依据：" + (c.basis() == null ? "" : c.basis()), 11, width)) {
            lines.add(new Line(11, MARGIN, y, line));
            y -= 18;
        }
        // the verification corner: QR code, then text clear of the quiet zone a scanner needs (four modules)
        float qrY = 150;
        lines.add(new Line(10, MARGIN, qrY - 24, "扫码核验真伪"));
        float urlSize = Math.min(9, width / Math.max(1, measure.width(c.verifyUrl(), 1)));
        lines.add(new Line(urlSize, MARGIN, qrY - 40, c.verifyUrl()));
        // the issuer corner, where the unit's seal goes
        float issuerX = PAGE_WIDTH - MARGIN - 230;
        float issuerY = qrY + 60;
        lines.add(new Line(12, issuerX, issuerY, "出具：广东省专业技术人员继续教育平台"));
        lines.add(new Line(12, issuerX, issuerY - 24, "发证日期：" + issueDate(c.issuedOn())));
        if (c.sealPng() != null) {
            lines.add(new Line(10, issuerX, issuerY - 48, SEAL_MARKER));
        }

        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            Fonts f = measure.embed(doc, lines);
            PDImageXObject qr = qrImage(doc, c.verifyUrl());
            PDImageXObject seal = c.sealPng() == null ? null : sealImage(doc, c.sealPng());
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.setLineWidth(1.5f);
                s.addRect(36, 36, PAGE_WIDTH - 72, PAGE_HEIGHT - 72);
                s.stroke();
                s.setLineWidth(0.5f);
                s.addRect(42, 42, PAGE_WIDTH - 84, PAGE_HEIGHT - 84);
                s.stroke();
                for (Line line : lines) {
                    text(s, f, line);
                }
                s.drawImage(qr, MARGIN, qrY, QR_SIDE, QR_SIDE);
                if (seal != null) {
                    s.drawImage(seal, issuerX + 60, issuerY - 70, SEAL_SIDE, SEAL_SIDE);
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

    /** One line of text at its place. */
    record Line(float size, float x, float y, String text) {
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
            options.setPreferredSignatureSize(signatureSize);
            doc.addSignature(signature, signer::sign, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsigned.length + 2 * signatureSize + 4096);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** Room for the CMS signature: the chain it carries, plus the signature and its attributes (RSA-8192 at most). */
    static int signatureSize(CertificateKeys keys) {
        int chain = 0;
        for (var certificate : keys.chain()) {
            try {
                chain += certificate.getEncoded().length;
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return chain + 2048;
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

    private static void text(PDPageContentStream s, Fonts f, Line line) throws IOException {
        s.beginText();
        s.newLineAtOffset(line.x(), line.y());
        for (Run run : f.runs(line.text())) {
            s.setFont(run.font(), line.size());
            s.showText(run.text());
        }
        s.endText();
    }

    record Run(PDType0Font font, String text) {
    }

    /** Whether a character is drawn from the Latin font (Arimo) rather than the Chinese one. */
    static boolean isLatin(TrueTypeFont latinFont, int cp) throws IOException {
        return cp < 0x2E80 && latinFont.getUnicodeCmapLookup().getGlyphId(cp) > 0;
    }

    /** Widths and line breaks from the parsed fonts, and the subsets of them a document embeds. */
    record Measure(TrueTypeFont chinese, TrueTypeFont latin) {

        float width(String text, float size) throws IOException {
            float units = 0;
            for (int i = 0; i < text.length();) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                units += advance(cp);
            }
            return units * size;
        }

        /** The advance of one character in text space units per point of font size. */
        private float advance(int cp) throws IOException {
            TrueTypeFont font = isLatin(latin, cp) ? latin : chinese;
            int gid = font.getUnicodeCmapLookup().getGlyphId(cp);
            return (float) font.getAdvanceWidth(gid) / font.getUnitsPerEm();
        }

        /** Breaks text into lines no wider than {@code width}, between any two characters (Chinese has no spaces). */
        List<String> wrap(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < text.length();) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                    continue;
                }
                float w = advance(cp) * size;
                if (used + w > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.appendCodePoint(cp);
                used += w;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            return lines;
        }

        /**
         * Embeds subsets of both fonts holding exactly the characters of these lines. The subsets are
         * cut here (fontbox's subsetter, tag prefix and all) and embedded whole: letting PDFBox subset
         * the 49,000-glyph font itself costs it a width table of every glyph, each time.
         */
        Fonts embed(PDDocument doc, List<Line> lines) throws IOException {
            Set<Integer> chineseChars = new TreeSet<>();
            Set<Integer> latinChars = new TreeSet<>();
            for (Line line : lines) {
                line.text().codePoints().forEach(cp -> {
                    try {
                        (isLatin(latin, cp) ? latinChars : chineseChars).add(cp);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return new Fonts(subset(doc, chinese, chineseChars), latin, subset(doc, latin, latinChars));
        }

        private static PDType0Font subset(PDDocument doc, TrueTypeFont font, Set<Integer> chars) throws IOException {
            TTFSubsetter subsetter = new TTFSubsetter(font, SUBSET_TABLES);
            subsetter.addAll(chars);
            subsetter.setPrefix(tag(chars));
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            subsetter.writeToStream(out);
            return PDType0Font.load(doc, new TTFParser(true).parse(new RandomAccessReadBuffer(out.toByteArray())), false);
        }

        /** The six capital letters that mark a subset (ISO 32000 9.6.4), derived from its characters. */
        private static String tag(Set<Integer> chars) {
            int h = chars.hashCode();
            StringBuilder tag = new StringBuilder(7);
            for (int i = 0; i < 6; i++) {
                tag.append((char) ('A' + Math.floorMod(h, 26)));
                h = h / 26 + 7919 * i;
            }
            return tag.append('+').toString();
        }
    }

    /** The document's two embedded fonts: Latin letters, digits and signs from Arimo, everything else from Droid. */
    record Fonts(PDType0Font chinese, TrueTypeFont latinFile, PDType0Font latin) {

        List<Run> runs(String text) throws IOException {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            PDType0Font currentFont = null;
            for (int i = 0; i < text.length();) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                PDType0Font font = isLatin(latinFile, cp) ? latin : chinese;
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
    }

    /**
     * The QR code as a one-bit image at {@value #QR_PIXELS_PER_MODULE} pixels per module, without
     * quiet zone (the page around it is white): viewers that scale a one-pixel-per-module image up
     * blur its modules. Packed and deflated here; PDFBox's image factory would cost more than the rest.
     */
    static PDImageXObject qrImage(PDDocument doc, String url) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            // any mask is valid; trying all eight was a third of the render time
                            EncodeHintType.QR_MASK_PATTERN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the verify URL does not fit a QR code", e);
        }
        int k = QR_PIXELS_PER_MODULE;
        int side = m.getWidth() * k;
        int rowBytes = (side + 7) / 8;
        byte[] bits = new byte[rowBytes * side];
        for (int my = 0; my < m.getHeight(); my++) {
            int row = my * k * rowBytes;
            for (int mx = 0; mx < m.getWidth(); mx++) {
                if (!m.get(mx, my)) { // DeviceGray, one bit: 1 is white
                    for (int x = mx * k; x < (mx + 1) * k; x++) {
                        bits[row + x / 8] |= (byte) (0x80 >>> (x % 8));
                    }
                }
            }
            for (int copy = 1; copy < k; copy++) {
                System.arraycopy(bits, row, bits, row + copy * rowBytes, rowBytes);
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream packed = new ByteArrayOutputStream(2048);
        try (DeflaterOutputStream out = new DeflaterOutputStream(packed, deflater)) {
            out.write(bits);
        } finally {
            deflater.end();
        }
        return new PDImageXObject(doc, new ByteArrayInputStream(packed.toByteArray()), COSName.FLATE_DECODE, side, side, 1,
                PDDeviceGray.INSTANCE);
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
