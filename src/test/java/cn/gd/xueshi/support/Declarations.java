package cn.gd.xueshi.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Declarations as a professional sends them: multipart fields plus evidence files. */
public final class Declarations {

    private Declarations() {
    }

    /** The smallest file that is a PDF by its bytes. */
    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** A PNG signature and a header chunk: an image by its bytes. */
    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    }

    /** A Windows executable's first bytes. */
    public static byte[] executable() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[2] = (byte) 0x90;
        return b;
    }

    /** A training declaration of {@code hours} 学时 in 2026, elective unless said otherwise. */
    public static Map<String, String> training(String hours) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("year", "2026");
        f.put("category", "ELECTIVE");
        f.put("activity", "TRAINING");
        f.put("title", "项目管理实务培训");
        f.put("organiser", "广州市职业培训中心");
        f.put("startedOn", "2026-03-02");
        f.put("endedOn", "2026-03-04");
        f.put("quantity", hours);
        return f;
    }

    public static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        if (value == null) {
            f.remove(key);
        } else {
            f.put(key, value);
        }
        return f;
    }

    public static RequestSpecification multipart(String token, Map<String, String> fields, Object... files) {
        // file names go as browsers send them: UTF-8 in the Content-Disposition header
        RequestSpecification spec = given().config(io.restassured.RestAssured.config()
                .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).accept("application/json")
                .contentType("multipart/form-data; charset=UTF-8");
        fields.forEach((k, v) -> spec.multiPart(new io.restassured.builder.MultiPartSpecBuilder(v).controlName(k)
                .charset(StandardCharsets.UTF_8).build()));
        for (int i = 0; i < files.length; i += 2) {
            spec.multiPart("evidence", (String) files[i], (byte[]) files[i + 1], "application/octet-stream");
        }
        return spec;
    }

    /** Declares and answers the response (expect 201 for a good one). */
    public static Response declare(String token, Map<String, String> fields, Object... files) {
        return multipart(token, fields, files).post("/api/declarations");
    }

    /** Declares a good one and answers its id. */
    public static long declared(String token, Map<String, String> fields) {
        return ((Number) declare(token, fields, "证书.pdf", pdf()).then().statusCode(201).extract().path("id")).longValue();
    }
}
