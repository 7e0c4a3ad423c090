package cn.gd.xueshi.shared;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;

/**
 * The one error path: every refusal becomes RFC 9457 problem+json under /api and a readable
 * Chinese page elsewhere. No stack trace or class name ever reaches a client.
 */
public class ProblemMapper {

    private final Template error;

    public ProblemMapper(@Location("error.html") Template error) {
        this.error = error;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e, request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(HttpServerRequest request) {
        return respond(unauthenticated(), request);
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(HttpServerRequest request) {
        return respond(ProblemException.forbidden("forbidden", "您的账号没有权限进行此操作。"), request);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response badJson(Exception e, HttpServerRequest request) {
        ProblemException told = causeOf(e, ProblemException.class);
        if (told != null) {
            return respond(told, request);
        }
        return respond(ProblemException.badRequest("malformed-body",
                "请求内容不是有效的 JSON，或字段类型不正确（例如把数字写成了文字）。"), request);
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, HttpServerRequest request) {
        Log.warnf("constraint %s refused a write on %s", e.getConstraintName(), request.path());
        return respond(ProblemException.conflict("conflict", "数据与已有记录冲突，请刷新后重试。"), request);
    }

    /** Bean Validation refused a request body or parameter: every broken rule, by field, in Chinese. */
    @ServerExceptionMapper
    public Response invalid(jakarta.validation.ConstraintViolationException e, HttpServerRequest request) {
        java.util.List<String> reasons = e.getConstraintViolations().stream().map(v -> {
            String field = null;
            for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
                field = node.getName();
            }
            return (field == null ? "" : field + "：") + v.getMessage();
        }).sorted().toList();
        return respond(ProblemException.badRequest("invalid-fields", "请求内容不符合要求：" + String.join("；", reasons) + "。")
                .withRefusals(reasons), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, request);
        }
        String detail = switch (status) {
            case 404 -> "没有找到您要的内容。";
            case 405 -> "该地址不支持这种请求方法。";
            case 406 -> "无法以请求的格式返回内容。";
            case 413 -> "请求内容过大。";
            case 415 -> "请求内容的格式不受支持，请使用 application/json。";
            default -> status < 500 ? "请求无法处理。" : "服务暂时不可用，请稍后再试。";
        };
        return respond(new ProblemException(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), detail), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (request.response().ended()) {
            // the HTTP layer has answered already (413 for a chunked body over the limit): nothing of ours failed
            Log.debugf("%s %s ended before the resource ran: %s", request.method(), request.path(), e);
            return null;
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ProblemException p) {
                return respond(p, request);
            }
            if (cause instanceof ConstraintViolationException c) {
                return constraint(c, request);
            }
            String sqlState = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
            ProblemException refused = refusedInput(sqlState);
            if (refused != null) {
                Log.warnf("PostgreSQL refused input (%s) on %s %s", sqlState, request.method(), request.path());
                return respond(refused, request);
            }
            if (cause instanceof JsonProcessingException json) {
                return badJson(json, request);
            }
            if (cause instanceof IllegalArgumentException && decodingUrl(cause)) {
                return respond(TextRule.badEncoding(), request);
            }
            if (cause.getMessage() != null && cause.getMessage().startsWith("Param limit of")
                    || cause instanceof ArrayIndexOutOfBoundsException && fromMultipartParser(cause)) {
                // the form parser's limit on fields (1,000), and how it fails after it
                return respond(ProblemException.badRequest("too-many-fields", "表单字段过多，请只提交页面上的内容。"), request);
            }
            if (cause instanceof java.io.IOException io && io.getMessage() != null && io.getMessage().contains("multipart")) {
                // a multipart body cut short or not multipart at all: the client's
                return respond(ProblemException.badRequest("malformed-body", "上传的表单内容不完整或格式不正确，请重新提交。"), request);
            }
            cause = cause.getCause();
        }
        Log.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return respond(new ProblemException(500, "internal", "Internal Server Error", "服务出现意外错误，已记录，请稍后再试。"), request);
    }

    private static boolean fromMultipartParser(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().contains("Multipart")) {
                return true;
            }
        }
        return false;
    }

    /** What the client did wrong when PostgreSQL refuses a statement because of the values in it; null when it is ours. */
    static ProblemException refusedInput(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "23505" -> ProblemException.conflict("conflict", "数据与已有记录冲突（可能是重复提交），请刷新后重试。");
            case "22021", "22P05" -> TextRule.refusal();
            case "22001" -> ProblemException.badRequest("too-long", "输入内容过长，请缩短后重试。");
            case "22003", "22008", "22007", "22P02" -> ProblemException.badRequest("invalid-value", "输入的数值或日期超出允许范围或格式不正确。");
            default -> null;
        };
    }

    /** Whether the framework threw this while percent-decoding the client's URL or form body. */
    private static boolean decodingUrl(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().endsWith(".URLUtils");
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static ProblemException unauthenticated() {
        return new ProblemException(401, "unauthenticated", "Unauthorized", "请先登录（登录已过期或凭证无效）。");
    }

    private Response respond(ProblemException e, HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            Response.ResponseBuilder builder = Response.status(e.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(e, path));
            if (e.retryAfterSeconds() != null) {
                builder.header("Retry-After", e.retryAfterSeconds());
            }
            return builder.build();
        }
        if (e.status() == 401 && "GET".equals(request.method().name())) {
            String next = URLEncoder.encode(request.uri(), StandardCharsets.UTF_8);
            return Response.seeOther(URI.create("/login?next=" + next)).build();
        }
        return Response.status(e.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("status", e.status()).data("message", e.detail()).render())
                .build();
    }
}
