package cn.gd.xueshi.certificate;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.Parallel;

/** Yearly confirmation and certificates through the API against the real database and store. */
@QuarkusTest
class CertificateApiTest {

    static final int YEAR = 2026;

    @Inject
    CertificateRenderer renderer;

    @Inject
    VerifyThrottle throttle;

    @Inject
    CertificateConfig config;

    /** Verification is limited per address and every test comes from the same one: each test starts with a fresh count. */
    @org.junit.jupiter.api.BeforeEach
    void freshVerificationCount() {
        throttle.reset();
    }

    static void earn(long pid, String category, String hours) {
        Db.update("""
                insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title, recorded_by, recorded_at)
                values (?, ?, ?, 'ADJUSTMENT', ?, 'CREDIT', 'CONFIRMED', ?::numeric, '测试学时', 'test', now())""",
                pid, YEAR, category, "test:" + System.nanoTime(), hours);
    }

    static void complete(long pid) {
        earn(pid, "PUBLIC", "30");
        earn(pid, "PROFESSIONAL", "42");
        earn(pid, "ELECTIVE", "18");
    }

    static Map<String, Object> confirm(String token, long... pids) {
        return as(token).body(Map.of("professionalIds", java.util.Arrays.stream(pids).boxed().toList()))
                .post("/api/employer/years/" + YEAR + "/confirmations").then().statusCode(200).extract().as(Map.class);
    }

    @Test
    void aYearIsConfirmedOnlyWhenEveryCategoryIsMetAndThenIssuesOneVerifiableCertificate() throws Exception {
        long unit = Learners.unit();
        Learners.Staff admin = Learners.employerAdmin(unit);
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        earn(l.professionalId(), "PUBLIC", "30");
        earn(l.professionalId(), "PROFESSIONAL", "60");
        earn(l.professionalId(), "ELECTIVE", "17");
        // 107 hours in all, but elective hours cannot stand in for one another
        as(admin.token()).body(Map.of("professionalIds", List.of(l.professionalId()))).post("/api/employer/years/" + YEAR + "/confirmations")
                .then().statusCode(200).body("refused", equalTo(1)).body("results[0].status", equalTo("REFUSED"))
                .body("results[0].problem", equalTo("requirement-not-met"))
                .body("results[0].reason", equalTo("2026 年度学时未达到要求：选修还差 1 学时。"));
        assertEquals(0, Db.number("select count(*) from certificate where professional_id = ?", l.professionalId()));

        earn(l.professionalId(), "ELECTIVE", "1");
        Map<String, Object> first = confirm(admin.token(), l.professionalId());
        assertEquals(1, first.get("confirmed"), first.toString());
        String number = (String) ((Map<?, ?>) ((List<?>) first.get("results")).get(0)).get("certificateNumber");
        assertTrue(CertificateNumber.isValid(number), number);
        Map<String, Object> again = confirm(admin.token(), l.professionalId());
        assertEquals(1, again.get("alreadyConfirmed"), again.toString());
        assertEquals(1, Db.number("select count(*) from certificate where professional_id = ?", l.professionalId()));
        assertEquals(List.of("OPEN", "SUBMIT", "APPROVE"), transitions(l.professionalId()));

        String name = (String) Db.row("select name from professional where id = ?", l.professionalId()).get(0);
        RestAssured.given().accept("application/json").get("/api/certificates/" + number).then().statusCode(200)
                .body("state", equalTo("VALID")).body("year", equalTo(YEAR)).body("hours.publicHours", equalTo(30.0f))
                .body("hours.professional", equalTo(60.0f)).body("hours.elective", equalTo(18.0f)).body("hours.total", equalTo(108.0f))
                .body("name", equalTo(name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1)))
                .body("idNumber", equalTo(cn.gd.xueshi.identity.IdNumber.mask((String) Db.row(
                        "select id_number from professional where id = ?", l.professionalId()).get(0))));
        awaitRendered(l.professionalId());
        as(l.token()).get("/api/me/certificates").then().statusCode(200).body("number", contains(number))
                .body("[0].state", equalTo("VALID")).body("[0].pdfUrl", notNullValue());
    }

    /** Waits until the person's certificates are rendered (by this test's call or by a worker that leased them first). */
    void awaitRendered(long pid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            renderer.drain(Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10));
            if (Db.number("select count(*) from certificate where professional_id = ? and pdf_key is null", pid) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("certificate of " + pid + " not rendered");
    }

    private static List<String> transitions(long pid) {
        return List.of(((String) Db.row("""
                select string_agg(t.action, ',' order by t.id) from review_transition t join review_item i on i.id = t.item_id
                  join year_completion y on y.id = i.subject_id where i.kind = 'YEAR_CONFIRMATION' and y.professional_id = ?""", pid)
                .get(0)).split(","));
    }

    @Test
    void racingConfirmationsIssueOneCertificate() throws Exception {
        long unit = Learners.unit();
        Learners.Staff a = Learners.employerAdmin(unit);
        Learners.Staff b = Learners.employerAdmin(unit);
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        complete(l.professionalId());
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<String> statuses = Parallel.race(8, () -> {
            Map<String, Object> r = confirm(n.getAndIncrement() % 2 == 0 ? a.token() : b.token(), l.professionalId());
            return (String) ((Map<?, ?>) ((List<?>) r.get("results")).get(0)).get("status");
        });
        assertEquals(1, statuses.stream().filter("CONFIRMED"::equals).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter("ALREADY_CONFIRMED"::equals).count(), statuses.toString());
        assertEquals(1, Db.number("select count(*) from certificate where professional_id = ?", l.professionalId()));
    }

    @Test
    void onlyTheUnitConfirmsItsStaffAndTheSectorConfirmsEducationAndHealth() {
        long unit = Learners.unit();
        Learners.Staff admin = Learners.employerAdmin(unit);
        Learners.Learner other = Learners.create(Learners.unit(), "ENGINEERING");
        complete(other.professionalId());
        Map<String, Object> r = confirm(admin.token(), other.professionalId());
        assertEquals(404, ((Map<?, ?>) ((List<?>) r.get("results")).get(0)).get("httpStatus"), r.toString());

        Learners.Learner nurse = Learners.create(unit, "HEALTH");
        complete(nurse.professionalId());
        Map<String, Object> byEmployer = confirm(admin.token(), nurse.professionalId());
        Map<?, ?> refused = (Map<?, ?>) ((List<?>) byEmployer.get("results")).get(0);
        assertEquals(403, refused.get("httpStatus"), byEmployer.toString());
        assertEquals("卫生健康行业的年度学时由行业主管部门确认。", refused.get("reason"));
        Learners.Staff healthAuthority = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "HEALTH");
        as(healthAuthority.token()).body(Map.of("professionalIds", List.of(nurse.professionalId())))
                .post("/api/reviewer/years/" + YEAR + "/confirmations").then().statusCode(200).body("confirmed", equalTo(1));

        Learners.Learner adminWhoLearns = Learners.adminWhoLearns(unit);
        complete(adminWhoLearns.professionalId());
        Map<String, Object> own = confirm(adminWhoLearns.token(), adminWhoLearns.professionalId());
        assertEquals("不能确认自己的年度学时。", ((Map<?, ?>) ((List<?>) own.get("results")).get(0)).get("reason"), own.toString());
        Map<String, Object> byColleague = confirm(admin.token(), adminWhoLearns.professionalId());
        assertEquals(1, byColleague.get("confirmed"), byColleague.toString());
    }

    @Test
    void aRevokedCertificateVerifiesAsRevokedAndRevokedHoursRevokeTheCertificate() {
        long unit = Learners.unit();
        Learners.Staff admin = Learners.employerAdmin(unit);
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        complete(l.professionalId());
        String number = (String) ((Map<?, ?>) ((List<?>) confirm(admin.token(), l.professionalId()).get("results")).get(0))
                .get("certificateNumber");
        Learners.Staff hr = Learners.provinceHr();
        as(hr.token()).body(Map.of()).post("/api/hr/certificates/" + number + "/revocation").then().statusCode(400);
        as(Learners.staff("HR_ADMIN", "CITY", "4403", null).token()).body(Map.of("reason", "材料造假"))
                .post("/api/hr/certificates/" + number + "/revocation").then().statusCode(404);
        as(hr.token()).body(Map.of("reason", "材料造假")).post("/api/hr/certificates/" + number + "/revocation").then().statusCode(200)
                .body("state", equalTo("REVOKED"));
        RestAssured.get("/api/certificates/" + number).then().statusCode(200).body("state", equalTo("REVOKED"));
        as(hr.token()).body(Map.of("reason", "再次")).post("/api/hr/certificates/" + number + "/revocation").then().statusCode(409);

        Learners.Learner m = Learners.create(unit, "ENGINEERING");
        complete(m.professionalId());
        String second = (String) ((Map<?, ?>) ((List<?>) confirm(admin.token(), m.professionalId()).get("results")).get(0))
                .get("certificateNumber");
        long entry = Db.number("select id from hour_entry where professional_id = ? and category = 'ELECTIVE'", m.professionalId());
        as(hr.token()).body(Map.of("reason", "培训未实际举办")).post("/api/hours/entries/" + entry + "/revocations").then().statusCode(201);
        RestAssured.get("/api/certificates/" + second).then().statusCode(200).body("state", equalTo("REVOKED"));
        assertEquals("所依据的学时已被撤销：培训未实际举办", Db.row("select revoked_reason from certificate where number = ?", second).get(0));
    }

    @Test
    void unknownAndMistypedNumbersAre404AndTheLookupIsRateLimited() {
        throttle.reset();
        RestAssured.get("/api/certificates/GD202600000001X").then().statusCode(404);
        String valid = CertificateNumber.of(YEAR, 99_999_998L);
        RestAssured.get("/api/certificates/" + valid).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        RestAssured.given().contentType("application/pdf").body(new byte[] {1, 2, 3}).post("/api/certificates/verification").then()
                .statusCode(200).body("genuine", equalTo(false));
        throttle.reset();
        try {
            int limit = config.verifyPerMinute();
            for (int i = 0; i < limit; i++) {
                RestAssured.get("/api/certificates/" + valid).then().statusCode(404);
            }
            RestAssured.get("/api/certificates/" + valid).then().statusCode(429).header("Retry-After", notNullValue())
                    .body("type", equalTo("/problems/too-many-verifications"));
            RestAssured.given().accept("text/html").get("/verify/" + valid).then().statusCode(429);
        } finally {
            throttle.reset();
        }
    }

    @Test
    void aBatchConfirmsAndIssuesForTheWholeUnitOnceAndShowsItsProgress() throws Exception {
        long unit = Learners.unit();
        Learners.Staff admin = Learners.employerAdmin(unit);
        Learners.Learner a = Learners.create(unit, "ENGINEERING");
        Learners.Learner b = Learners.create(unit, "ENGINEERING");
        Learners.Learner c = Learners.create(unit, "ENGINEERING");
        complete(a.professionalId());
        complete(b.professionalId());
        earn(c.professionalId(), "PUBLIC", "30");
        long batch = ((Number) as(admin.token()).body(Map.of("year", YEAR)).post("/api/certificate-batches").then().statusCode(202)
                .extract().path("batchId")).longValue();
        Map<?, ?> progress = waitFor(admin.token(), batch);
        assertEquals(3, ((Number) progress.get("total")).intValue(), progress.toString());
        assertEquals(2, ((Number) progress.get("issued")).intValue(), progress.toString());
        assertEquals(1, ((Number) progress.get("skipped")).intValue(), progress.toString());
        assertEquals(2, Db.number("select count(*) from certificate where professional_id in (?, ?, ?) and pdf_key is not null",
                a.professionalId(), b.professionalId(), c.professionalId()));
        long second = ((Number) as(admin.token()).body(Map.of("year", YEAR)).post("/api/certificate-batches").then().statusCode(202)
                .extract().path("batchId")).longValue();
        assertEquals(2, ((Number) waitFor(admin.token(), second).get("issued")).intValue());
        assertEquals(2, Db.number("select count(*) from certificate where professional_id in (?, ?, ?)", a.professionalId(),
                b.professionalId(), c.professionalId()));
        as(Learners.employerAdmin(Learners.unit()).token()).get("/api/certificate-batches/" + batch).then().statusCode(404);
        as(Learners.employerAdmin(Learners.unit()).token()).body(Map.of("year", YEAR, "employerId", unit))
                .post("/api/certificate-batches").then().statusCode(404);
    }

    @Test
    void aBatchWhoseInstanceDiedMidwayIsFinishedByAnotherWithoutIssuingTwice() throws Exception {
        long unit = Learners.unit();
        Learners.Staff admin = Learners.employerAdmin(unit);
        List<Learners.Learner> people = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Learners.Learner l = Learners.create(unit, "ENGINEERING");
            complete(l.professionalId());
            people.add(l);
        }
        // an instance took the batch's rows and died: it had confirmed the first person's year but
        // not marked the row, and its lease on all four is about to lapse
        long batch = Db.number("""
                insert into certificate_batch (year, employer_id, requested_by, requester_role, requester_name, created_at)
                values (?, ?, ?, 'EMPLOYER_ADMIN', '测试', now()) returning id""", YEAR, unit, admin.accountId());
        for (Learners.Learner l : people) {
            Db.update("insert into certificate_batch_item (batch_id, professional_id, leased_until) values (?, ?, now() + interval '1 second')",
                    batch, l.professionalId());
        }
        confirm(admin.token(), people.get(0).professionalId());
        Map<?, ?> progress = waitFor(admin.token(), batch);
        assertEquals(4, ((Number) progress.get("issued")).intValue(), progress.toString());
        for (Learners.Learner l : people) {
            assertEquals(1, Db.number("select count(*) from certificate where professional_id = ?", l.professionalId()));
            assertEquals(1, Db.number("select count(*) from certificate where professional_id = ? and pdf_key is not null", l.professionalId()));
        }
        assertEquals(3, Db.number("""
                select count(*) from review_transition t join review_item i on i.id = t.item_id join year_completion y on y.id = i.subject_id
                 where i.kind = 'YEAR_CONFIRMATION' and t.action = 'APPROVE' and y.professional_id in (?, ?, ?)""",
                people.get(1).professionalId(), people.get(2).professionalId(), people.get(3).professionalId()));
    }

    @Test
    void anHrBatchIssuesTheConfirmedYearsOfAUnitInItsCityAndConfirmsNothingItself() throws Exception {
        long unit = Learners.unit();
        Learners.Staff admin = Learners.employerAdmin(unit);
        Learners.Learner confirmed = Learners.create(unit, "ENGINEERING");
        Learners.Learner waiting = Learners.create(unit, "ENGINEERING");
        complete(confirmed.professionalId());
        complete(waiting.professionalId());
        confirm(admin.token(), confirmed.professionalId());
        Learners.Staff gzHr = Learners.staff("HR_ADMIN", "CITY", "4401", null);
        long batch = ((Number) as(gzHr.token()).body(Map.of("year", YEAR, "employerId", unit)).post("/api/certificate-batches").then()
                .statusCode(202).extract().path("batchId")).longValue();
        Map<?, ?> progress = waitFor(gzHr.token(), batch);
        assertEquals(1, ((Number) progress.get("issued")).intValue(), progress.toString());
        assertEquals(1, ((Number) progress.get("skipped")).intValue(), progress.toString());
        assertEquals(0, Db.number("select count(*) from certificate where professional_id = ?", waiting.professionalId()));
        // its PDF is stored by the batch or by the render worker that leased it first
        awaitRendered(confirmed.professionalId());
        assertEquals(1, Db.number("select count(*) from certificate where professional_id = ? and pdf_key is not null",
                confirmed.professionalId()));
        assertEquals("年度学时由本人所在单位的管理员确认。", Db.row(
                "select outcome from certificate_batch_item where batch_id = ? and professional_id = ?", batch, waiting.professionalId()).get(0));
        as(Learners.staff("HR_ADMIN", "CITY", "4403", null).token()).body(Map.of("year", YEAR, "employerId", unit))
                .post("/api/certificate-batches").then().statusCode(404);
        as(Learners.staff("HR_ADMIN", "CITY", "4403", null).token()).get("/api/certificate-batches/" + batch).then().statusCode(404);
    }

    private static Map<?, ?> waitFor(String token, long batch) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Map<?, ?> p = as(token).get("/api/certificate-batches/" + batch).then().statusCode(200).extract().as(Map.class);
            if (Boolean.TRUE.equals(p.get("finished"))) {
                return p;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("batch " + batch + " did not finish");
    }

    @Test
    void everyEndpointRefusesTheRolesItDoesNotName() {
        as(null).body(Map.of("professionalIds", List.of(1))).post("/api/employer/years/2026/confirmations").then().statusCode(401);
        for (String role : List.of("PROFESSIONAL", "EDITOR", "HR_ADMIN", "AUTHORITY_REVIEWER", "SYSTEM")) {
            as(Learners.tokenFor(role)).body(Map.of("professionalIds", List.of(1))).post("/api/employer/years/2026/confirmations").then()
                    .statusCode(403);
        }
        as(Learners.tokenFor("EMPLOYER_ADMIN")).body(Map.of("professionalIds", List.of(1))).post("/api/reviewer/years/2026/confirmations")
                .then().statusCode(403);
        for (String role : List.of("PROFESSIONAL", "EDITOR", "AUTHORITY_REVIEWER", "SYSTEM")) {
            as(Learners.tokenFor(role)).body(Map.of("year", 2026)).post("/api/certificate-batches").then().statusCode(403);
            as(Learners.tokenFor(role)).get("/api/certificate-batches/1").then().statusCode(403);
        }
        for (String role : List.of("PROFESSIONAL", "EDITOR", "EMPLOYER_ADMIN", "AUTHORITY_REVIEWER", "SYSTEM")) {
            as(Learners.tokenFor(role)).body(Map.of("reason", "x")).post("/api/hr/certificates/GD202600000001X/revocation").then()
                    .statusCode(403);
        }
        as(Learners.tokenFor("HR_ADMIN")).get("/api/me/certificates").then().statusCode(403);
        as(Learners.tokenFor("PROFESSIONAL")).contentType("image/png").body(new byte[] {1}).put("/api/employer/seal").then()
                .statusCode(403);
        as(null).get("/api/me/certificates").then().statusCode(401);
    }
}
