package cn.gd.xueshi.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import cn.gd.xueshi.support.Db;

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
        // the list is the unit's current staff by name: the four imported, the demo learner, and whoever
        // other tests registered into the demo unit before this one
        List<String> staff = strings("""
                select p.name from employment e join professional p on p.id = e.professional_id
                 where e.until_date is null and e.employer_id = (select id from employer where credit_code = '91440101MA5CXA012K')
                 order by p.name, p.id""");
        assertEquals(staff, names(result.get("names")), output);
        assertTrue(staff.containsAll(List.of("刘洋", "张伟", "李明华", "王芳", "陈学习")), output);
        List<String> ids = names(result.get("ids"));
        assertEquals("440106********0845", ids.get(staff.indexOf("刘洋")), output);
        assertEquals("440104********041X", ids.get(staff.indexOf("李明华")), output);
        assertEquals("440106********1231", ids.get(staff.indexOf("陈学习")), output);
        assertEquals("在职人员（共 " + staff.size() + " 人）", result.get("heading").asText(), output);
        assertEquals("新增 0 人，关联 0 人，转入 0 人，未变 4 人，拒绝 1 行。", result.get("secondSummary").asText(), output);
        assertEquals(0, result.get("policyRefusals").asInt(), output);
        assertFalse(result.get("phoneOverflow").asBoolean(), output);
        assertEquals(List.of("desktop staff before import", "desktop staff import report", "desktop staff after import", "phone staff",
                "phone staff import report"), names(result.get("checked")), output);
    }

    private static List<String> strings(String sql) throws java.sql.SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (var c = Db.connect(); var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
