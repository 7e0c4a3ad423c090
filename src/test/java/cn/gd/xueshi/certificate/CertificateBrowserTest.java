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

    @BeforeEach
    void browserIsInstalled() {
        Browser.requireInstalled();
    }

    @Test
    void theUnitConfirmsAYearAndAnyoneVerifiesTheCertificateOnAPhone() throws Exception {
        long unit = Learners.unit();
        Learners.Staff admin = Learners.employerAdmin(unit);
        Learners.Learner learner = Learners.create(unit, "ENGINEERING");
        CertificateApiTest.complete(learner.professionalId());
        Learners.Learner unfinished = Learners.create(unit, "ENGINEERING");
        CertificateApiTest.earn(unfinished.professionalId(), "PUBLIC", "30");

        String output = Browser.run(base, "certificates.mjs", admin.username(), learner.username(), Learners.PASSWORD,
                String.valueOf(learner.professionalId()));
        JsonNode r = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        String number = (String) Db.row("select number from certificate where professional_id = ?", learner.professionalId()).get(0);
        assertTrue(r.get("outcome").asText().contains("已确认，证书编号 " + number), output);
        assertEquals(number, r.get("number").asText().strip(), output);
        assertEquals("2", r.get("batchTotal").asText(), output);
        assertTrue(r.get("steps").asText().contains("2026 年度学时已确认，可下载电子证书"), output);
        assertEquals(number, r.get("learnerNumbers").get(0).asText(), output);
        assertEquals("有效证书", r.get("verdict").asText(), output);
        assertEquals("有效", r.get("state").asText(), output);
        assertEquals("90.0 学时", r.get("total").asText(), output);
        assertTrue(r.get("name").asText().contains("*"), output);
        assertTrue(r.get("unknown").asText().contains("证书编号不存在"), output);
        assertEquals(0, r.get("policyRefusals").asInt(), output);
        assertEquals(7, r.get("checked").size(), output);
    }
}
