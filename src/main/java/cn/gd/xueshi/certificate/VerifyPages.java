package cn.gd.xueshi.certificate;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/**
 * The public verification page the certificate's QR code opens: no account, phone first; by number
 * it shows valid, superseded or revoked, the year, the hours and the masked identity, nothing more;
 * a PDF chosen there is checked by the page's script against the verification API.
 */
@Path("/verify")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class VerifyPages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance verify(Chrome chrome, String number, CertificateService.PublicView c, String problem);
    }

    private final CertificateService certificates;
    private final VerifyThrottle throttle;
    private final CurrentUser user;
    private final PageFrame frame;

    public VerifyPages(CertificateService certificates, VerifyThrottle throttle, CurrentUser user, PageFrame frame) {
        this.certificates = certificates;
        this.throttle = throttle;
        this.user = user;
        this.frame = frame;
    }

    /** The form: a number to look up, or a PDF to check; a number given as ?number= goes to its page. */
    @GET
    @PermitAll
    public Uni<Response> form(@QueryParam("number") String number) {
        if (number != null && !number.isBlank()) {
            String n = number.strip().toUpperCase(java.util.Locale.ROOT);
            if (n.matches("[A-Z0-9]{1,20}")) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/verify/" + n)).build());
            }
        }
        return user.load().map(u -> Response.ok(Templates.verify(frame.chrome(), number == null ? "" : number, null,
                number == null || number.isBlank() ? null : "证书编号格式不正确。")).build());
    }

    @GET
    @Path("{number}")
    @PermitAll
    public Uni<Response> one(@PathParam("number") String number, @Context HttpServerRequest request) {
        throttle.check(CertificateResource.address(request), System.currentTimeMillis());
        return user.load().chain(() -> certificates.lookup(number)).map(c -> Response.ok(Templates.verify(frame.chrome(), number, c, null))
                .build()).onFailure(e -> e instanceof ProblemException p && p.status() == 404)
                .recoverWithItem(e -> Response.status(404).entity(Templates.verify(frame.chrome(), number, null,
                        ((ProblemException) e).detail())).build());
    }
}
