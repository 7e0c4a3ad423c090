package cn.gd.xueshi.shared;

import static cn.gd.xueshi.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputTest {

    @Test
    void hugeBodiesAreRefusedBeforeTheyAreRead() {
        Learners.Learner l = Learners.create();
        String huge = "{\"answers\":{\"1\":[" + "1,".repeat(60_000) + "1]}}";
        as(l.token()).body(huge).post("/api/courses/1/quiz/attempts").then().statusCode(413);
    }

    @Test
    void unknownIdsAre404WithAProblem() {
        Learners.Learner l = Learners.create();
        as(l.token()).post("/api/lessons/987654321/sessions").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("课程视频不存在（编号 987654321）。"));
        as(null).get("/api/courses/987654321").then().statusCode(404).body("detail", equalTo("课程不存在（编号 987654321）。"));
        as(null).get("/api/courses/abc").then().statusCode(404);
        as(null).get("/api/catalog/1999").then().statusCode(404);
        as(null).get("/api/catalog/twenty").then().statusCode(400).body("type", equalTo("/problems/invalid-year"));
        as(null).get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeIs415AndNoStackTraceLeaks() {
        given().contentType("text/plain").body("username=x").post("/api/auth/login").then().statusCode(415)
                .contentType("application/problem+json").body(not(containsString("Exception")));
        as(null).body("{not json").post("/api/auth/login").then().statusCode(400)
                .body("type", equalTo("/problems/malformed-body")).body(not(containsString("jackson")));
    }
}
