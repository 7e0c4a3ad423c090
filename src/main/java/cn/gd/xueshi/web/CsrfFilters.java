package cn.gd.xueshi.web;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import cn.gd.xueshi.identity.IdentityConfig;
import cn.gd.xueshi.shared.Problem;
import cn.gd.xueshi.shared.ProblemException;

public class CsrfFilters {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private final IdentityConfig identity;
    private final Csrf csrf;

    public CsrfFilters(IdentityConfig identity, Csrf csrf) {
        this.identity = identity;
        this.csrf = csrf;
    }

    /**
     * An API call that carries the page cookie must carry the CSRF header: whenever the cookie is
     * sent, it is what signs the caller in (the token reader prefers it to any Authorization
     * header), so an Authorization header of any kind exempts nothing. API clients send a Bearer
     * token and no cookie.
     */
    @ServerRequestFilter
    public Response requireHeaderForCookieCalls(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || !path.startsWith("/api/") || !request.getCookies().containsKey(identity.cookie())) {
            return null;
        }
        if (csrf.matches(request.getHeaderString(Csrf.HEADER))) {
            return null;
        }
        ProblemException e = ProblemException.forbidden("csrf", "页面已过期或请求来源不可信，请刷新页面后重试。");
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of(e, path)).build();
    }

    @ServerResponseFilter
    public void setTokenCookie(ContainerResponseContext response) {
        if (csrf.fresh()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(Csrf.COOKIE).value(csrf.token())
                    .path("/").secure(identity.secureCookie()).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }
}
