package cn.gd.xueshi.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The RFC 9457 body. {@code type} is a relative URI naming the kind of problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, Long retryAfterSeconds,
        java.util.List<String> refusals, java.time.LocalDate neededDate) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemException e, String instance) {
        return new Problem("/problems/" + e.type(), e.title(), e.status(), e.detail(), instance, e.retryAfterSeconds(),
                e.refusals(), e.neededDate());
    }
}
