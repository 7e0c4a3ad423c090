package cn.gd.xueshi.identity;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RegistrationApiTest {

    private static Map<String, Object> professional(String idNumber, String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "李工程");
        body.put("idNumber", idNumber);
        body.put("employerCreditCode", "91440101MA5CXA012K");
        body.put("titleLevel", "副高级");
        body.put("sector", "工程技术");
        body.put("cityCode", "4403");
        body.put("username", username);
        body.put("password", "a-long-password");
        return body;
    }

    private static String validId(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Test
    void badIdNumbersAreRefusedWithTheReasonAndNothingIsWritten() {
        String hr = Learners.tokenFor("HR_ADMIN");
        long before = Db.number("select count(*) from professional");
        as(hr).body(professional("440304198506124563", "li-bad-check")).post("/api/professionals").then().statusCode(422)
                .body("type", equalTo("/problems/invalid-id-number")).body("detail", equalTo("身份证号校验位不正确，请核对后重新输入。"));
        as(hr).body(professional(validId("44030419850231124"), "li-bad-date")).post("/api/professionals").then().statusCode(422)
                .body("detail", equalTo("身份证号中的出生日期不存在。"));
        as(hr).body(professional("4403041985", "li-short")).post("/api/professionals").then().statusCode(422);
        assertEquals(before, Db.number("select count(*) from professional"));
        assertEquals(0, Db.number("select count(*) from account where username in ('li-bad-check', 'li-bad-date', 'li-short')"));
    }

    @Test
    void anHrAdministratorRegistersAProfessionalWhoCanSignIn() {
        String hr = Learners.tokenFor("HR_ADMIN");
        String id = validId("44030419850612" + String.format("%03d", System.nanoTime() % 1000));
        Db.update("delete from account where username = 'li-engineer'");
        as(hr).body(professional(id, "li-engineer")).post("/api/professionals").then().statusCode(201)
                .body("maskedIdNumber", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("birthDate", equalTo("1985-06-12"));
        as(hr).body(professional(id, "li-engineer-2")).post("/api/professionals").then().statusCode(409)
                .body("type", equalTo("/problems/professional-exists"));
        as(null).body(Map.of("username", "li-engineer", "password", "a-long-password")).post("/api/auth/login").then()
                .statusCode(200);
    }

    @Test
    void otherBadFieldsAreRefused() {
        String hr = Learners.tokenFor("HR_ADMIN");
        String id = validId("44030419850612999");
        Map<String, Object> body = professional(id, "li-x");
        body.put("cityCode", "1101");
        as(hr).body(body).post("/api/professionals").then().statusCode(422).body("type", equalTo("/problems/invalid-city"));
        body = professional(id, "li-x");
        body.put("titleLevel", "大师");
        as(hr).body(body).post("/api/professionals").then().statusCode(422).body("type", equalTo("/problems/invalid-title-level"));
        body = professional(id, "li-x");
        body.put("employerCreditCode", "91350100M000100Y43");
        as(hr).body(body).post("/api/professionals").then().statusCode(422).body("type", equalTo("/problems/unknown-employer"));
        as(hr).body("[1,2,3]").post("/api/professionals").then().statusCode(400);
        body = professional(id, "li-x");
        body.put("password", "A".repeat(73));
        as(hr).body(body).post("/api/professionals").then().statusCode(422).body("type", equalTo("/problems/weak-password"))
                .body("detail", equalTo("密码不能超过 72 个字节（英文字母、数字每个 1 字节，汉字每个 3 字节）。"));
        body.put("password", "短密码");
        as(hr).body(body).post("/api/professionals").then().statusCode(422).body("detail", equalTo("密码至少 8 位。"));
        assertEquals(0, Db.number("select count(*) from professional where id_number = ?", id));
    }

    @Test
    void anEmployerAdministratorRegistersOnlyIntoItsOwnEmployer() {
        String employerAdmin = Learners.token(1, "employer-admin-x", java.util.Set.of("EMPLOYER_ADMIN"), null);
        as(employerAdmin).body(professional(validId("44030419850612998"), "li-y")).post("/api/professionals").then()
                .statusCode(403).body("type", equalTo("/problems/no-employer"));
    }

    @Test
    void employersAreRegisteredOnlyWithAValidCreditCodeUnlessOverridden() {
        String hr = Learners.tokenFor("HR_ADMIN");
        long before = Db.number("select count(*) from employer");
        as(hr).body(Map.of("name", "错码公司", "creditCode", "91350100M000100Y44", "cityCode", "4401")).post("/api/employers")
                .then().statusCode(422).body("type", equalTo("/problems/invalid-credit-code"));
        assertEquals(before, Db.number("select count(*) from employer"));
        Db.update("delete from employer where credit_code in ('91110000600037341L', '91350100M000100Y44')");
        as(hr).body(Map.of("name", "北京示例", "creditCode", "91110000600037341L", "cityCode", "4401")).post("/api/employers")
                .then().statusCode(201).body("checksumOverride", equalTo(false));
        as(hr).body(Map.of("name", "早期代码单位", "creditCode", "91350100M000100Y44", "cityCode", "4401", "checksumOverride", true))
                .post("/api/employers").then().statusCode(201).body("checksumOverride", equalTo(true));
        as(hr).body(Map.of("name", "北京示例", "creditCode", "91110000600037341L", "cityCode", "4401")).post("/api/employers")
                .then().statusCode(409);
    }
}
