package cn.gd.xueshi.classplan;

import static cn.gd.xueshi.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.gd.xueshi.shared.Clocks;
import cn.gd.xueshi.support.Browser;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;

/**
 * Class plans in a real headless Chromium: a reviewer approves a plan from the queue, the organiser
 * records the results of a class running today, a late plan is refused on the form, a professional
 * enrols on a phone; axe-core finds nothing serious on any page, on either viewport.
 */
@QuarkusTest
class ClassPlanBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void browserIsInstalled() {
        Browser.requireInstalled();
    }

    private static long file(String token, String title, LocalDate start) {
        Map<String, Object> body = Map.of("kind", "CLASS", "title", title, "sector", "CULTURE", "level", "PROVINCE",
                "startsOn", start.toString(), "endsOn", start.toString(), "place", "广州市越秀区文化馆", "hours", "8", "capacity", 20);
        return ((Number) as(token).body(body).post("/api/class-plans").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void aReviewerApprovesAPlanAndItsOrganiserRecordsResultsInTheBrowser() throws Exception {
        LocalDate today = LocalDate.now(Clocks.PROVINCE);
        long unit = Learners.unit();
        Learners.Staff organiser = Learners.employerAdmin(unit);
        Learners.Staff reviewer = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "CULTURE");
        Learners.Staff colleague = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "CULTURE");
        Learners.Learner learner = Learners.create(unit, "CULTURE");
        long toApprove = file(organiser.token(), "非遗保护实务培训班", today.plusDays(40));
        long running = file(organiser.token(), "公共文化服务培训班", today.plusDays(30));
        as(colleague.token()).body(Map.of("decision", "APPROVE")).post("/api/class-plans/" + running + "/decision").then().statusCode(200);
        as(learner.token()).post("/api/class-plans/" + running + "/enrolments").then().statusCode(201);
        // the class filed thirty days ahead is now under way
        Db.update("update class_plan set starts_on = ?, ends_on = ? where id = ?", java.sql.Date.valueOf(today), java.sql.Date.valueOf(today),
                running);

        String output = Browser.run(base, "class-plans.mjs", reviewer.username(), organiser.username(), learner.username(),
                Learners.PASSWORD, String.valueOf(toApprove), String.valueOf(running));
        JsonNode r = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(1, r.get("queued").asInt(), output);
        assertEquals("已通过，办班计划已向同级人力资源社会保障部门备案。", r.get("reviewerNotice").asText(), output);
        assertEquals(0, r.get("queuedAfter").asInt(), output);
        assertEquals("结果已登记，考核合格的人员已记入学时。", r.get("organiserNotice").asText(), output);
        assertTrue(r.get("rosterAfter").asText().contains("已记学时"), output);
        assertTrue(r.get("lateRefusal").asText().contains("办班计划须在开班前至少 30 天提交"), output);
        assertEquals("太迟提交的培训班", r.get("keptTitle").asText(), output);
        assertEquals("报名成功。", r.get("learnerNotice").asText(), output);
        assertEquals("1 / 20", r.get("seats").asText(), output);
        assertEquals(0, r.get("policyRefusals").asInt(), output);
        assertEquals(14, r.get("checked").size(), output);
        assertEquals(1, Db.number("select count(*) from hour_entry where professional_id = ? and source = 'CLASS' and source_ref = ?",
                learner.professionalId(), "class-plan:" + running));
        assertEquals(1, Db.number("select count(*) from class_plan where id = ? and filed_at is not null", toApprove));
        assertEquals(1, Db.number("select count(*) from class_enrolment where plan_id = ? and professional_id = ?", toApprove,
                learner.professionalId()));
    }
}
