package cn.gd.xueshi.media;

import static cn.gd.xueshi.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Api;
import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class MediaRangeTest {

    private static String mediaUrl(Learners.Learner l, long lessonId) {
        return as(l.token()).post("/api/lessons/" + lessonId + "/sessions").then().statusCode(201).extract().path("mediaUrl");
    }

    @Test
    void rangeRequestsOnThePresignedUrlAnswer206WithTheRightBytes() throws Exception {
        Learners.Learner l = Learners.create();
        String url = mediaUrl(l, Api.lessonId("ai-at-work", 1));
        byte[] file = Files.readAllBytes(Path.of("content/2026/lessons/ai-1.mp4"));
        Response first = given().urlEncodingEnabled(false).header("Range", "bytes=0-99").get(url);
        assertEquals(206, first.statusCode());
        assertArrayEquals(Arrays.copyOfRange(file, 0, 100), first.asByteArray());
        assertEquals("bytes 0-99/" + file.length, first.header("Content-Range"));
        Response middle = given().urlEncodingEnabled(false).header("Range", "bytes=50000-50999").get(url);
        assertEquals(206, middle.statusCode());
        assertArrayEquals(Arrays.copyOfRange(file, 50_000, 51_000), middle.asByteArray());
    }

    @Test
    void mediaUrlsAreSignedShortLivedAndUselessWhenTampered() {
        Learners.Learner l = Learners.create();
        String url = mediaUrl(l, Api.lessonId("ai-at-work", 2));
        assertTrue(url.contains("X-Amz-Expires=1200"), url);
        String unsigned = url.substring(0, url.indexOf('?'));
        assertEquals(403, given().urlEncodingEnabled(false).get(unsigned).statusCode());
        String tampered = url.replaceAll("X-Amz-Signature=[0-9a-f]", "X-Amz-Signature=0");
        tampered = tampered.equals(url) ? url.replaceAll("X-Amz-Signature=0", "X-Amz-Signature=1") : tampered;
        assertEquals(403, given().urlEncodingEnabled(false).header("Range", "bytes=0-9").get(tampered).statusCode());
    }

    @Test
    void aSessionCanFetchAFreshUrlWhileItIsActive() {
        Learners.Learner l = Learners.create();
        String session = Api.startSession(l.token(), Api.lessonId("ai-at-work", 2));
        String url = as(l.token()).get("/api/sessions/" + session + "/media").then().statusCode(200).extract().path("mediaUrl");
        assertEquals(206, given().urlEncodingEnabled(false).header("Range", "bytes=0-9").get(url).statusCode());
    }
}
