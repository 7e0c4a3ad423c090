package cn.gd.xueshi.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.gd.xueshi.identity.DemoAccounts;
import cn.gd.xueshi.support.Browser;

/**
 * The demo's employer1 imports the sample staff file from a real headless Chromium, reads the report
 * and the list, and imports it again on a phone to see nothing change; axe-core finds nothing
 * serious on any page on the way.
 */
@QuarkusTest
class StaffBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void browserIsInstalled() {
        Browser.requireInstalled();
    }

    @Test
    void employer1ImportsTheSampleAndSeesTheReportAndTheList() throws Exception {
        String output = Browser.run(base, "employer-staff.mjs", "employer1", DemoAccounts.PASSWORD);
        JsonNode result = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("本单位人员", result.get("nav").asText(), output);
        assertEquals("staff-sample.csv", result.get("sampleName").asText(), output);
        assertEquals("新增 4 人，关联 0 人，转入 0 人，未变 0 人，拒绝 1 行。", result.get("firstSummary").asText(), output);
        assertEquals("[\"第 6 行：身份证号校验位不正确，请核对后重新输入。\"]", result.get("firstRefusals").toString(), output);
        // the demo learner was there already; the list is by name
        assertEquals(List.of("刘洋", "张伟", "李明华", "王芳", "陈学习"), names(result.get("names")), output);
        assertEquals(List.of("440106********0845", "440604********0739", "440104********041X", "440305********0626",
                "440106********1231"), names(result.get("ids")), output);
        assertEquals("在职人员（共 5 人）", result.get("heading").asText(), output);
        assertEquals("新增 0 人，关联 0 人，转入 0 人，未变 4 人，拒绝 1 行。", result.get("secondSummary").asText(), output);
        assertEquals(0, result.get("policyRefusals").asInt(), output);
        assertFalse(result.get("phoneOverflow").asBoolean(), output);
        assertEquals(List.of("desktop staff before import", "desktop staff import report", "desktop staff after import", "phone staff",
                "phone staff import report"), names(result.get("checked")), output);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
