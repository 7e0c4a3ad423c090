package cn.gd.xueshi.web;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Small bodies everywhere but where a file is the body. The HTTP layer's limit
 * ({@code quarkus.http.limits.max-body-size}) is the largest a declaration with its evidence may
 * be; a question-bank or staff file may be {@value #SHEETS} bytes; a sector system's push of 10,000 records
 * {@value #SECTOR_PUSH} bytes; every
 * request with a learning guide in it may be {@value #GUIDES} bytes, and every other request saying
 * it is larger than {@value #SMALL} bytes is refused before its body is read,
 * with the same problem+json as any refusal. (Videos, captions and covers never pass through the
 * service: browsers send them to the object store.)
 */
@ApplicationScoped
public class BodyLimits {

    static final long SMALL = 64 * 1024;
    /** A learning guide of 50,000 characters, in Chinese and percent-encoded by a form, is about 450 KB. */
    static final long GUIDES = 640 * 1024;
    /** A question-bank or staff file. */
    static final long SHEETS = 6L * 1024 * 1024;
    /** A sector push: 10,000 records of about 250 bytes of JSON each (Chinese names and titles), with room to spare. */
    static final long SECTOR_PUSH = 4L * 1024 * 1024;
    private static final String SECTOR_PUSH_PATH = "/api/sector/hours";
    /** A declaration with its evidence: four files of 5 MiB and the fields. */
    static final long EVIDENCE = 21L * 1024 * 1024;
    private static final Pattern FILE_BODIES = Pattern.compile(
            "/(api/)?authoring/courses/\\d{1,18}/questions/import|/api/employer/staff/import"
            + "|/api/class-plans/\\d{1,18}/(results|roster)|/api/certificates/verification|/api/employer/seal");
    private static final Pattern EVIDENCE_BODIES = Pattern.compile("/api/declarations(/\\d{1,18})?|/me/declarations(/\\d{1,18})?");
    private static final Pattern GUIDE_BODIES = Pattern.compile(
            "/(api/)?authoring/courses/\\d{1,18}|/api/catalog/years/\\d{1,9}/subjects|/catalog-admin/subjects");

    void register(@Observes Filters filters) {
        filters.register(this::limit, 2_000);
    }

    private void limit(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String path = rc.request().path();
        String chunked = rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (length == null && chunked != null && !EVIDENCE_BODIES.matcher(path).matches() && !FILE_BODIES.matcher(path).matches()) {
            // a body of unstated length could be any size: only file routes take one (up to the HTTP layer's limit)
            rc.response().setStatusCode(411).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end("{\"type\":\"/problems/http-411\",\"title\":\"Length Required\",\"status\":411,"
                            + "\"detail\":\"请求须注明内容长度（Content-Length）。\"}");
            return;
        }
        if (length != null) {
            long limit = EVIDENCE_BODIES.matcher(path).matches() ? EVIDENCE : FILE_BODIES.matcher(path).matches() ? SHEETS
                    : SECTOR_PUSH_PATH.equals(path) ? SECTOR_PUSH
                    : GUIDE_BODIES.matcher(path).matches() ? GUIDES : SMALL;
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = Long.MAX_VALUE;
            }
            if (declared > limit) {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"/problems/http-413\",\"title\":\"Content Too Large\",\"status\":413,"
                                + "\"detail\":\"请求内容过大（上限 " + limit / 1024 + " KB）。\"}");
                return;
            }
        }
        rc.next();
    }
}
