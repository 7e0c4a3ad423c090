package cn.gd.xueshi.shared;

/**
 * The one way a feature refuses a request: carries what RFC 9457 problem+json needs.
 * {@code detail} is written for the person reading it (Chinese first, as the pages are).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private Long retryAfterSeconds;
    private java.util.List<String> refusals;
    private java.time.LocalDate neededDate;

    public ProblemException(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "Bad Request", detail);
    }

    public static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(422, type, "Unprocessable Content", detail);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not Found", what);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service Unavailable", detail);
    }

    public static ProblemException forbidden(String type, String detail) {
        return new ProblemException(403, type, "Forbidden", detail);
    }

    public static ProblemException tooManyRequests(String type, String detail, long retryAfterSeconds) {
        ProblemException e = new ProblemException(429, type, "Too Many Requests", detail);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** Every reason the request is refused (for example each integrity rule a course breaks), as a list. */
    public ProblemException withRefusals(java.util.List<String> reasons) {
        this.refusals = java.util.List.copyOf(reasons);
        return this;
    }

    /** The date a refused request needed (a class plan filed too late: the last day it could have been filed). */
    public ProblemException withNeededDate(java.time.LocalDate date) {
        this.neededDate = date;
        return this;
    }

    public java.time.LocalDate neededDate() {
        return neededDate;
    }

    public java.util.List<String> refusals() {
        return refusals;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
