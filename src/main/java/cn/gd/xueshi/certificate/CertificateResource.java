package cn.gd.xueshi.certificate;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.review.Actors;
import cn.gd.xueshi.shared.ProblemException;

/** Yearly confirmation, certificates, their public verification, revocation, the unit's seal and year-end batches. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    private final CertificateService certificates;
    private final CertificateBatches batches;
    private final VerifyThrottle throttle;
    private final CertificateConfig config;
    private final CurrentUser user;

    public CertificateResource(CertificateService certificates, CertificateBatches batches, VerifyThrottle throttle,
            CertificateConfig config, CurrentUser user) {
        this.certificates = certificates;
        this.batches = batches;
        this.throttle = throttle;
        this.config = config;
        this.user = user;
    }

    public record YearConfirmationRequest(@NotNull(message = "请选择要确认的人员") @Size(min = 1, max = CertificateService.MAX_CONFIRMATIONS,
            message = "一次确认 1–1000 人") List<@NotNull @Positive Long> professionalIds) {
    }

    public record YearConfirmations(int confirmed, int alreadyConfirmed, int refused, List<CertificateService.YearOutcome> results) {

        static YearConfirmations of(List<CertificateService.YearOutcome> outcomes) {
            int[] n = new int[CertificateService.Confirmed.values().length];
            outcomes.forEach(o -> n[o.status().ordinal()]++);
            return new YearConfirmations(n[0], n[1], n[2], outcomes);
        }
    }

    /** An employer administrator confirms completed years of the unit's staff; each person gets an outcome. */
    @POST
    @Path("/employer/years/{year}/confirmations")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<YearConfirmations> confirm(@PathParam("year") int year, @Valid @NotNull(message = "请求内容不能为空") YearConfirmationRequest request) {
        return certificates.confirm(Actors.of(user), year, request.professionalIds()).map(YearConfirmations::of);
    }

    /** The education and health sectors' authority confirms the completed years of its sector's professionals. */
    @POST
    @Path("/reviewer/years/{year}/confirmations")
    @RolesAllowed(Role.AUTHORITY_REVIEWER_)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<YearConfirmations> confirmForSector(@PathParam("year") int year,
            @Valid @NotNull(message = "请求内容不能为空") YearConfirmationRequest request) {
        return certificates.confirm(Actors.of(user), year, request.professionalIds()).map(YearConfirmations::of);
    }

    @GET
    @Path("/me/certificates")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<List<CertificateService.MyCertificate>> mine() {
        return certificates.mine(user.professionalId());
    }

    /** Anyone: a certificate's state, year, hours and masked identity; 404 when unknown. Rate-limited per address. */
    @GET
    @Path("/certificates/{number}")
    @PermitAll
    public Uni<CertificateService.PublicView> lookup(@PathParam("number") String number, @Context HttpServerRequest request) {
        throttle.check(address(request), System.currentTimeMillis());
        return certificates.lookup(number);
    }

    /** Anyone: whether a PDF (the body) is a genuine, unchanged certificate of this platform. Rate-limited per address. */
    @POST
    @Path("/certificates/verification")
    @PermitAll
    @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    public Uni<CertificateService.Verification> verify(byte[] pdf, @Context HttpServerRequest request) {
        throttle.check(address(request), System.currentTimeMillis());
        if (pdf == null || pdf.length == 0) {
            throw ProblemException.badRequest("empty-body", "请上传证书 PDF 文件。");
        }
        if (pdf.length > config.maxPdfBytes()) {
            throw ProblemException.unprocessable("too-large", "文件过大，证书 PDF 不超过 " + config.maxPdfBytes() / 1024 / 1024 + " MB。");
        }
        return certificates.verify(pdf);
    }

    static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
    }

    public record Revocation(@NotNull(message = "请填写撤销原因") @Size(min = 1, max = 500, message = "原因 1–500 字") String reason) {
    }

    /** HR revokes a certificate of someone its region covers, with a reason. */
    @POST
    @Path("/hr/certificates/{number}/revocation")
    @RolesAllowed(Role.HR_ADMIN_)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CertificateService.PublicView> revoke(@PathParam("number") String number,
            @Valid @NotNull(message = "请求内容不能为空") Revocation request) {
        return certificates.revoke(Actors.of(user), number, request.reason());
    }

    /** The unit's seal image (PNG or JPEG, at most 1 MB), uploaded once by an administrator. */
    @PUT
    @Path("/employer/seal")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    @Consumes({"image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    public Uni<Response> seal(byte[] image) {
        return certificates.uploadSeal(Actors.of(user), image).map(v -> Response.noContent().build());
    }

    public record Sealed(String number, String sealedPdfUrl) {
    }

    /** Applies the unit's seal to a certificate of its staff: a sealed copy, marked as such and signed again. */
    @POST
    @Path("/employer/certificates/{number}/seal")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    public Uni<Sealed> applySeal(@PathParam("number") String number) {
        return certificates.seal(Actors.of(user), number).map(key -> new Sealed(number, key));
    }

    public record BatchRequest(@Min(value = 2000, message = "年度无效") @Max(value = 2100, message = "年度无效") int year,
            @Positive Long employerId) {
    }

    public record BatchStarted(long batchId) {
    }

    /** Confirmation and certificates for a unit (its administrator) or an HR department's region, in the background. */
    @POST
    @Path("/certificate-batches")
    @RolesAllowed({Role.HR_ADMIN_, Role.EMPLOYER_ADMIN_})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> startBatch(@Valid @NotNull(message = "请求内容不能为空") BatchRequest request) {
        return batches.start(Actors.of(user), request.year(), request.employerId())
                .map(id -> Response.accepted(new BatchStarted(id)).build());
    }

    /** A batch's progress, counted from its rows. */
    @GET
    @Path("/certificate-batches/{id}")
    @RolesAllowed({Role.HR_ADMIN_, Role.EMPLOYER_ADMIN_})
    public Uni<CertificateBatches.BatchProgress> batch(@PathParam("id") long id) {
        return batches.progress(Actors.of(user), id);
    }
}
