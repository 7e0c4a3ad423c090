package cn.gd.xueshi.staff;

import static cn.gd.xueshi.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** An employer administrator's staff through the API: imports, one person, leaving, the unit's standing, and its scope. */
@QuarkusTest
class StaffApiTest {

    @jakarta.inject.Inject
    cn.gd.xueshi.support.MutableClock clock;

    /** The service's today (its clock is the tests' movable one, which other tests move on). */
    private String today() {
        return LocalDate.now(clock).toString();
    }

    private static ValidatableResponse importFile(String token, byte[] body) {
        return as(token).contentType("text/csv").body(body).post("/api/employer/staff/import").then();
    }

    private static String birth(String idNumber) {
        return idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
    }

    private static long pid(String idNumber) {
        return Db.number("select id from professional where id_number = ?", idNumber);
    }

    /** The unit's rows of both tables, as text, to compare before and after. */
    private static String tables(long employer) {
        return Db.numbers("select id from professional where employer_id = ? order by id", employer) + " "
                + Db.row("""
                        select count(*), string_agg(concat_ws('|', e.id, e.professional_id, e.employer_id, e.from_date, e.until_date,
                               e.recorded_by, e.recorded_at, p.name, p.id_number, p.title_level, p.sector, p.city_code, p.employer_id),
                               ';' order by e.id)
                          from employment e join professional p on p.id = e.professional_id
                         where p.id in (select professional_id from employment where employer_id = ?)""", employer);
    }

    @Test
    void importingCreatesTheUnknownAndImportingTheSameFileAgainChangesNothing() {
        long unit = StaffFixture.employer();
        String admin = StaffFixture.admin(unit);
        String a = StaffFixture.idNumber();
        String b = StaffFixture.idNumber();
        byte[] file = StaffFixture.csv("李明," + a + ",ENGINEERING,中级,4401\n王芳," + b + ",经济,副高级,深圳市\n"
                + "坏行,440104198506150412,工程技术,中级,4401\n");

        importFile(admin, file).statusCode(200)
                .body("created", equalTo(2)).body("linked", equalTo(0)).body("moved", equalTo(0))
                .body("unchanged", equalTo(0)).body("refused", equalTo(1))
                .body("rows.row", contains(2, 3, 4)).body("rows.outcome", contains("CREATED", "CREATED", "REFUSED"))
                .body("rows[0].professionalId", equalTo((int) pid(a))).body("rows[1].professionalId", equalTo((int) pid(b)))
                .body("rows[2].professionalId", nullValue())
                .body("rows[2].reason", equalTo("身份证号校验位不正确，请核对后重新输入。"));
        assertEquals(List.of("李明", "ENGINEERING", "INTERMEDIATE", "4401", birth(a)), Db.row(
                "select name, sector, title_level, city_code, cast(birth_date as text) from professional where id_number = ?", a)
                .stream().map(o -> o.toString().strip()).toList());
        assertEquals(unit, Db.number("select employer_id from professional where id_number = ?", a));
        assertEquals(List.of("王芳", "ECONOMICS", "ASSOCIATE_SENIOR", "4403"), Db.row(
                "select name, sector, title_level, city_code from professional where id_number = ?", b).stream()
                .map(o -> o.toString().strip()).toList());
        assertEquals(0, Db.number("select count(*) from account where professional_id = ?", pid(a)));
        assertEquals(List.of(unit, today(), "t-unit-admin-" + unit), Db.row("""
                select employer_id, cast(from_date as text), recorded_by from employment where professional_id = ? and until_date is null""",
                pid(a)).stream().map(o -> o instanceof Number n ? (Object) n.longValue() : o).toList());

        String before = tables(unit);
        importFile(admin, file).statusCode(200)
                .body("created", equalTo(0)).body("linked", equalTo(0)).body("moved", equalTo(0))
                .body("unchanged", equalTo(2)).body("refused", equalTo(1))
                .body("rows.outcome", contains("UNCHANGED", "UNCHANGED", "REFUSED"));
        assertEquals(before, tables(unit));
    }

    @Test
    void someoneKnownElsewhereMovesAndTheOldUnitNoLongerSeesThem() {
        long oldUnit = StaffFixture.employer();
        long newUnit = StaffFixture.employer();
        String id = StaffFixture.idNumber();
        importFile(StaffFixture.admin(oldUnit), StaffFixture.csv("陈迁," + id + ",农业,初级以上,4401\n")).statusCode(200)
                .body("refused", equalTo(1)).body("rows[0].reason", equalTo("职称级别“初级以上”无效，应为：正高级、副高级、中级、助理级、员级。"));
        importFile(StaffFixture.admin(oldUnit), StaffFixture.csv("陈迁," + id + ",农业,员级,4401\n")).statusCode(200)
                .body("created", equalTo(1));
        long person = pid(id);
        RecordingEmploymentChanges.MOVES.clear();

        importFile(StaffFixture.admin(newUnit), StaffFixture.csv("陈迁," + id + ",农业,员级,4406\n")).statusCode(200)
                .body("moved", equalTo(1)).body("created", equalTo(0))
                .body("rows[0].outcome", equalTo("MOVED")).body("rows[0].professionalId", equalTo((int) person));

        assertEquals(List.of(new RecordingEmploymentChanges.Moved(person, oldUnit, newUnit)), RecordingEmploymentChanges.MOVES);
        assertEquals(newUnit, Db.number("select employer_id from professional where id = ?", person));
        assertEquals(List.of(oldUnit, newUnit), Db.numbers("select employer_id from employment where professional_id = ? order by id", person));
        assertEquals(List.of(today(), "t-unit-admin-" + newUnit), Db.row(
                "select cast(until_date as text), ended_by from employment where professional_id = ? and employer_id = ?", person, oldUnit));
        assertEquals(List.of(today()), Db.row(
                "select cast(from_date as text) from employment where professional_id = ? and employer_id = ? and until_date is null",
                person, newUnit));
        // the person's record stays theirs: the city they were created with is not overwritten by the new unit's file
        assertEquals("4401", Db.row("select city_code from professional where id = ?", person).get(0).toString());
        as(StaffFixture.admin(oldUnit)).get("/api/employer/staff").then().statusCode(200).body("total", equalTo(0))
                .body("staff", hasSize(0));
        as(StaffFixture.admin(newUnit)).get("/api/employer/staff").then().statusCode(200).body("total", equalTo(1))
                .body("staff[0].professionalId", equalTo((int) person)).body("staff[0].since", equalTo(today()));
        // the old unit cannot end an employment that is no longer theirs
        as(StaffFixture.admin(oldUnit)).delete("/api/employer/staff/" + person).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aLearnerWithASignInAccountMovesWithTheirAccount() {
        Learners.Learner learner = Learners.create();
        List<Object> who = Db.row("select name, id_number from professional where id = ?", learner.professionalId());
        long unit = StaffFixture.employer();
        importFile(StaffFixture.admin(unit), StaffFixture.csv(who.get(0) + "," + who.get(1) + ",ENGINEERING,中级,4401\n")).statusCode(200)
                .body("moved", equalTo(1)).body("rows[0].professionalId", equalTo((int) learner.professionalId()));
        assertEquals(unit, Db.number("select employer_id from account where id = ?", learner.accountId()));
        as(StaffFixture.admin(unit)).delete("/api/employer/staff/" + learner.professionalId()).then().statusCode(204);
        assertEquals(0, Db.number("select count(*) from account where id = ? and employer_id is not null", learner.accountId()));
    }

    @Test
    void aKnownIdNumberUnderAnotherNameIsRefusedNotMoved() {
        long first = StaffFixture.employer();
        long second = StaffFixture.employer();
        String id = StaffFixture.idNumber();
        importFile(StaffFixture.admin(first), StaffFixture.csv("周正," + id + ",OTHER,中级,4401\n")).statusCode(200);
        importFile(StaffFixture.admin(second), StaffFixture.csv("周歪," + id + ",OTHER,中级,4401\n")).statusCode(200)
                .body("refused", equalTo(1)).body("moved", equalTo(0))
                .body("rows[0].reason", equalTo("该身份证号已登记在另一姓名下，请核对姓名和身份证号。"));
        assertEquals(first, Db.number("select employer_id from professional where id_number = ?", id));
    }

    @Test
    void oneRowsMistakesNeverStopTheOthersAndDuplicatesAreNamed() {
        long unit = StaffFixture.employer();
        String ok = StaffFixture.idNumber();
        String tooLong = "名".repeat(101);
        String unbornFirst17 = "440104" + (LocalDate.now().getYear() + 1) + "0101001";
        String unborn = unbornFirst17 + IdNumber.checkCharacter(unbornFirst17);
        byte[] file = StaffFixture.csv(String.join("\n",
                "," + StaffFixture.idNumber() + ",OTHER,中级,4401",
                tooLong + "," + StaffFixture.idNumber() + ",OTHER,中级,4401",
                "\"换\n行\"," + StaffFixture.idNumber() + ",OTHER,中级,4401",
                "好人," + ok + ",OTHER,中级,4401",
                "重复," + ok + ",OTHER,中级,4401",
                "无行业," + StaffFixture.idNumber() + ",,中级,4401",
                "错行业," + StaffFixture.idNumber() + ",厨师,中级,4401",
                "外省," + StaffFixture.idNumber() + ",OTHER,中级,1101",
                "短号,44010419850615,OTHER,中级,4401",
                "科学计数法,4.40104E+17,OTHER,中级,4401",
                "未来," + unborn + ",OTHER,中级,4401",
                "多一列," + StaffFixture.idNumber() + ",OTHER,中级,4401,多余") + "\n");
        importFile(StaffFixture.admin(unit), file).statusCode(200)
                .body("created", equalTo(1)).body("refused", equalTo(11))
                .body("rows.row", contains(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13))
                .body("rows.reason", contains("姓名为空。", "姓名超过 100 个字符（现有 101 个）。", "姓名含有控制字符（如换行、制表符），请删除后重试。",
                        null, "身份证号与第 5 行重复。", "行业为空，应为：" + StaffRules.SECTORS + "。",
                        "行业“厨师”无效，应为：" + StaffRules.SECTORS + "。",
                        "所在城市“1101”不是广东省的地级市，应为地市代码，如 4401（广州）。",
                        "身份证号应为 18 位：前 17 位为数字，最后一位为数字或 X。",
                        "身份证号被 Excel 显示为科学计数法（4.40104E+17），请将该列设为“文本”格式后重新填写。",
                        "身份证号中的出生日期不合理。",
                        "“所在城市”列之后还有内容，请检查是否多了逗号或错列。"));
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAsAWholeWithTheReason() {
        String admin = StaffFixture.admin(StaffFixture.employer());
        importFile(admin, "名字,号码\n张三,1\n".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("/problems/unreadable-sheet"))
                .body("detail", equalTo("表头第 1 列应为“姓名”，实际是“名字”。"));
        importFile(admin, new byte[0]).statusCode(422).body("detail", equalTo("文件是空的。"));
    }

    @Test
    void onePersonFollowsTheRulesOfARow() {
        long unit = StaffFixture.employer();
        String admin = StaffFixture.admin(unit);
        String id = StaffFixture.idNumber();
        Map<String, String> body = Map.of("name", "单人", "idNumber", id, "sector", "工程技术", "titleLevel", "SENIOR", "cityCode", "4419");
        as(admin).body(body).post("/api/employer/staff").then().statusCode(201)
                .body("outcome", equalTo("CREATED")).body("professionalId", equalTo((int) pid(id)));
        as(admin).body(body).post("/api/employer/staff").then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        as(admin).body(Map.of("name", "单人", "idNumber", id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'), "sector", "工程技术",
                "titleLevel", "SENIOR", "cityCode", "4419")).post("/api/employer/staff").then().statusCode(422)
                .contentType("application/problem+json").body("detail", equalTo("身份证号校验位不正确，请核对后重新输入。"));
        as(admin).body(Map.of("name", "缺字段")).post("/api/employer/staff").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(1, Db.number("select count(*) from employment where professional_id = ?", pid(id)));
    }

    @Test
    void leavingEndsTheEmploymentTodayAndAReturnLinksAgain() {
        long unit = StaffFixture.employer();
        String admin = StaffFixture.admin(unit);
        String id = StaffFixture.idNumber();
        importFile(admin, StaffFixture.csv("离开," + id + ",OTHER,中级,4401\n")).statusCode(200).body("created", equalTo(1));
        long person = pid(id);
        RecordingEmploymentChanges.MOVES.clear();

        as(admin).delete("/api/employer/staff/" + person).then().statusCode(204);
        assertEquals(0, Db.number("select count(*) from professional where id = ? and employer_id is not null", person));
        assertEquals(List.of(today(), "t-unit-admin-" + unit), Db.row(
                "select cast(until_date as text), ended_by from employment where professional_id = ?", person));
        as(admin).delete("/api/employer/staff/" + person).then().statusCode(404);
        as(admin).get("/api/employer/staff").then().body("total", equalTo(0));

        importFile(admin, StaffFixture.csv("离开," + id + ",OTHER,中级,4401\n")).statusCode(200)
                .body("linked", equalTo(1)).body("rows[0].professionalId", equalTo((int) person));
        assertEquals(List.of(new RecordingEmploymentChanges.Moved(person, null, unit)), RecordingEmploymentChanges.MOVES);
        assertEquals(2, Db.number("select count(*) from employment where professional_id = ?", person));
        assertEquals(unit, Db.number("select employer_id from professional where id = ?", person));
    }

    @Test
    void theStandingShowsEachCategoryRequiredConfirmedPendingAndMissing() {
        long unit = StaffFixture.employer();
        String admin = StaffFixture.admin(unit);
        String done = StaffFixture.idNumber();
        String short1 = StaffFixture.idNumber();
        importFile(admin, StaffFixture.csv("王达标," + done + ",OTHER,中级,4401\n张未满," + short1 + ",OTHER,中级,4401\n")).statusCode(200);
        long full = pid(done);
        long partial = pid(short1);
        credit(full, "PUBLIC", "30", "a");
        credit(full, "PROFESSIONAL", "42", "b");
        credit(full, "ELECTIVE", "18", "c");
        credit(partial, "PUBLIC", "12.5", "d");
        credit(partial, "ELECTIVE", "20", "e");
        credit(partial, "PUBLIC", "30", "f", 2025);

        as(admin).get("/api/employer/staff?year=2026").then().statusCode(200)
                .body("year", equalTo(2026)).body("total", equalTo(2)).body("offset", equalTo(0)).body("limit", equalTo(50))
                // by name (code point order): 张 before 王
                .body("staff.name", contains("张未满", "王达标"))
                .body("staff[0].maskedIdNumber", equalTo(IdNumber.mask(short1)))
                .body("staff[0].sector", equalTo("OTHER")).body("staff[0].titleLevel", equalTo("INTERMEDIATE"))
                .body("staff[0].since", equalTo(today()))
                .body("staff[0].standing.PUBLIC.required", equalTo(30.0f)).body("staff[0].standing.PUBLIC.confirmed", equalTo(12.5f))
                .body("staff[0].standing.PUBLIC.pending", equalTo(0))
                .body("staff[0].standing.PUBLIC.missing", equalTo(17.5f)).body("staff[0].standing.PUBLIC.complete", equalTo(false))
                .body("staff[0].standing.PROFESSIONAL.missing", equalTo(42.0f))
                .body("staff[0].standing.ELECTIVE.confirmed", equalTo(20.0f)).body("staff[0].standing.ELECTIVE.missing", equalTo(0))
                .body("staff[0].standing.ELECTIVE.complete", equalTo(true))
                .body("staff[0].standing.TOTAL.required", equalTo(90.0f)).body("staff[0].standing.TOTAL.confirmed", equalTo(32.5f))
                .body("staff[0].standing.TOTAL.missing", equalTo(57.5f)).body("staff[0].standing.TOTAL.complete", equalTo(false))
                .body("staff[1].standing.TOTAL.confirmed", equalTo(90.0f)).body("staff[1].standing.TOTAL.missing", equalTo(0))
                .body("staff[1].standing.TOTAL.complete", equalTo(true));
        as(admin).get("/api/employer/staff?year=2026&offset=1&limit=1").then().statusCode(200)
                .body("total", equalTo(2)).body("staff.name", contains("王达标"));
        as(admin).get("/api/employer/staff?limit=201").then().statusCode(400).contentType("application/problem+json");
        as(admin).get("/api/employer/staff?year=20x6").then().statusCode(400).body("type", equalTo("/problems/invalid-year"));
    }

    private static void credit(long professional, String category, String hours, String ref) {
        credit(professional, category, hours, ref, 2026);
    }

    private static void credit(long professional, String category, String hours, String ref, int year) {
        Db.update("""
                insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title, recorded_by)
                values (?, ?, ?, 'ADJUSTMENT', ?, 'CREDIT', 'CONFIRMED', cast(? as numeric), '测试学时', 'test')""",
                professional, year, category, "staff-test:" + ref, hours);
    }

    @Test
    void anAdministratorActsOnlyOnTheirOwnUnit() {
        long mine = StaffFixture.employer();
        long theirs = StaffFixture.employer();
        String id = StaffFixture.idNumber();
        importFile(StaffFixture.admin(theirs), StaffFixture.csv("别人," + id + ",OTHER,中级,4401\n")).statusCode(200);
        long other = pid(id);
        // another unit's person by a guessed id: not found, and still theirs
        as(StaffFixture.admin(mine)).delete("/api/employer/staff/" + other).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        assertEquals(theirs, Db.number("select employer_id from professional where id = ?", other));
        as(StaffFixture.admin(mine)).get("/api/employer/staff").then().body("total", equalTo(0));
        // an administrator's token without a unit is refused on every endpoint
        String noUnit = Learners.tokenFor("EMPLOYER_ADMIN");
        as(noUnit).get("/api/employer/staff").then().statusCode(403).body("type", equalTo("/problems/no-employer"));
        importFile(noUnit, StaffFixture.csv("某人," + StaffFixture.idNumber() + ",OTHER,中级,4401\n")).statusCode(403)
                .body("type", equalTo("/problems/no-employer"));
        as(noUnit).body(Map.of("name", "某人", "idNumber", StaffFixture.idNumber(), "sector", "OTHER", "titleLevel", "中级",
                "cityCode", "4401")).post("/api/employer/staff").then().statusCode(403).body("type", equalTo("/problems/no-employer"));
        as(noUnit).delete("/api/employer/staff/" + other).then().statusCode(403).body("type", equalTo("/problems/no-employer"));
        // other roles, even with a unit in their token, are refused by role
        for (String role : List.of("PROFESSIONAL", "EDITOR", "HR_ADMIN", "AUTHORITY_REVIEWER", "SYSTEM")) {
            String token = Learners.token(9_001, "t-" + role, java.util.Set.of(role), null, Map.of("eid", String.valueOf(theirs)));
            as(token).get("/api/employer/staff").then().statusCode(403);
            as(token).delete("/api/employer/staff/" + other).then().statusCode(403);
        }
        assertTrue(Db.number("select count(*) from employment where professional_id = ? and until_date is null", other) == 1);
    }

    @Test
    void tenThousandRowsImportInOneRequestAndMoveInAnother() {
        long unit = StaffFixture.employer();
        String admin = StaffFixture.admin(unit);
        StringBuilder rows = new StringBuilder();
        long base = System.nanoTime() % 100_000;
        for (int i = 0; i < 10_000; i++) {
            long n = base + i;
            String first17 = "445302" + (1960 + n % 40) + String.format("%02d%02d", 1 + n / 40 % 12, 1 + n / 480 % 28)
                    + String.format("%03d", n / 13_440 % 1000);
            rows.append("人员").append(i).append(',').append(first17).append(IdNumber.checkCharacter(first17)).append(",ENGINEERING,中级,4401\n");
        }
        byte[] file = StaffFixture.csv(rows.toString());
        long t0 = System.nanoTime();
        importFile(admin, file).statusCode(200).body("created", equalTo(10_000)).body("refused", equalTo(0));
        long first = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        importFile(admin, file).statusCode(200).body("unchanged", equalTo(10_000));
        long second = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(10_000, Db.number("select count(*) from employment where employer_id = ? and until_date is null", unit));
        assertTrue(first < 30_000 && second < 30_000, "first " + first + " ms, second " + second + " ms");
        as(admin).get("/api/employer/staff?limit=200").then().statusCode(200).body("total", equalTo(10_000)).body("staff", hasSize(200));
        // all of them move to another unit at once, each move told to every EmploymentChanges
        long next = StaffFixture.employer();
        RecordingEmploymentChanges.MOVES.clear();
        importFile(StaffFixture.admin(next), file).statusCode(200).body("moved", equalTo(10_000));
        assertEquals(10_000, RecordingEmploymentChanges.MOVES.size());
        assertEquals(0, Db.number("select count(*) from employment where employer_id = ? and until_date is null", unit));
        assertEquals(10_000, Db.number("select count(*) from professional where employer_id = ?", next));
    }
}
