package cn.gd.xueshi.certificate;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;

/**
 * The issued certificate itself, through the API against the real database and store: the PDF's
 * text in Chinese says what the record says, its QR code opens the verification page, it verifies
 * as genuine until one byte changes, a sealed copy verifies too, and a revoked one verifies as revoked.
 */
@QuarkusTest
class CertificateDocumentApiTest {

    @Inject
    CertificateRenderer renderer;

    @Inject
    CertificateConfig config;

    @Inject
    VerifyThrottle throttle;

    private static Map<?, ?> verify(byte[] pdf) {
        return RestAssured.given().contentType("application/pdf").body(pdf).post("/api/certificates/verification").then().statusCode(200)
                .extract().as(Map.class);
    }

    @Test
    void theIssuedPdfSaysTheRecordInChineseOpensTheVerificationPageAndVerifiesUntilOneByteChanges() throws Exception {
        throttle.reset();
        long unit = Learners.unit();
        Learners.Staff admin = Learners.employerAdmin(unit);
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        CertificateApiTest.complete(l.professionalId());
        CertificateApiTest.earn(l.professionalId(), "PROFESSIONAL", "3.5");
        String number = (String) ((Map<?, ?>) ((List<?>) CertificateApiTest.confirm(admin.token(), l.professionalId()).get("results"))
                .get(0)).get("certificateNumber");
        for (int i = 0; i < 100 && Db.number("select count(*) from certificate where number = ? and pdf_key is null", number) > 0; i++) {
            renderer.drain(Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10));
            Thread.sleep(200);
        }
        String url = as(l.token()).get("/api/me/certificates").then().statusCode(200).body("[0].pdfUrl", notNullValue())
                .extract().path("[0].pdfUrl");
        byte[] pdf = RestAssured.given().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().asByteArray();
        assertTrue(pdf.length < 200 * 1024, pdf.length + " bytes");

        List<Object> person = Db.row("select name, id_number from professional where id = ?", l.professionalId());
        String unitName = (String) Db.row("select name from employer where id = ?", unit).get(0);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of("广东省专业技术人员继续教育学时证明", "证书编号：" + number, "姓名：" + person.get(0),
                    "身份证号：" + IdNumber.mask((String) person.get(1)), "工作单位：" + unitName, "年度：2026", "公需科目：30 学时",
                    "专业科目：45.5 学时", "选修：18 学时", "合计：93.5 学时")) {
                assertTrue(text.contains(expected), expected + " not in:\n" + text);
            }
            assertEquals(config.publicUrl().replaceAll("/+$", "") + "/verify/" + number,
                    CertificatePdfTest.decode(CertificatePdfTest.withQuietZone(CertificatePdfTest.images(doc).get(0).getImage())));
        }

        Map<?, ?> genuine = verify(pdf);
        assertEquals(true, genuine.get("genuine"), genuine.toString());
        assertEquals(number, genuine.get("number"));
        assertEquals("VALID", genuine.get("state"));
        for (int at : new int[] {pdf.length / 3, pdf.length / 2, pdf.length - 40}) {
            byte[] changed = pdf.clone();
            changed[at] ^= 0x01;
            assertEquals(false, verify(changed).get("genuine"), "byte " + at);
        }

        // the unit's seal: uploaded once, applied, the sealed copy marked and genuine
        as(admin.token()).contentType("image/png").body(CertificateSamples.sealPng()).put("/api/employer/seal").then().statusCode(204);
        as(Learners.employerAdmin(Learners.unit()).token()).post("/api/employer/certificates/" + number + "/seal").then().statusCode(404);
        String sealedUrl = as(admin.token()).post("/api/employer/certificates/" + number + "/seal").then().statusCode(200)
                .extract().path("sealedPdfUrl");
        byte[] sealed = RestAssured.given().urlEncodingEnabled(false).get(sealedUrl).then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(sealed)) {
            assertTrue(new PDFTextStripper().getText(doc).contains("已加盖单位电子印章"));
        }
        assertEquals("VALID", verify(sealed).get("state"));

        as(Learners.provinceHr().token()).body(Map.of("reason", "材料不实")).post("/api/hr/certificates/" + number + "/revocation").then()
                .statusCode(200);
        Map<?, ?> revoked = verify(pdf);
        assertEquals(true, revoked.get("genuine"), revoked.toString());
        assertEquals("REVOKED", revoked.get("state"));
        assertEquals("证书已撤销：材料不实", revoked.get("reason"));
        RestAssured.given().contentType("application/pdf").body(new byte[0]).post("/api/certificates/verification").then().statusCode(400);
        as(admin.token()).contentType("image/png").body("MZ not an image".getBytes()).put("/api/employer/seal").then().statusCode(422)
                .body("type", equalTo("/problems/not-an-image"));
        throttle.reset();
    }
}
