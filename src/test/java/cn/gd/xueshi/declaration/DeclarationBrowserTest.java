package cn.gd.xueshi.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.gd.xueshi.support.Browser;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;

/**
 * A declaration in a real headless Chromium: declared with a certificate on a phone, opened and
 * confirmed by the unit's administrator on a desktop, seen confirmed by the professional; axe-core
 * finds nothing serious on any page, on either viewport.
 */
@QuarkusTest
class DeclarationBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void browserIsInstalled() {
        Browser.requireInstalled();
    }

    @Test
    void aProfessionalDeclaresAndTheirAdministratorOpensTheEvidenceAndConfirmsIt(@TempDir Path dir) throws Exception {
        long unit = Learners.unit();
        Learners.Learner learner = Learners.create(unit, "ENGINEERING");
        Learners.Staff admin = Learners.employerAdmin(unit);
        Path pdf = dir.resolve("结业证书.pdf");
        Files.write(pdf, DemoDeclarations.certificate());

        String output = Browser.run(base, "employer-confirms.mjs", learner.username(), admin.username(), Learners.PASSWORD, pdf.toString());
        JsonNode r = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(r.get("refusal").asText().contains("培训 3 天最多 24 学时（每天不超过 8 学时）。"), output);
        assertEquals("BIM 技术应用培训", r.get("keptTitle").asText(), output);
        assertEquals("99", r.get("keptQuantity").asText(), output);
        assertEquals("申报已提交，等待单位确认。", r.get("learnerNotice").asText(), output);
        assertEquals("待单位确认", r.get("learnerState").asText(), output);
        assertEquals(1, r.get("queueRows").asInt(), output);
        assertEquals("24.0", r.get("hours").asText(), output);
        assertEquals(200, r.get("evidenceStatus").asInt(), output);
        assertEquals("application/pdf", r.get("evidenceType").asText(), output);
        assertTrue(r.get("evidenceStartsPdf").asBoolean(), output);
        assertEquals("已确认，学时已记入本人档案。", r.get("adminNotice").asText(), output);
        assertEquals(1, r.get("approvedRows").asInt(), output);
        assertEquals("已确认", r.get("learnerStateAfter").asText(), output);
        assertEquals("24.0", r.get("electiveEarned").asText().strip(), output);
        assertEquals(0, r.get("policyRefusals").asInt(), output);
        assertEquals(11, r.get("checked").size(), output);
        assertEquals(24, Db.number("select sum(hours) from hour_entry where professional_id = ? and source = 'DECLARATION'",
                learner.professionalId()));
    }
}
