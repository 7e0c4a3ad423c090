package cn.gd.xueshi.classplan;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import cn.gd.xueshi.shared.Clocks;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import cn.gd.xueshi.support.MutableClock;
import cn.gd.xueshi.support.Parallel;

/** Class plans and seminars through the API against the real database: filing, review, HR's list, enrolment, results, ledger. */
@QuarkusTest
class ClassPlanApiTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Clocks.PROVINCE);
    }

    private Map<String, Object> plan(String kind, String sector, String level, String city, LocalDate start, int days, String hours,
            int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", "测试培训班 " + System.nanoTime());
        body.put("sector", sector);
        body.put("level", level);
        if (city != null) {
            body.put("cityCode", city);
        }
        body.put("startsOn", start.toString());
        body.put("endsOn", start.plusDays(days - 1).toString());
        body.put("place", "深圳市福田区培训中心");
        body.put("hours", hours);
        body.put("capacity", capacity);
        return body;
    }

    private long file(String token, Map<String, Object> body) {
        return ((Number) as(token).body(body).post("/api/class-plans").then().statusCode(201).extract().path("id")).longValue();
    }

    private static void approve(String token, long id) {
        as(token).body(Map.of("decision", "APPROVE")).post("/api/class-plans/" + id + "/decision").then().statusCode(200)
                .body("state", equalTo("FILED"));
    }

    private static Learners.Learner learner(String sector, String city, String title) {
        Learners.Learner l = Learners.create(Learners.unit(), sector);
        Db.update("update professional set city_code = ?, title_level = ? where id = ?", city, title, l.professionalId());
        return l;
    }

    private static long ledger(long professionalId, String source, long planId) {
        return Db.number("select count(*) from hour_entry where professional_id = ? and source = ? and source_ref = ?", professionalId,
                source, "class-plan:" + planId);
    }

    private static Map<String, Object> result(long pid, boolean attended, boolean passed) {
        return Map.of("professionalId", pid, "attended", attended, "passed", passed);
    }

    @Test
    void aPlanIsReviewedByTheSameLevelsAuthorityFiledWithThatLevelsHrAndItsPassesCreditedOnce() {
        Learners.Staff organiser = Learners.staff("AUTHORITY_REVIEWER", "CITY", "4403", "HEALTH");
        Learners.Staff reviewer = Learners.staff("AUTHORITY_REVIEWER", "CITY", "4403", "HEALTH");
        Learners.Staff provinceHealth = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "HEALTH");
        Learners.Staff szHr = Learners.staff("HR_ADMIN", "CITY", "4403", null);
        Learners.Staff gzHr = Learners.staff("HR_ADMIN", "CITY", "4401", null);
        LocalDate start = today().plusDays(40);
        long id = file(organiser.token(), plan("CLASS", "HEALTH", "CITY", "4403", start, 3, "24", 30));
        as(organiser.token()).get("/api/class-plans/" + id).then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("organiser", equalTo("深圳市卫生健康行业主管部门")).body("filedOn", equalTo(today().toString()))
                .body("review.transitions.action", contains("OPEN", "SUBMIT"))
                .body("review.transitions.actorRole", contains("AUTHORITY_REVIEWER", "AUTHORITY_REVIEWER"));

        // the queue of the same sector, level and city holds it; the province's health authority's does not
        as(reviewer.token()).get("/api/reviewer/class-plans").then().statusCode(200).body("id", hasItem((int) id));
        as(provinceHealth.token()).get("/api/reviewer/class-plans").then().statusCode(200).body("id", not(hasItem((int) id)));
        as(provinceHealth.token()).body(Map.of("decision", "APPROVE")).post("/api/class-plans/" + id + "/decision").then()
                .statusCode(404);
        // nobody reviews their own plan
        as(organiser.token()).body(Map.of("decision", "APPROVE")).post("/api/class-plans/" + id + "/decision").then()
                .statusCode(403).body("detail", equalTo("不能审核自己提交的办班计划。"));
        as(szHr.token()).get("/api/hr/class-plans?state=FILED").then().statusCode(200).body("id", not(hasItem((int) id)));

        approve(reviewer.token(), id);
        as(szHr.token()).get("/api/hr/class-plans?state=FILED").then().statusCode(200).body("id", hasItem((int) id));
        as(szHr.token()).get("/api/class-plans/" + id).then().statusCode(200).body("state", equalTo("FILED"));
        as(gzHr.token()).get("/api/hr/class-plans").then().statusCode(200).body("id", not(hasItem((int) id)));
        as(Learners.provinceHr().token()).get("/api/hr/class-plans").then().statusCode(200).body("id", not(hasItem((int) id)));
        as(gzHr.token()).get("/api/class-plans/" + id).then().statusCode(404);

        Learners.Learner passes = learner("HEALTH", "4403", "INTERMEDIATE");
        Learners.Learner fails = learner("HEALTH", "4403", "INTERMEDIATE");
        Learners.Learner stranger = learner("HEALTH", "4403", "INTERMEDIATE");
        as(passes.token()).get("/api/class-plans/open").then().statusCode(200).body("id", hasItem((int) id));
        as(passes.token()).post("/api/class-plans/" + id + "/enrolments").then().statusCode(201).body("enrolledByMe", equalTo(true))
                .body("enrolled", equalTo(1));
        as(fails.token()).post("/api/class-plans/" + id + "/enrolments").then().statusCode(201);
        as(passes.token()).post("/api/class-plans/" + id + "/enrolments").then().statusCode(409)
                .body("type", equalTo("/problems/already-enrolled"));

        List<Map<String, Object>> results = List.of(result(passes.professionalId(), true, true), result(fails.professionalId(), true, false),
                result(stranger.professionalId(), true, true));
        as(organiser.token()).body(Map.of("results", results)).post("/api/class-plans/" + id + "/results").then().statusCode(409)
                .body("type", equalTo("/problems/not-started"));
        clock.at(start.atStartOfDay(Clocks.PROVINCE).toInstant().plusSeconds(3600));
        // the reviewer is not the organiser: 404, nothing recorded
        as(reviewer.token()).body(Map.of("results", results)).post("/api/class-plans/" + id + "/results").then().statusCode(404);
        as(organiser.token()).body(Map.of("results", results)).post("/api/class-plans/" + id + "/results").then().statusCode(200)
                .body("credited", equalTo(1)).body("recorded", equalTo(1)).body("refused", equalTo(1))
                .body("results.status", contains("CREDITED", "RECORDED", "REFUSED")).body("results[2].reason", equalTo("未报名本班。"));
        assertEquals(1, ledger(passes.professionalId(), "CLASS", id));
        assertEquals(0, ledger(fails.professionalId(), "CLASS", id));
        assertEquals(24.0, ((Number) Db.row("select hours from hour_entry where professional_id = ? and source = 'CLASS'",
                passes.professionalId()).get(0)).doubleValue());

        // the same results again change nothing; a credited pass cannot be taken back here
        as(organiser.token()).body(Map.of("results", results)).post("/api/class-plans/" + id + "/results").then().statusCode(200)
                .body("results.status", contains("UNCHANGED", "UNCHANGED", "REFUSED"));
        as(organiser.token()).body(Map.of("results", List.of(result(passes.professionalId(), true, false))))
                .post("/api/class-plans/" + id + "/results").then().statusCode(200).body("results[0].status", equalTo("REFUSED"));
        as(organiser.token()).body(Map.of("results", List.of(result(fails.professionalId(), true, true))))
                .post("/api/class-plans/" + id + "/results").then().statusCode(200).body("results[0].status", equalTo("CREDITED"));
        assertEquals(1, ledger(passes.professionalId(), "CLASS", id));
        assertEquals(1, ledger(fails.professionalId(), "CLASS", id));
        as(organiser.token()).get("/api/class-plans/" + id + "/enrolments").then().statusCode(200)
                .body("passed", contains(true, true)).body("idNumber[0]", containsString("*"));
        as(reviewer.token()).get("/api/class-plans/" + id + "/enrolments").then().statusCode(404);
    }

    @Test
    void theThirtyDayRuleAtItsEdges() {
        Learners.Staff organiser = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "EDUCATION");
        as(organiser.token()).body(plan("CLASS", "EDUCATION", "PROVINCE", null, today().plusDays(29), 1, "8", 10))
                .post("/api/class-plans").then().statusCode(422).body("type", equalTo("/problems/filed-too-late"))
                .body("neededDate", equalTo(today().minusDays(1).toString()))
                .body("detail", containsString("最迟应于 " + today().minusDays(1)));
        file(organiser.token(), plan("CLASS", "EDUCATION", "PROVINCE", null, today().plusDays(30), 1, "8", 10));
        file(organiser.token(), plan("CLASS", "EDUCATION", "PROVINCE", null, today().plusDays(31), 1, "8", 10));
        assertEquals(0, Db.number("select count(*) from class_plan where organiser_account_id = ? and starts_on = ?",
                organiser.accountId(), java.sql.Date.valueOf(today().plusDays(29))));
    }

    @Test
    void aFullClassRefusesTheNextSeatAndRacingEnrolmentsNeverOverfillIt() throws Exception {
        Learners.Staff organiser = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "AGRICULTURE");
        long id = file(organiser.token(), plan("CLASS", "AGRICULTURE", "PROVINCE", null, today().plusDays(35), 1, "6", 3));
        approve(Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "AGRICULTURE").token(), id);
        List<Learners.Learner> people = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(learner("AGRICULTURE", "4405", "JUNIOR"));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = Parallel.race(8, () -> as(people.get(next.getAndIncrement()).token())
                .post("/api/class-plans/" + id + "/enrolments").then().extract().statusCode());
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(3, Db.number("select count(*) from class_enrolment where plan_id = ?", id));
        as(learner("AGRICULTURE", "4401", "JUNIOR").token()).post("/api/class-plans/" + id + "/enrolments").then().statusCode(409)
                .body("type", equalTo("/problems/full")).body("detail", equalTo("本班已满（3 人）。"));
    }

    @Test
    void onlyEligibleProfessionalsEnrolAndOnlyBeforeTheClassStarts() {
        Learners.Staff hr = Learners.staff("HR_ADMIN", "CITY", "4406", null);
        Learners.Staff foshanEngineering = Learners.staff("AUTHORITY_REVIEWER", "CITY", "4406", "ENGINEERING");
        long seminar = file(hr.token(), plan("SEMINAR", "ENGINEERING", "CITY", "4406", today().plusDays(45), 5, "40", 20));
        approve(foshanEngineering.token(), seminar);
        as(learner("ENGINEERING", "4406", "INTERMEDIATE").token()).post("/api/class-plans/" + seminar + "/enrolments").then()
                .statusCode(422).body("type", equalTo("/problems/not-eligible")).body("detail", equalTo("高级研修面向正高级、副高级职称的专业技术人员。"));
        as(learner("HEALTH", "4406", "SENIOR").token()).post("/api/class-plans/" + seminar + "/enrolments").then().statusCode(422)
                .body("detail", equalTo("本班面向工程技术行业的专业技术人员。"));
        as(learner("ENGINEERING", "4401", "SENIOR").token()).post("/api/class-plans/" + seminar + "/enrolments").then().statusCode(422)
                .body("detail", equalTo("本班是佛山市的市级培训，面向该市的专业技术人员。"));
        Learners.Learner senior = learner("ENGINEERING", "4406", "ASSOCIATE_SENIOR");
        as(senior.token()).post("/api/class-plans/" + seminar + "/enrolments").then().statusCode(201);

        clock.at(today().plusDays(45).atStartOfDay(Clocks.PROVINCE).toInstant());
        as(learner("ENGINEERING", "4406", "SENIOR").token()).post("/api/class-plans/" + seminar + "/enrolments").then().statusCode(409)
                .body("type", equalTo("/problems/enrolment-closed"));
        as(hr.token()).body(Map.of("results", List.of(result(senior.professionalId(), true, true))))
                .post("/api/class-plans/" + seminar + "/results").then().statusCode(200).body("credited", equalTo(1));
        assertEquals(1, ledger(senior.professionalId(), "SEMINAR", seminar));
    }

    @Test
    void aReturnedPlanIsCorrectedAndHandedInAgainWithEveryTransitionRecorded() {
        long unit = Learners.unit();
        Learners.Staff employer = Learners.employerAdmin(unit);
        Learners.Staff reviewer = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "ECONOMICS");
        Map<String, Object> body = plan("CLASS", "ECONOMICS", "PROVINCE", null, today().plusDays(60), 2, "16", 40);
        long id = file(employer.token(), body);
        as(reviewer.token()).body(Map.of("decision", "RETURN")).post("/api/class-plans/" + id + "/decision").then().statusCode(422)
                .body("type", equalTo("/problems/reason-required"));
        as(reviewer.token()).body(Map.of("decision", "RETURN", "reason", "请补充师资安排")).post("/api/class-plans/" + id + "/decision")
                .then().statusCode(200).body("state", equalTo("RETURNED"));
        // a returned plan is not filed: nobody can enrol
        as(learner("ECONOMICS", "4401", "JUNIOR").token()).post("/api/class-plans/" + id + "/enrolments").then().statusCode(404);
        body.put("place", "广州市天河区会议中心");
        as(Learners.employerAdmin(Learners.unit()).token()).body(body).put("/api/class-plans/" + id).then().statusCode(404);
        as(employer.token()).body(body).put("/api/class-plans/" + id).then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("place", equalTo("广州市天河区会议中心"))
                .body("review.transitions.action", contains("OPEN", "SUBMIT", "RETURN", "SUBMIT"))
                .body("review.transitions[2].reason", equalTo("请补充师资安排"))
                .body("review.transitions[1].actorRole", equalTo("EMPLOYER_ADMIN"));
        as(employer.token()).body(body).put("/api/class-plans/" + id).then().statusCode(409);
        approve(reviewer.token(), id);
        // another unit's administrator cannot see or post results for it
        as(Learners.employerAdmin(Learners.unit()).token()).get("/api/class-plans/" + id).then().statusCode(404);
        as(employer.token()).get("/api/class-plans/mine").then().statusCode(200).body("id", hasItem((int) id));
    }

    @Test
    void organisersFileOnlyWhatTheirOfficeMayRun() {
        Learners.Staff health = Learners.staff("AUTHORITY_REVIEWER", "CITY", "4403", "HEALTH");
        as(health.token()).body(plan("CLASS", "EDUCATION", "CITY", "4403", today().plusDays(40), 1, "8", 10)).post("/api/class-plans")
                .then().statusCode(403).body("type", equalTo("/problems/not-an-organiser"));
        as(health.token()).body(plan("CLASS", "HEALTH", "PROVINCE", null, today().plusDays(40), 1, "8", 10)).post("/api/class-plans")
                .then().statusCode(403);
        as(Learners.employerAdmin(Learners.unit()).token()).body(plan("SEMINAR", "HEALTH", "PROVINCE", null, today().plusDays(40), 1,
                "8", 10)).post("/api/class-plans").then().statusCode(403);
        as(Learners.employerAdmin(Learners.unit()).token()).body(plan("CLASS", "HEALTH", "CITY", "4403", today().plusDays(40), 1,
                "8", 10)).post("/api/class-plans").then().statusCode(403).body("detail", equalTo("单位举办的培训须为省级或本单位所在市的市级培训。"));
        as(Learners.provinceHr().token()).body(plan("CLASS", "HEALTH", "PROVINCE", null, today().plusDays(40), 1, "8", 10))
                .post("/api/class-plans").then().statusCode(403);
        // more hours than eight a day is impossible
        as(health.token()).body(plan("CLASS", "HEALTH", "CITY", "4403", today().plusDays(40), 2, "17", 10)).post("/api/class-plans")
                .then().statusCode(422).body("refusals", contains("学时不能超过每天 8 学时 × 2 天 = 16 学时。"));
        as(health.token()).body("{\"kind\":\"CLASS\",\"title\":\"a\u0000b\"}").post("/api/class-plans").then().statusCode(400);
    }

    @Test
    void everyEndpointRefusesTheRolesItDoesNotName() {
        long id = Db.number("select coalesce(max(id), 1) from class_plan");
        String plans = "/api/class-plans";
        as(null).body(Map.of()).post(plans).then().statusCode(401);
        for (String role : List.of("EDITOR", "SYSTEM")) {
            as(Learners.tokenFor(role)).body(plan("CLASS", "HEALTH", "PROVINCE", null, today().plusDays(40), 1, "8", 10)).post(plans)
                    .then().statusCode(403);
            as(Learners.tokenFor(role)).get(plans + "/" + id).then().statusCode(403);
            as(Learners.tokenFor(role)).post(plans + "/" + id + "/enrolments").then().statusCode(403);
        }
        Learners.Learner learner = Learners.create();
        as(learner.token()).body(plan("CLASS", "ENGINEERING", "PROVINCE", null, today().plusDays(40), 1, "8", 10)).post(plans).then()
                .statusCode(403);
        as(learner.token()).body(Map.of("results", List.of(result(learner.professionalId(), true, true))))
                .post(plans + "/" + id + "/results").then().statusCode(403);
        as(learner.token()).get("/api/hr/class-plans").then().statusCode(403);
        as(learner.token()).get("/api/reviewer/class-plans").then().statusCode(403);
        as(learner.token()).body(Map.of("decision", "APPROVE")).post(plans + "/" + id + "/decision").then().statusCode(403);
        as(Learners.tokenFor("HR_ADMIN")).get("/api/reviewer/class-plans").then().statusCode(403);
        as(Learners.tokenFor("AUTHORITY_REVIEWER")).get("/api/hr/class-plans").then().statusCode(403);
        as(Learners.tokenFor("EMPLOYER_ADMIN")).post(plans + "/" + id + "/enrolments").then().statusCode(403);
        as(Learners.tokenFor("HR_ADMIN")).get("/api/class-plans/open").then().statusCode(403);
        as(Learners.provinceHr().token()).get("/api/hr/class-plans?state=SUBMITTED").then().statusCode(400);
        // guessed ids: 404, the same answer as for a plan the caller may not see
        as(learner.token()).get(plans + "/987654321").then().statusCode(404).body("type", equalTo("/problems/not-found"));
        as(learner.token()).post(plans + "/987654321/enrolments").then().statusCode(404);
        as(Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "CULTURE").token()).body(Map.of("decision", "APPROVE"))
                .post(plans + "/987654321/decision").then().statusCode(404).body("detail", containsString("不存在"));
    }

    @Test
    void aRosterFileRecordsTheEnrolledAndRefusesEveryOtherRowAndASecondUploadCreditsNothing() {
        Learners.Staff organiser = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "RESEARCH");
        long id = file(organiser.token(), plan("CLASS", "RESEARCH", "PROVINCE", null, today().plusDays(30), 1, "8", 10));
        approve(Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "RESEARCH").token(), id);
        Learners.Learner a = learner("RESEARCH", "4401", "JUNIOR");
        Learners.Learner b = learner("RESEARCH", "4401", "JUNIOR");
        Learners.Learner notEnrolled = learner("RESEARCH", "4401", "JUNIOR");
        as(a.token()).post("/api/class-plans/" + id + "/enrolments").then().statusCode(201);
        as(b.token()).post("/api/class-plans/" + id + "/enrolments").then().statusCode(201);
        String idA = (String) Db.row("select id_number from professional where id = ?", a.professionalId()).get(0);
        String idB = (String) Db.row("select id_number from professional where id = ?", b.professionalId()).get(0);
        String idC = (String) Db.row("select id_number from professional where id = ?", notEnrolled.professionalId()).get(0);
        String csv = "身份证号,出勤,考核\n" + idA + ",是,合格\n" + idB + ",是,不合格\n" + idC + ",是,合格\n12345,是,合格\n"
                + idA + ",否,不合格\n" + idB + ",也许,合格\n";
        Db.update("update class_plan set starts_on = ?, ends_on = ? where id = ?", java.sql.Date.valueOf(today()),
                java.sql.Date.valueOf(today()), id);
        as(organiser.token()).contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/class-plans/" + id + "/roster").then().statusCode(200)
                .body("credited", equalTo(1)).body("recorded", equalTo(1)).body("refused", equalTo(4))
                .body("rows.row", contains(2, 3, 4, 5, 6, 7))
                .body("rows.status", contains("CREDITED", "RECORDED", "REFUSED", "REFUSED", "REFUSED", "REFUSED"))
                .body("rows[2].reason", equalTo("未报名本班。")).body("rows[3].reason", equalTo("身份证号应为 18 位。"))
                .body("rows[4].reason", equalTo("与第 2 行是同一人。")).body("rows[5].reason", equalTo("出勤应填 是 或 否。"))
                .body("rows[0].idNumber", containsString("*"));
        as(organiser.token()).contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/class-plans/" + id + "/roster").then().statusCode(200).body("credited", equalTo(0))
                .body("unchanged", equalTo(2));
        assertEquals(1, ledger(a.professionalId(), "CLASS", id));
        assertEquals(0, ledger(b.professionalId(), "CLASS", id));
        as(organiser.token()).contentType("text/csv").body("姓名,出勤\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/class-plans/" + id + "/roster").then().statusCode(422).body("detail", equalTo("第 1 行应为表头 身份证号,出勤,考核。"));
        as(Learners.employerAdmin(Learners.unit()).token()).contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/class-plans/" + id + "/roster").then().statusCode(404);
    }

    @Test
    void aPassInAYearAlreadyClosedIsRefusedWithTheLedgersReason() {
        Learners.Staff organiser = Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "ACCOUNTING");
        LocalDate start = today().plusDays(30);
        long id = file(organiser.token(), plan("CLASS", "ACCOUNTING", "PROVINCE", null, start, 1, "8", 10));
        approve(Learners.staff("AUTHORITY_REVIEWER", "PROVINCE", null, "ACCOUNTING").token(), id);
        Learners.Learner l = learner("ACCOUNTING", "4401", "JUNIOR");
        as(l.token()).post("/api/class-plans/" + id + "/enrolments").then().statusCode(201);
        clock.at(LocalDate.of(start.getYear() + 1, 2, 1).atStartOfDay(Clocks.PROVINCE).toInstant());
        as(organiser.token()).body(Map.of("results", List.of(result(l.professionalId(), true, true))))
                .post("/api/class-plans/" + id + "/results").then().statusCode(200).body("refused", equalTo(1))
                .body("results[0].reason", containsString(String.valueOf(start.getYear())));
        assertEquals(0, ledger(l.professionalId(), "CLASS", id));
        assertEquals(0, Db.number("select count(*) from class_enrolment where plan_id = ? and passed", id));
        clock.at(LocalDate.of(start.getYear() + 1, 1, 31).atStartOfDay(Clocks.PROVINCE).toInstant().plusSeconds(86_399));
        as(organiser.token()).body(Map.of("results", List.of(result(l.professionalId(), true, true))))
                .post("/api/class-plans/" + id + "/results").then().statusCode(200).body("credited", equalTo(1));
        assertEquals(1, ledger(l.professionalId(), "CLASS", id));
    }
}
