package cn.gd.xueshi.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.hours.Conversion;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.review.Actors;
import cn.gd.xueshi.review.ReviewAction;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.shared.Years;

/** Declarations of hours: the professional's, and their unit's administrators' queue and decisions. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationResource {

    private final DeclarationService declarations;
    private final CurrentUser user;
    private final java.time.Clock clock;

    public DeclarationResource(DeclarationService declarations, CurrentUser user, java.time.Clock clock) {
        this.declarations = declarations;
        this.user = user;
        this.clock = clock;
    }

    /** An employer's decision on a selection of declarations. */
    public enum Confirmation {
        CONFIRM, RETURN
    }

    public record ConfirmationRequest(@NotNull(message = "请选择要处理的申报") @Size(min = 1, max = DeclarationService.MAX_DECISIONS,
            message = "一次处理 1–1000 条申报") List<@NotNull @Positive Long> ids,
            @NotNull(message = "请选择 CONFIRM（确认）或 RETURN（退回）") Confirmation decision,
            @Size(max = 1000, message = "原因不超过 1000 字") String reason) {
    }

    public record Confirmations(int confirmed, int returned, int refused, List<DeclarationService.Outcome> outcomes) {
    }

    /** The multipart body of a declaration, as the API document shows it (the service reads it field by field). */
    @Schema(name = "DeclarationUpload")
    public record DeclarationUpload(@Schema(example = "2026") int year,
            @Schema(enumeration = {"PROFESSIONAL", "ELECTIVE"}) String category,
            @Schema(enumeration = {"TRAINING", "DEGREE_STUDY", "PAPER", "PROJECT", "CONFERENCE"}) String activity,
            String title, String organiser, @Schema(format = "date") String startedOn, @Schema(format = "date") String endedOn,
            @Schema(description = "学时数（培训）或折算单位数", example = "12") String quantity,
            @Schema(type = SchemaType.ARRAY, implementation = String.class, format = "binary",
                    description = "PDF、PNG 或 JPEG，每个不超过 5 MB，最多 4 个") List<String> evidence) {
    }

    public record Rate(String activity, String label, String unit, BigDecimal hoursPerUnit, BigDecimal maxHours) {
        static Rate of(Conversion c) {
            return new Rate(c.activity().name(), c.activity().label, c.unitLabel(), c.hoursPerUnit(), c.maxHours());
        }
    }

    /** A professional declares hours with evidence; the declaration goes to their unit at once. */
    @POST
    @Path("/declarations")
    @RolesAllowed(Role.PROFESSIONAL_)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = DeclarationUpload.class)))
    public Uni<Response> declare(@Parameter(hidden = true) MultipartFormDataInput input) {
        DeclarationForms.Parsed parsed = DeclarationForms.read(input);
        return declarations.declare(Actors.of(user), user.professionalId(), parsed.form(), parsed.files())
                .map(v -> Response.status(201).entity(v).build()).eventually(parsed::discardCopies);
    }

    /** The declarant corrects a returned declaration and hands it in again. */
    @PUT
    @Path("/declarations/{id}")
    @RolesAllowed(Role.PROFESSIONAL_)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = DeclarationUpload.class)))
    public Uni<DeclarationService.DeclarationView> correct(@PathParam("id") long id, @Parameter(hidden = true) MultipartFormDataInput input) {
        DeclarationForms.Parsed parsed = DeclarationForms.read(input);
        return declarations.correct(Actors.of(user), user.professionalId(), id, parsed.form(), parsed.files())
                .eventually(parsed::discardCopies);
    }

    @GET
    @Path("/me/declarations")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<List<DeclarationService.DeclarationView>> mine(@QueryParam("year") String year) {
        user.professionalId();
        return declarations.mine(Actors.of(user), year(year));
    }

    /** One declaration, for its declarant and their unit's administrators. */
    @GET
    @Path("/declarations/{id}")
    @RolesAllowed({Role.PROFESSIONAL_, Role.EMPLOYER_ADMIN_})
    public Uni<DeclarationService.DeclarationView> one(@PathParam("id") long id) {
        return declarations.view(id, Actors.of(user));
    }

    public record EvidenceUrl(String url) {
    }

    /** A short-lived address of an evidence file, for the declarant and their unit's administrators. */
    @GET
    @Path("/declarations/{id}/evidence/{fileId}")
    @RolesAllowed({Role.PROFESSIONAL_, Role.EMPLOYER_ADMIN_})
    public Uni<EvidenceUrl> evidence(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        return declarations.evidenceUrl(Actors.of(user), id, fileId).map(EvidenceUrl::new);
    }

    /** What each activity is worth in a year (折算标准). */
    @GET
    @Path("/declarations/conversions")
    @RolesAllowed({Role.PROFESSIONAL_, Role.EMPLOYER_ADMIN_})
    public List<Rate> conversions(@QueryParam("year") String year) {
        return declarations.conversions(year(year)).stream().map(Rate::of).toList();
    }

    /** The caller's unit's declarations in a state (default SUBMITTED), oldest first. */
    @GET
    @Path("/employer/declarations")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    public Uni<List<DeclarationService.DeclarationView>> queue(@QueryParam("state") @DefaultValue("SUBMITTED") String state,
            @QueryParam("offset") @DefaultValue("0") String offset, @QueryParam("limit") @DefaultValue("100") String limit) {
        if (!offset.matches("[0-9]{1,6}") || !limit.matches("[0-9]{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 500) {
            throw ProblemException.badRequest("invalid-page", "offset 应为 0–999999 的整数，limit 应为 1–500 的整数。");
        }
        ReviewState s = java.util.Arrays.stream(ReviewState.values()).filter(v -> v.name().equals(state)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("invalid-state", "state 应为 SUBMITTED、APPROVED 或 RETURNED。"));
        return declarations.queue(Actors.of(user), s, Integer.parseInt(offset), Integer.parseInt(limit));
    }

    /** Confirms or returns a selection: each id gets its own outcome; one refusal leaves the others decided. */
    @POST
    @Path("/employer/declarations/decisions")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Confirmations> decide(@Valid @NotNull(message = "请求内容不能为空") ConfirmationRequest request) {
        ReviewAction action = request.decision() == Confirmation.CONFIRM ? ReviewAction.APPROVE : ReviewAction.RETURN;
        return declarations.decide(Actors.of(user), request.ids(), action, request.reason()).map(DeclarationResource::summary);
    }

    static Confirmations summary(List<DeclarationService.Outcome> outcomes) {
        int confirmed = (int) outcomes.stream().filter(o -> o.state() == ReviewState.APPROVED).count();
        int returned = (int) outcomes.stream().filter(o -> o.state() == ReviewState.RETURNED).count();
        return new Confirmations(confirmed, returned, outcomes.size() - confirmed - returned, outcomes);
    }

    private int year(String year) {
        return year == null || year.isBlank() ? LocalDate.now(clock).getYear() : Years.parse(year);
    }
}
