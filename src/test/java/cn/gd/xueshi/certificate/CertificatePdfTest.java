package cn.gd.xueshi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class CertificatePdfTest {

    private static final CertificatePdf PDF = new CertificatePdf(CertificateSamples.KEYS, CertificateSamples.CLOCK);

    @Test
    void theTextSaysWhoStudiedWhatAndWhenInChinese() throws IOException {
        String text = text(PDF.render(CertificateSamples.content()));
        for (String expected : List.of("广东省专业技术人员继续教育学时证明", "姓名：张三丰", "身份证号：110105********002X",
                "工作单位：广州市第一人民医院信息科", "年度：2026", "公需科目：30 学时", "专业科目：52.5 学时", "选修：12 学时",
                "合计：94.5 学时", "证书编号：GD2026-000123-7", "发证日期：2026年12月7日", CertificateSamples.VERIFY_URL,
                "粤人社规〔2018〕11号")) {
            assertTrue(text.contains(expected), () -> "missing «" + expected + "» in:\n" + text);
        }
        assertFalse(text.contains(CertificatePdf.SEAL_MARKER));
    }

    @Test
    void theLongBasisIsWrappedOntoSeveralLinesAndKeepsEveryCharacter() throws IOException {
        String text = text(PDF.render(CertificateSamples.content()));
        assertTrue(text.lines().noneMatch(line -> line.contains(CertificateSamples.BASIS)), "the basis is on one line");
        assertTrue(text.replaceAll("\\R", "").contains("依据：" + CertificateSamples.BASIS));
    }

    @Test
    void theNumberIsInTheDocumentInformation() throws IOException {
        try (PDDocument doc = Loader.loadPDF(PDF.render(CertificateSamples.content()))) {
            assertEquals("GD2026-000123-7", doc.getDocumentInformation().getCustomMetadataValue("XueshiCertificateNumber"));
            assertEquals("GD2026-000123-7", doc.getDocumentInformation().getSubject());
            assertEquals(CertificatePdf.TITLE, doc.getDocumentInformation().getTitle());
        }
    }

    @Test
    void theOnlyFontsAreTheBundledOnesEmbeddedAsSubsets() throws IOException {
        try (PDDocument doc = Loader.loadPDF(PDF.render(CertificateSamples.content()))) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertEquals(List.of("Arimo", "DroidSansFallback"),
                    fonts.stream().map(f -> f.getName().substring(7)).sorted().toList());
            for (PDFont font : fonts) {
                assertTrue(font instanceof PDType0Font);
                assertTrue(font.getName().matches("[A-Z]{6}\\+.+"), font.getName());
                assertTrue(font.isEmbedded());
                assertNotNull(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2());
            }
        }
    }

    @Test
    void theQrCodeImageDecodesToTheVerifyUrl() throws Exception {
        try (PDDocument doc = Loader.loadPDF(PDF.render(CertificateSamples.content()))) {
            List<PDImageXObject> images = images(doc);
            assertEquals(1, images.size());
            assertEquals(CertificateSamples.VERIFY_URL, decode(withQuietZone(images.get(0).getImage())));
        }
    }

    @Test
    void theRenderedPageShowsAQrCodeThatDecodesToTheVerifyUrl() throws Exception {
        try (PDDocument doc = Loader.loadPDF(PDF.render(CertificateSamples.content()))) {
            float scale = 200f / 72;
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            // the lower left corner of the page, where the QR code is drawn
            int x = (int) (40 * scale);
            int y = (int) ((842 - 290) * scale);
            BufferedImage corner = page.getSubimage(x, y, (int) (200 * scale), (int) (160 * scale));
            assertEquals(CertificateSamples.VERIFY_URL, decode(corner));
        }
    }

    @Test
    void aSealedCertificateSaysSoAndCarriesTheSealImage() throws IOException {
        byte[] sealed = PDF.render(CertificateSamples.content(CertificateSamples.sealPng()));
        assertTrue(text(sealed).contains(CertificatePdf.SEAL_MARKER));
        try (PDDocument doc = Loader.loadPDF(sealed)) {
            assertEquals(2, images(doc).size());
        }
    }

    @Test
    void theSignedPdfStaysUnder200Kb() {
        byte[] plain = PDF.render(CertificateSamples.content());
        byte[] sealed = PDF.render(CertificateSamples.content(CertificateSamples.sealPng()));
        System.out.printf("certificate PDF: %d bytes, with seal %d bytes%n", plain.length, sealed.length);
        assertTrue(plain.length < 200 * 1024, "size " + plain.length);
        assertTrue(sealed.length < 200 * 1024, "size " + sealed.length);
    }

    @Test
    void hoursAreWrittenWithoutTrailingZeros() {
        assertEquals("30", CertificatePdf.hours(new java.math.BigDecimal("30.00")));
        assertEquals("0", CertificatePdf.hours(new java.math.BigDecimal("0.0")));
        assertEquals("52.5", CertificatePdf.hours(new java.math.BigDecimal("52.50")));
        assertEquals("100", CertificatePdf.hours(new java.math.BigDecimal("1E+2")));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static List<PDImageXObject> images(PDDocument doc) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        PDResources resources = doc.getPage(0).getResources();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    /** The image with white around it, as on the page. */
    static BufferedImage withQuietZone(BufferedImage qr) {
        int border = 4 * CertificatePdf.QR_PIXELS_PER_MODULE;
        BufferedImage out = new BufferedImage(qr.getWidth() + 2 * border, qr.getHeight() + 2 * border, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(qr, border, border, null);
        g.dispose();
        return out;
    }

    static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
