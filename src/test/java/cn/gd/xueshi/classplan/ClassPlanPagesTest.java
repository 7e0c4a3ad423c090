package cn.gd.xueshi.classplan;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import cn.gd.xueshi.shared.Clocks;
import cn.gd.xueshi.support.Learners;

/** The class plan pages show each role its part, and refuse the roles they do not name. */
@QuarkusTest
class ClassPlanPagesTest {

    @Test
    void theListShowsTheReviewerTheQueueTheOrganiserItsPlansAndTheProfessionalWhatIsOpen() {
        Learners.Staff organiser = Learners.staff("AUTHORITY_REVIEWER", "CITY", "4420", "CULTURE");
        Learners.Staff reviewer = Learners.staff("AUTHORITY_REVIEWER", "CITY", "4420", "CULTURE");
        Map<String, Object> body = Map.of("kind", "CLASS", "title", "中山市群众文艺辅导培训班", "sector", "CULTURE", "level", "CITY",
                "cityCode", "4420", "startsOn", LocalDate.now(Clocks.PROVINCE).plusDays(33).toString(), "endsOn",
                LocalDate.now(Clocks.PROVINCE).plusDays(33).toString(), "place", "中山市文化馆", "hours", "6", "capacity", 25);
        long id = ((Number) as(organiser.token()).body(body).post("/api/class-plans").then().statusCode(201).extract().path("id"))
                .longValue();
        as(reviewer.token()).accept("text/html").get("/classes").then().statusCode(200)
                .body(containsString("<h2 id=\"queue\">待审核的办班计划</h2>"))
                .body(containsString("<a href=\"/classes/" + id + "\">中山市群众文艺辅导培训班</a>"))
                .body(containsString("<a href=\"/classes\">培训班</a>"));
        as(reviewer.token()).accept("text/html").get("/classes/" + id).then().statusCode(200)
                .body(containsString("form method=\"post\" action=\"/classes/" + id + "/decision\""))
                .body(containsString("中山市文化艺术、新闻出版行业主管部门"));
        as(organiser.token()).accept("text/html").get("/classes/" + id).then().statusCode(200)
                .body(not(containsString("/decision\""))).body(containsString("还没有人报名。"));
        as(organiser.token()).accept("text/html").get("/classes/new").then().statusCode(200)
                .body(containsString("<option value=\"4420\" selected>中山市</option>"))
                .body(containsString("<option value=\"CULTURE\" selected>"));
        Learners.Learner learner = Learners.create(Learners.unit(), "CULTURE");
        as(learner.token()).accept("text/html").get("/classes").then().statusCode(200)
                .body(containsString("<h2 id=\"open\">可以报名的培训</h2>")).body(not(containsString("待审核的办班计划")));
        as(learner.token()).accept("text/html").get("/classes/" + id).then().statusCode(404);
    }

    @Test
    void onlyTheRolesThatTakePartGetThePages() {
        for (String role : List.of("EDITOR", "SYSTEM")) {
            as(Learners.tokenFor(role)).accept("text/html").get("/classes").then().statusCode(403);
            as(Learners.tokenFor(role)).accept("text/html").get("/classes/new").then().statusCode(403);
        }
        as(Learners.create().token()).accept("text/html").get("/classes/new").then().statusCode(403);
        as(null).accept("text/html").redirects().follow(false).get("/classes").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(302), org.hamcrest.Matchers.is(303), org.hamcrest.Matchers.is(401)));
    }
}
