package cn.gd.xueshi.declaration;

import static cn.gd.xueshi.support.Api.as;
import static cn.gd.xueshi.support.Declarations.declare;
import static cn.gd.xueshi.support.Declarations.declared;
import static cn.gd.xueshi.support.Declarations.pdf;
import static cn.gd.xueshi.support.Declarations.png;
import static cn.gd.xueshi.support.Declarations.training;
import static cn.gd.xueshi.support.Declarations.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Declarations;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;
import cn.gd.xueshi.support.Parallel;

/** A declaration from the professional's form to the ledger, through the employer's queue, against the real database and store. */
@QuarkusTest
class DeclarationApiTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Map<String, Object> decide(String token, String decision, String reason, Object... ids) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("ids", List.of(ids));
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(token).body(body).post("/api/employer/declarations/decisions").then().statusCode(200).extract().as(Map.class);
    }

    private static long ledgerEntries(long professionalId, String ref) {
        return Db.number("select count(*) from hour_entry where professional_id = ? and source = 'DECLARATION' and source_ref = ?",
                professionalId, ref);
    }

    @Test
    void aConfirmedDeclarationEntersTheLedgerOnceWithItsEvidenceReadableByTheUnit() throws Exception {
        long unit = Learners.unit();
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        Learners.Staff admin = Learners.employerAdmin(unit);
        long id = ((Number) declare(l.token(), training("12"), "结业证书.pdf", pdf()).then().statusCode(201)
                .body("state", equalTo("SUBMITTED")).body("hours", equalTo(12.0f)).body("category", equalTo("ELECTIVE"))
                .body("evidence", hasSize(1)).body("evidence[0].contentType", equalTo("application/pdf"))
                .body("evidence[0].fileName", equalTo("结业证书.pdf"))
                .body("review.transitions.action", contains("OPEN", "SUBMIT"))
                .extract().path("id")).longValue();
        long fileId = Db.number("select id from declaration_evidence where declaration_id = ?", id);

        as(admin.token()).get("/api/employer/declarations").then().statusCode(200)
                .body("id", contains((int) id)).body("[0].declarant", equalTo(Db.row("select name from professional where id = ?", l.professionalId()).get(0)));
        String url = as(admin.token()).get("/api/declarations/" + id + "/evidence/" + fileId).then().statusCode(200)
                .extract().path("url");
        byte[] stored = RestAssured.given().urlEncodingEnabled(false).get(java.net.URI.create(url)).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(pdf(), stored);

        Map<String, Object> first = decide(admin.token(), "CONFIRM", null, id);
        assertEquals(1, first.get("confirmed"));
        Map<String, Object> again = decide(admin.token(), "CONFIRM", null, id);
        assertEquals(1, again.get("refused"));
        assertEquals(409, ((Map<?, ?>) ((List<?>) again.get("outcomes")).get(0)).get("status"));

        assertEquals(1, ledgerEntries(l.professionalId(), "declaration:" + id));
        as(l.token()).get("/api/me/hours?year=2026").then().statusCode(200)
                .body("earned.elective", equalTo(12.0f))
                .body("entries.findAll { it.source == 'DECLARATION' }.recordedBy", hasSize(1));
        as(l.token()).get("/api/me/declarations?year=2026").then().statusCode(200)
                .body("find { it.id == " + id + " }.state", equalTo("APPROVED"))
                .body("find { it.id == " + id + " }.review.transitions[-1].actorRole", equalTo("EMPLOYER_ADMIN"));
        as(admin.token()).get("/api/employer/declarations").then().body("id", not(hasItem((int) id)));
    }

    @Test
    void aReturnedDeclarationIsCorrectedAndSubmittedAgainWithItsOldEvidenceKeptAsWithdrawn() {
        long unit = Learners.unit();
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        Learners.Staff admin = Learners.employerAdmin(unit);
        long id = declared(l.token(), training("12"));

        Map<String, Object> noReason = decide(admin.token(), "RETURN", "  ", id);
        assertEquals(422, ((Map<?, ?>) ((List<?>) noReason.get("outcomes")).get(0)).get("status"));
        decide(admin.token(), "RETURN", "证书上没有学时数，请补充培训通知。", id);
        as(l.token()).get("/api/declarations/" + id).then().statusCode(200).body("state", equalTo("RETURNED"))
                .body("review.transitions[-1].reason", equalTo("证书上没有学时数，请补充培训通知。"));

        Declarations.multipart(l.token(), training("16"), "培训通知.png", png()).put("/api/declarations/" + id).then()
                .statusCode(200).body("state", equalTo("SUBMITTED")).body("hours", equalTo(16.0f))
                .body("evidence.withdrawn", contains(true, false)).body("evidence[1].contentType", equalTo("image/png"));
        // once submitted again it cannot be changed until decided
        Declarations.multipart(l.token(), training("20")).put("/api/declarations/" + id).then().statusCode(409);
        decide(admin.token(), "CONFIRM", null, id);
        assertEquals(16, Db.number("select hours from hour_entry where source_ref = ?", "declaration:" + id));
        // nor after
        Declarations.multipart(l.token(), training("20")).put("/api/declarations/" + id).then().statusCode(409);
    }

    @Test
    void aBulkDecisionAnswersEachIdAndOneRefusalLeavesTheOthersDecided() {
        long unit = Learners.unit();
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        Learners.Staff admin = Learners.employerAdmin(unit);
        long decidedBefore = declared(l.token(), training("2"));
        long a = declared(l.token(), training("3"));
        long b = declared(l.token(), training("4"));
        long elsewhere = declared(Learners.create(Learners.unit(), "ENGINEERING").token(), training("5"));
        decide(admin.token(), "CONFIRM", null, decidedBefore);

        Map<String, Object> result = decide(admin.token(), "CONFIRM", null, decidedBefore, a, b, 987_654_321L, elsewhere, a);
        assertEquals(2, result.get("confirmed"));
        assertEquals(3, result.get("refused"));
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>) result.get("outcomes");
        assertEquals(List.of(409, 200, 200, 404, 404), outcomes.stream().map(o -> o.get("status")).toList());
        assertEquals(List.of(decidedBefore, a, b, 987_654_321L, elsewhere),
                outcomes.stream().map(o -> ((Number) o.get("id")).longValue()).toList());
        assertEquals(0, ledgerEntries(Db.number("select professional_id from declaration where id = ?", elsewhere),
                "declaration:" + elsewhere));
        as(l.token()).get("/api/me/hours?year=2026").then().body("earned.elective", equalTo(9.0f));
    }

    @Test
    void bulkRequestsOutsideTheirBoundsAreRefusedWhole() {
        Learners.Staff admin = Learners.employerAdmin(Learners.unit());
        String path = "/api/employer/declarations/decisions";
        as(admin.token()).body(Map.of("ids", List.of(), "decision", "CONFIRM")).post(path).then().statusCode(400)
                .body("type", equalTo("/problems/invalid-fields"));
        as(admin.token()).body(Map.of("ids", java.util.stream.LongStream.rangeClosed(1, 1001).boxed().toList(), "decision", "CONFIRM"))
                .post(path).then().statusCode(400);
        as(admin.token()).body(Map.of("ids", List.of(-4), "decision", "CONFIRM")).post(path).then().statusCode(400);
        as(admin.token()).body(Map.of("ids", List.of(1), "decision", "APPROVE_ALL")).post(path).then().statusCode(400);
        as(admin.token()).body("{\"ids\":[1],\"decision\":\"CONFIRM\"").post(path).then().statusCode(400);
    }

    @Test
    void twoAdministratorsConfirmingTheSameDeclarationAtOnceCreditItOnce() throws Exception {
        long unit = Learners.unit();
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        Learners.Staff one = Learners.employerAdmin(unit);
        Learners.Staff two = Learners.employerAdmin(unit);
        long id = declared(l.token(), training("6"));
        List<Integer> statuses = Parallel.race(2, () -> {
            String token = Thread.currentThread().getId() % 2 == 0 ? one.token() : two.token();
            Map<String, Object> r = decide(token, "CONFIRM", null, id);
            return (Integer) ((Map<?, ?>) ((List<?>) r.get("outcomes")).get(0)).get("status");
        });
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        assertEquals(1, ledgerEntries(l.professionalId(), "declaration:" + id));
        assertEquals(3, Db.number("select count(*) from review_transition t join review_item i on i.id = t.item_id "
                + "where i.kind = 'DECLARATION' and i.subject_id = ?", id));
    }

    @Test
    void evidenceIsJudgedByItsBytesAndItsSizeAndARefusedDeclarationLeavesNothing() {
        long unit = Learners.unit();
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        long before = Db.number("select count(*) from declaration_evidence");
        declare(l.token(), training("8"), "证书.pdf", Declarations.executable()).then().statusCode(422)
                .body("refusals", hasItem(containsString("不是 PDF、PNG 或 JPEG 文件")));
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);
        declare(l.token(), training("8"), "大文件.pdf", big).then().statusCode(422)
                .body("refusals", hasItem(containsString("超过 5 MB")));
        declare(l.token(), training("8")).then().statusCode(422).body("refusals", hasItem(containsString("请上传证明材料")));
        declare(l.token(), training("8"), "1.pdf", pdf(), "2.pdf", pdf(), "3.pdf", pdf(), "4.pdf", pdf(), "5.pdf", pdf())
                .then().statusCode(422).body("refusals", hasItem(containsString("最多 4 个文件")));
        declare(l.token(), training("8"), "空.pdf", new byte[0]).then().statusCode(422).body("refusals", hasItem(containsString("空文件")));
        assertEquals(before, Db.number("select count(*) from declaration_evidence"));
        assertEquals(0, Db.number("select count(*) from declaration where professional_id = ?", l.professionalId()));
        // a folder in the name and control characters are dropped
        declare(l.token(), training("8"), "..\\..\\etc/证\u0000书\u202e.pdf", pdf()).then().statusCode(201)
                .body("evidence[0].fileName", equalTo("证书.pdf"));
    }

    @Test
    void badFieldsAreNamedAndWhatTheyMeanIsRefusedWithReasons() {
        Learners.Learner l = Learners.create(Learners.unit(), "ENGINEERING");
        declare(l.token(), with(training("8"), "year", "二〇二六"), "a.pdf", pdf()).then().statusCode(400)
                .body("type", equalTo("/problems/invalid-fields")).body("refusals", contains("申报年度格式不正确。"));
        declare(l.token(), with(with(training("8"), "startedOn", "2026-02-30"), "category", "BONUS"), "a.pdf", pdf()).then()
                .statusCode(400).body("refusals", contains("学时类别格式不正确。", "开始日期格式不正确。"));
        declare(l.token(), with(training("8"), "category", "PUBLIC"), "a.pdf", pdf()).then().statusCode(422)
                .body("refusals", hasItem(containsString("公需科目学时在完成课程后由系统自动登记")));
        declare(l.token(), with(training("8"), "title", "培训\u0000"), "a.pdf", pdf()).then().statusCode(422)
                .body("refusals", hasItem(containsString("控制字符")));
        declare(l.token(), with(training("0.05"), "quantity", "0.05"), "a.pdf", pdf()).then().statusCode(422);
        declare(l.token(), with(training("8"), "endedOn", "2026-03-01"), "a.pdf", pdf()).then().statusCode(422)
                .body("refusals", hasItem("结束日期不能早于开始日期。"));
        declare(l.token(), with(with(training("8"), "startedOn", "2025-12-30"), "year", "2026"), "a.pdf", pdf()).then()
                .statusCode(422).body("refusals", hasItem(containsString("起止日期须在申报年度")));
        declare(l.token(), with(training("8"), "year", "2027"), "a.pdf", pdf()).then().statusCode(422)
                .body("refusals", hasItem(containsString("不能申报未来年度")));
        declare(l.token(), with(training("8"), "title", "长".repeat(201)), "a.pdf", pdf()).then().statusCode(422);
        RestAssured.given().header("Authorization", "Bearer " + l.token()).contentType("multipart/form-data; boundary=xx")
                .body("--xx\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n20".getBytes()).post("/api/declarations")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(422)));
        // what an attacker tried: full-width digits, a huge year, fields twice, broken UTF-8, a right-to-left override
        declare(l.token(), with(training("8"), "quantity", "１２"), "a.pdf", pdf()).then().statusCode(400);
        declare(l.token(), with(training("8"), "year", "2147483647"), "a.pdf", pdf()).then().statusCode(400)
                .body("refusals", contains("申报年度格式不正确。"));
        declare(l.token(), with(training("8"), "year", "1999"), "a.pdf", pdf()).then().statusCode(422)
                .body("refusals", hasItem("申报年度无效：1999 年没有学时要求配置。"));
        Declarations.multipart(l.token(), training("8"), "a.pdf", pdf()).multiPart("quantity", "999").post("/api/declarations").then()
                .statusCode(400).body("detail", equalTo("表单字段“quantity”出现了多次。"));
        declare(l.token(), with(training("8"), "title", "abc\u202edcba"), "a.pdf", pdf()).then().statusCode(422)
                .body("refusals", hasItem("学习内容名称含有不可见的控制字符或格式字符。"));
        RestAssured.given().header("Authorization", "Bearer " + l.token()).contentType("multipart/form-data; boundary=b")
                .body(("--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .post("/api/declarations").then().statusCode(400);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            many.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nx\r\n");
        }
        many.append("--b--\r\n");
        RestAssured.given().header("Authorization", "Bearer " + l.token()).contentType("multipart/form-data; boundary=b")
                .body(many.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post("/api/declarations").then()
                .statusCode(400).body("type", equalTo("/problems/too-many-fields"));
        as(l.token()).get("/api/me/declarations?year=2026").then().statusCode(200).body("size()", equalTo(0));
        assertEquals(0, Db.number("select count(*) from declaration where professional_id = ?", l.professionalId()));
    }

    @Test
    void theQueuesParametersAreCheckedAndAChunkedBodyOfUnstatedLengthIsRefusedOutsideFileRoutes() throws Exception {
        Learners.Staff admin = Learners.employerAdmin(Learners.unit());
        as(admin.token()).get("/api/employer/declarations?state=FOO").then().statusCode(400).body("type", equalTo("/problems/invalid-state"));
        as(admin.token()).get("/api/employer/declarations?limit=abc").then().statusCode(400).body("type", equalTo("/problems/invalid-page"));
        as(admin.token()).get("/api/employer/declarations?offset=1e3").then().statusCode(400);
        as(admin.token()).get("/api/employer/declarations?limit=501").then().statusCode(400);
        as(admin.token()).get("/api/employer/declarations?state=RETURNED&limit=500").then().statusCode(200);
        cn.gd.xueshi.support.RawHttp.Answer unstated = cn.gd.xueshi.support.RawHttp.sendChunked("POST",
                "/api/employer/declarations/decisions", Map.of("Authorization", "Bearer " + admin.token(), "Content-Type", "application/json"),
                ("{\"ids\":[1],\"decision\":\"RETURN\",\"reason\":\"" + "A".repeat(100_000) + "\"}").getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(411, unstated.status(), unstated.body());
    }

    @Test
    void convertedHoursFollowTheYearsTableAndItsLimits() {
        Learners.Learner l = Learners.create(Learners.unit(), "ENGINEERING");
        var paper = with(with(with(training("2"), "activity", "PAPER"), "category", "PROFESSIONAL"), "title", "论文：桥梁抗震");
        declare(l.token(), paper, "p.pdf", pdf()).then().statusCode(201).body("hours", equalTo(24.0f))
                .body("hoursPerUnit", equalTo(12.0f)).body("unitLabel", equalTo("篇"));
        declare(l.token(), with(with(training("4"), "activity", "CONFERENCE"), "category", "PROFESSIONAL"), "c.pdf", pdf()).then()
                .statusCode(201).body("hours", equalTo(24.0f));
        declare(l.token(), with(with(training("1.5"), "activity", "CONFERENCE"), "category", "PROFESSIONAL"), "c.pdf", pdf()).then()
                .statusCode(201).body("hours", equalTo(12.0f));
        declare(l.token(), with(training("1"), "activity", "DEGREE_STUDY"), "d.pdf", pdf()).then().statusCode(201)
                .body("hours", equalTo(42.0f));
        as(l.token()).get("/api/declarations/conversions?year=2026").then().statusCode(200)
                .body("find { it.activity == 'PAPER' }.hoursPerUnit", equalTo(12.0f));
        as(l.token()).get("/api/declarations/conversions?year=2015").then().statusCode(200)
                .body("find { it.activity == 'PAPER' }.hoursPerUnit", equalTo(10.0f))
                .body("find { it.activity == 'CONFERENCE' }.hoursPerUnit", equalTo(6.0f));
    }

    @Test
    void educationAndHealthProfessionalsDeclareElectivesOnlyTheirSectorPushesProfessionalHours() {
        long unit = Learners.unit();
        for (String sector : List.of("EDUCATION", "HEALTH")) {
            Learners.Learner l = Learners.create(unit, sector);
            declare(l.token(), with(training("8"), "category", "PROFESSIONAL"), "a.pdf", pdf()).then().statusCode(422)
                    .body("refusals", hasItem(containsString("行业主管部门在其系统认定后推送")));
            declare(l.token(), training("8"), "a.pdf", pdf()).then().statusCode(201);
        }
    }

    @Test
    void theYearIsConfirmableUntilTheThirtyFirstOfJanuaryAndClosedOnTheFirstOfFebruary() {
        long unit = Learners.unit();
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        Learners.Staff admin = Learners.employerAdmin(unit);
        long onTime = declared(l.token(), training("5"));
        long late = declared(l.token(), training("6"));

        clock.at(OffsetDateTime.parse("2027-01-31T23:59:00+08:00").toInstant());
        assertEquals(1, decide(admin.token(), "CONFIRM", null, onTime).get("confirmed"));
        clock.at(OffsetDateTime.parse("2027-02-01T00:00:01+08:00").toInstant());
        Map<?, ?> refused = (Map<?, ?>) ((List<?>) decide(admin.token(), "CONFIRM", null, late).get("outcomes")).get(0);
        assertEquals(409, refused.get("status"));
        assertEquals("year-closed", refused.get("problem"));
        assertEquals("2026 年度的学时已于 2027年1月31日截止确认，该年度不再登记新的学时。", refused.get("detail"));
        as(admin.token()).get("/api/declarations/" + late).then().body("state", equalTo("SUBMITTED"));
        declare(l.token(), training("7"), "a.pdf", pdf()).then().statusCode(422)
                .body("refusals", hasItem("2026 年度的学时已于 2027年1月31日截止确认，不能再申报。"));
        assertEquals(1, ledgerEntries(l.professionalId(), "declaration:" + onTime));
        assertEquals(0, ledgerEntries(l.professionalId(), "declaration:" + late));
    }
}
