package cn.gd.xueshi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.gd.xueshi.support.Browser;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;

/**
 * A year confirmed and verified in a real headless Chromium: the unit confirms on a desktop, the
 * professional sees the certificate on a phone, anyone verifies it on a phone; axe-core on every page.
 */
@QuarkusTest
class CertificateBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    CertificateRenderer renderer;

    @jakarta.inject.Inject
    VerifyThrottle throttle;

    @BeforeEach
    void browserIsInstalled() {
        Browser.requireInstalled();
        throttle.reset();
    }

    @Test
    void theUnitConfirmsAYearAndAnyoneVerifiesTheCertificateOnAPhone() throws Exception {
        long unit = Learners.unit();
        Learners.Staff admin = Learners.employerAdmin(unit);
        Learners.Learner learner = Learners.create(unit, "ENGINEERING");
        CertificateApiTest.complete(learner.professionalId());
        Learners.Learner unfinished = Learners.create(unit, "ENGINEERING");
        CertificateApiTest.earn(unfinished.professionalId(), "PUBLIC", "30");

        // a certificate already issued: the address its QR code holds, decoded from the PDF itself
        Learners.Learner other = Learners.create(unit, "ENGINEERING");
        CertificateApiTest.complete(other.professionalId());
        CertificateApiTest.confirm(admin.token(), other.professionalId());
        String qrPath;
        for (int i = 0; i < 100 && Db.number("select count(*) from certificate where professional_id = ? and pdf_key is null",
                other.professionalId()) > 0; i++) {
            renderer.drain(java.time.Duration.ofSeconds(5)).await().atMost(java.time.Duration.ofSeconds(10));
            Thread.sleep(200);
        }
        String pdfUrl = cn.gd.xueshi.support.Api.as(other.token()).get("/api/me/certificates").then().statusCode(200)
                .extract().path("[0].pdfUrl");
        byte[] pdf = io.restassured.RestAssured.given().urlEncodingEnabled(false).get(pdfUrl).then().statusCode(200).extract().asByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String qr = CertificatePdfTest.decode(CertificatePdfTest.withQuietZone(CertificatePdfTest.images(doc).get(0).getImage()));
            qrPath = java.net.URI.create(qr).getPath();
        }
        String output = Browser.run(base, "certificates.mjs", admin.username(), learner.username(), Learners.PASSWORD,
                String.valueOf(learner.professionalId()), qrPath);
        JsonNode r = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        String number = (String) Db.row("select number from certificate where professional_id = ?", learner.professionalId()).get(0);
        assertTrue(r.get("outcome").asText().contains("已确认，证书编号 " + number), output);
        assertEquals(number, r.get("number").asText().strip(), output);
        assertEquals("3", r.get("batchTotal").asText(), output);
        assertTrue(r.get("steps").asText().contains("2026 年度学时已确认，可下载电子证书"), output);
        assertEquals(number, r.get("learnerNumbers").get(0).asText(), output);
        assertEquals("有效证书", r.get("verdict").asText(), output);
        assertEquals("有效", r.get("state").asText(), output);
        assertEquals("90.0 学时", r.get("total").asText(), output);
        assertTrue(r.get("name").asText().contains("*"), output);
        assertTrue(r.get("unknown").asText().contains("证书编号不存在"), output);
        assertEquals(0, r.get("policyRefusals").asInt(), output);
        assertEquals("有效证书", r.get("qrVerdict").asText(), output);
        assertEquals(Db.row("select number from certificate where professional_id = ?", other.professionalId()).get(0),
                r.get("qrNumber").asText(), output);
        assertEquals(8, r.get("checked").size(), output);
    }
}
