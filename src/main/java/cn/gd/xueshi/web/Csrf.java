package cn.gd.xueshi.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Double-submit CSRF protection. Pages carry the token of the {@value #COOKIE} cookie in their
 * forms and in the {@value #HEADER} header of their API calls; a request signed in by cookie must
 * present it (see {@link CsrfFilters}). Other sites can neither read the cookie nor set the header.
 */
@RequestScoped
public class Csrf {

    public static final String COOKIE = "xueshi_csrf";
    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpHeaders headers;
    private String token;
    private boolean fresh;

    public Csrf(HttpHeaders headers) {
        this.headers = headers;
    }

    /** The token of this browser, made (and set as a cookie on the response) when it has none. */
    public String token() {
        if (token == null) {
            token = cookieValue();
            if (token == null) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                fresh = true;
            }
        }
        return token;
    }

    boolean fresh() {
        return fresh;
    }

    /** True when {@code submitted} equals the browser's cookie. */
    public boolean matches(String submitted) {
        String cookie = cookieValue();
        return cookie != null && submitted != null
                && MessageDigest.isEqual(cookie.getBytes(), submitted.getBytes());
    }

    private String cookieValue() {
        Cookie c = headers.getCookies().get(COOKIE);
        return c == null || c.getValue().length() < 16 ? null : c.getValue();
    }
}
