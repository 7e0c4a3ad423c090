package cn.gd.xueshi.identity;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.shared.FormFields;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/** Signing in and out from the browser: the token goes into an HttpOnly cookie. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SignInPages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance login(Chrome chrome, String next, String message);
    }

    private final AuthService auth;
    private final IdentityConfig identity;
    private final PageFrame frame;

    public SignInPages(AuthService auth, IdentityConfig identity, PageFrame frame) {
        this.auth = auth;
        this.identity = identity;
        this.frame = frame;
    }

    private Chrome anonymousChrome() {
        return frame.anonymous();
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance loginPage(@QueryParam("next") String next) {
        return Templates.login(anonymousChrome(), safeNext(next), null);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> login(FormFields form) {
        String target = safeNext(form.first("next"));
        if (!frame.csrfMatches(form.first("csrf"))) {
            return Uni.createFrom().item(refusedLogin(403, target, "页面已过期，请重新登录。"));
        }
        return auth.signIn(form.first("username"), form.first("password")).map(AuthService::orRefuse)
                .map(signedIn -> Response.seeOther(URI.create(target))
                        .cookie(new NewCookie.Builder(identity.cookie()).value(signedIn.token().token()).path("/").httpOnly(true)
                                .secure(identity.secureCookie()).sameSite(NewCookie.SameSite.LAX)
                                .maxAge((int) identity.tokenLifetime().toSeconds()).build())
                        .build())
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    ProblemException p = (ProblemException) e;
                    Response refused = refusedLogin(p.status(), target, p.detail());
                    if (p.retryAfterSeconds() != null) {
                        refused.getHeaders().add("Retry-After", p.retryAfterSeconds());
                    }
                    return refused;
                });
    }

    private Response refusedLogin(int status, String next, String message) {
        return Response.status(status).entity(Templates.login(anonymousChrome(), next, message)).build();
    }

    @POST
    @Path("logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(FormFields form) {
        if (!frame.csrfMatches(form.first("csrf"))) {
            throw ProblemException.forbidden("csrf", "页面已过期，请刷新后重试。");
        }
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(identity.cookie()).value("").path("/").httpOnly(true).maxAge(0).build())
                .build();
    }

    /** Only a path on this site, never another host. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.startsWith("/login")
                || next.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
