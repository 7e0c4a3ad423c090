package cn.gd.xueshi.declaration;

import static cn.gd.xueshi.support.Api.as;
import static cn.gd.xueshi.support.Declarations.declared;
import static cn.gd.xueshi.support.Declarations.training;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;

/** Who may see and decide a declaration: its declarant and the administrators of its unit; everyone else gets 404. */
@QuarkusTest
class DeclarationScopeTest {

    @Inject
    DeclarationMoves moves;

    private static int status(String token, long id) {
        Map<?, ?> r = as(token).body(Map.of("ids", List.of(id), "decision", "CONFIRM")).post("/api/employer/declarations/decisions")
                .then().statusCode(200).extract().as(Map.class);
        return (Integer) ((Map<?, ?>) ((List<?>) r.get("outcomes")).get(0)).get("status");
    }

    @Test
    void anotherUnitsAdministratorCannotFindReadOrDecideADeclarationByGuessingItsId() {
        long unit = Learners.unit();
        Learners.Learner l = Learners.create(unit, "ENGINEERING");
        long id = declared(l.token(), training("6"));
        long fileId = Db.number("select id from declaration_evidence where declaration_id = ?", id);
        Learners.Staff stranger = Learners.employerAdmin(Learners.unit());

        as(stranger.token()).get("/api/declarations/" + id).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        as(stranger.token()).get("/api/declarations/" + id + "/evidence/" + fileId).then().statusCode(404);
        as(stranger.token()).get("/api/employer/declarations").then().statusCode(200).body("id", not(hasItem((int) id)));
        assertEquals(404, status(stranger.token(), id));
        // a wrong file id on the right declaration is as unknown as a wrong declaration
        Learners.Staff admin = Learners.employerAdmin(unit);
        as(admin.token()).get("/api/declarations/" + id + "/evidence/" + (fileId + 100_000)).then().statusCode(404);
        long otherFile = declaredFile(Learners.create(Learners.unit(), "ENGINEERING"));
        as(admin.token()).get("/api/declarations/" + id + "/evidence/" + otherFile).then().statusCode(404);
        as(admin.token()).get("/api/declarations/" + id).then().statusCode(200);
        assertEquals("SUBMITTED", Db.row("select state from review_item where kind = 'DECLARATION' and subject_id = ?", id).get(0));
    }

    private static long declaredFile(Learners.Learner l) {
        long id = declared(l.token(), training("3"));
        return Db.number("select id from declaration_evidence where declaration_id = ?", id);
    }

    @Test
    void aColleagueSeesNeitherTheDeclarationNorItsEvidence() {
        long unit = Learners.unit();
        Learners.Learner author = Learners.create(unit, "ENGINEERING");
        Learners.Learner colleague = Learners.create(unit, "ENGINEERING");
        long id = declared(author.token(), training("6"));
        long fileId = Db.number("select id from declaration_evidence where declaration_id = ?", id);
        as(colleague.token()).get("/api/declarations/" + id).then().statusCode(404);
        as(colleague.token()).get("/api/declarations/" + id + "/evidence/" + fileId).then().statusCode(404);
        as(colleague.token()).get("/api/me/declarations?year=2026").then().statusCode(200).body("size()", equalTo(0));
        as(author.token()).get("/api/declarations/" + id + "/evidence/" + fileId).then().statusCode(200);
        // a colleague cannot correct it either
        cn.gd.xueshi.support.Declarations.multipart(colleague.token(), training("9")).put("/api/declarations/" + id).then().statusCode(404);
    }

    @Test
    void anAdministratorWithoutAUnitInTheTokenDecidesNothing() {
        long unit = Learners.unit();
        long id = declared(Learners.create(unit, "ENGINEERING").token(), training("6"));
        String unplaced = Learners.token(Learners.employerAdmin(unit).accountId(), "no-unit", java.util.Set.of("EMPLOYER_ADMIN"), null);
        as(unplaced).get("/api/employer/declarations").then().statusCode(200).body("size()", equalTo(0));
        assertEquals(404, status(unplaced, id));
        as(unplaced).get("/api/declarations/" + id).then().statusCode(404);
    }

    @Test
    void anAdministratorWhoDeclaresCannotConfirmTheirOwnButAnotherAdministratorOfTheUnitCan() {
        long unit = Learners.unit();
        Learners.Learner adminWhoLearns = Learners.adminWhoLearns(unit);
        long id = declared(adminWhoLearns.token(), training("6"));
        as(adminWhoLearns.token()).get("/api/employer/declarations").then().statusCode(200).body("id", not(hasItem((int) id)));
        Map<?, ?> own = (Map<?, ?>) ((List<?>) as(adminWhoLearns.token()).body(Map.of("ids", List.of(id), "decision", "CONFIRM"))
                .post("/api/employer/declarations/decisions").then().statusCode(200).extract().path("outcomes")).get(0);
        assertEquals(403, own.get("status"));
        assertEquals("不能确认自己申报的学时，请由本单位其他管理员确认。", own.get("detail"));
        assertEquals(200, status(Learners.employerAdmin(unit).token(), id));
        assertEquals(6, Db.number("select hours from hour_entry where source_ref = ?", "declaration:" + id));
    }

    @Test
    void aDeclarantWhoMovesTakesTheUndecidedDeclarationsToTheNewUnitAndLeavesTheDecidedOnes() throws Throwable {
        long oldUnit = Learners.unit();
        long newUnit = Learners.unit();
        Learners.Learner l = Learners.create(oldUnit, "ENGINEERING");
        Learners.Staff oldAdmin = Learners.employerAdmin(oldUnit);
        Learners.Staff newAdmin = Learners.employerAdmin(newUnit);
        long decided = declared(l.token(), training("4"));
        long waiting = declared(l.token(), training("5"));
        assertEquals(200, status(oldAdmin.token(), decided));

        Db.update("update professional set employer_id = ? where id = ?", newUnit, l.professionalId());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> moves.moved(l.professionalId(), oldUnit, newUnit)));

        as(newAdmin.token()).get("/api/employer/declarations").then().statusCode(200).body("id", hasItem((int) waiting));
        as(oldAdmin.token()).get("/api/employer/declarations").then().statusCode(200).body("id", not(hasItem((int) waiting)));
        assertEquals(404, status(oldAdmin.token(), waiting));
        as(oldAdmin.token()).get("/api/declarations/" + decided).then().statusCode(200);
        as(newAdmin.token()).get("/api/declarations/" + decided).then().statusCode(404);
        assertEquals(200, status(newAdmin.token(), waiting));
        assertEquals(newUnit, Db.number("select employer_id from declaration where id = ?", waiting));
        assertEquals(oldUnit, Db.number("select employer_id from declaration where id = ?", decided));
    }
}
