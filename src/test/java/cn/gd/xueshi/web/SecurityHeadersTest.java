package cn.gd.xueshi.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import cn.gd.xueshi.support.Learners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SecurityHeadersTest {

    private static void assertHardened(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        String csp = r.header("Content-Security-Policy");
        String store = SecurityHeaders.origin(ConfigProvider.getConfig().getValue("xueshi.storage.endpoint", String.class));
        assertEquals(SecurityHeaders.policy(store), csp);
        assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe-eval") && !csp.matches(".*script-src[^;]*unsafe-inline.*"),
                csp);
        assertTrue(csp.contains("media-src 'self' " + store + ";"), csp);
        assertTrue(csp.endsWith("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"));
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Map<String, Integer> paths = Map.of("/catalog/2026", 200, "/api/catalog/2026", 200, "/static/app.css", 200,
                "/static/player.js", 200, "/api/no-such-thing", 404, "/no-such-page", 404, "/api/me/hours?year=2026", 401,
                "/q/health/live", 200);
        paths.forEach((path, status) -> assertHardened(given().redirects().follow(false).get(path), status));
        assertHardened(given().contentType("application/json").body("{").post("/api/auth/login"), 400);
        assertHardened(given().header("Authorization", "Bearer " + Learners.tokenFor("EDITOR")).get("/api/me/hours?year=2026"), 403);
    }

    @Test
    void theStoreOriginIsSchemeHostAndPort() {
        assertEquals("http://127.0.0.1:9000", SecurityHeaders.origin("http://127.0.0.1:9000/"));
        assertEquals("https://media.example.cn", SecurityHeaders.origin(" https://media.example.cn/bucket "));
    }
}
