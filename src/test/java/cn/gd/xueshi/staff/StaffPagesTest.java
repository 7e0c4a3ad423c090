package cn.gd.xueshi.staff;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.support.Learners;

/** The employer administrator's staff page and sample file, and nobody else's. */
@QuarkusTest
class StaffPagesTest {

    @Test
    void theStaffPageListsTheUnitWithItsStandingAndOffersTheImport() {
        long unit = StaffFixture.employer();
        String admin = StaffFixture.admin(unit);
        String id = StaffFixture.idNumber();
        as(admin).contentType("text/csv").body(StaffFixture.csv("页面人," + id + ",CULTURE,助理级,4404\n"))
                .post("/api/employer/staff/import").then().statusCode(200).body("created", equalTo(1));
        as(admin).accept("text/html").get("/employer/staff?year=2026").then().statusCode(200)
                .contentType("text/html;charset=UTF-8")
                .body(containsString("<a href=\"/employer/staff\">本单位人员</a>"))
                .body(containsString("本单位人员 · 2026 年度学时"))
                .body(containsString("在职人员（共 1 人）"))
                .body(containsString("<th scope=\"row\">页面人</th><td>" + IdNumber.mask(id) + "</td><td>文化艺术、新闻出版 · 助理级"))
                .body(containsString("<td>0 / 30</td><td>0 / 42</td><td>0 / 18</td><td>0 / 90</td><td>0</td>"))
                .body(containsString("公需差 30，专业差 42，选修差 18"))
                .body(containsString("data-url=\"/api/employer/staff/import\""))
                .body(containsString("<a href=\"/employer/staff/sample.csv\" download>"))
                .body(containsString("<script src=\"/static/import.js\" defer></script>"))
                .body(not(containsString(id)));
    }

    @Test
    void theSampleFileHoldsFourPeopleAndOneFaultyRow() throws Exception {
        byte[] sample = as(StaffFixture.admin(StaffFixture.employer())).accept("text/csv").get("/employer/staff/sample.csv").then().statusCode(200)
                .contentType("text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"staff-sample.csv\"")
                .extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(sample[0], sample[1], sample[2]));
        StaffSheet.Result read = StaffSheet.read(sample, LocalDate.now());
        assertEquals(List.of("李明华", "王芳", "张伟", "刘洋"), read.accepted().stream().map(r -> r.person().name()).toList());
        assertEquals(List.of(new StaffSheet.Refusal(6, "身份证号校验位不正确，请核对后重新输入。")), read.refused());
    }

    @Test
    void onlyAnEmployerAdministratorOfAUnitGetsThePage() {
        for (String role : List.of("EDITOR", "HR_ADMIN", "AUTHORITY_REVIEWER", "SYSTEM")) {
            as(Learners.tokenFor(role)).accept("text/html").get("/employer/staff").then().statusCode(403);
            as(Learners.tokenFor(role)).accept("text/csv").get("/employer/staff/sample.csv").then().statusCode(403);
        }
        as(Learners.create().token()).accept("text/html").get("/employer/staff").then().statusCode(403);
        as(Learners.tokenFor("EMPLOYER_ADMIN")).accept("text/html").get("/employer/staff").then().statusCode(403)
                .body(containsString("该单位管理员账号未关联单位。"));
    }
}
