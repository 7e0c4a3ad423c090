package cn.gd.xueshi.declaration;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.hours.Activity;
import cn.gd.xueshi.hours.Conversion;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.review.Actors;
import cn.gd.xueshi.review.ReviewAction;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.shared.FormFields;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/**
 * The pages of declarations: the professional's (declare, see outcomes, correct a returned one) and
 * the unit administrator's (the queue with a bulk decision, one declaration with its evidence).
 * Refusals come back as the page with the reasons in Chinese; the work is the service's.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DeclarationPages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance mine(Chrome chrome, int year, List<DeclarationService.DeclarationView> declarations,
                List<Conversion> rates, Activity[] activities, String today, List<String> refusals, String notice,
                DeclarationRules.Form draft);

        static native TemplateInstance queue(Chrome chrome, List<DeclarationService.DeclarationView> declarations, String state,
                List<String> refusals, String notice);

        static native TemplateInstance one(Chrome chrome, DeclarationService.DeclarationView d, List<String> refusals);
    }

    private final DeclarationService declarations;
    private final CurrentUser user;
    private final PageFrame frame;

    public DeclarationPages(DeclarationService declarations, CurrentUser user, PageFrame frame) {
        this.declarations = declarations;
        this.user = user;
        this.frame = frame;
    }

    // ---- the professional ------------------------------------------------------------------------

    @GET
    @Path("me/declarations")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<Response> mine(@QueryParam("year") Integer year, @QueryParam("done") String done) {
        return minePage(year == null ? frame.year() : year, List.of(), "sent".equals(done) ? "申报已提交，等待单位确认。" : null, 200, null);
    }

    /** The page; {@code draft} refills the new declaration's form after a refusal (files must be chosen again). */
    private Uni<Response> minePage(int year, List<String> refusals, String notice, int status, DeclarationRules.Form draft) {
        user.professionalId();
        return declarations.mine(Actors.of(user), year).map(list -> Response.status(status).entity(Templates.mine(frame.chrome(), year,
                list, declarations.conversions(year), Activity.values(), LocalDate.now(cn.gd.xueshi.shared.Clocks.PROVINCE).toString(), refusals, notice, draft)).build());
    }

    @POST
    @Path("me/declarations")
    @RolesAllowed(Role.PROFESSIONAL_)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> declare(MultipartFormDataInput input) {
        return submitted(input, null);
    }

    @POST
    @Path("me/declarations/{id}")
    @RolesAllowed(Role.PROFESSIONAL_)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> correct(@PathParam("id") long id, MultipartFormDataInput input) {
        return submitted(input, id);
    }

    private Uni<Response> submitted(MultipartFormDataInput input, Long id) {
        DeclarationForms.Parsed parsed;
        try {
            parsed = DeclarationForms.read(input);
        } catch (ProblemException e) {
            return minePage(frame.year(), reasons(e), null, e.status(), null);
        }
        try {
            frame.requireCsrf(parsed.csrf());
        } catch (RuntimeException e) {
            parsed.discardCopies();
            throw e;
        }
        long pid = user.professionalId();
        Uni<DeclarationService.DeclarationView> done = id == null
                ? declarations.declare(Actors.of(user), pid, parsed.form(), parsed.files())
                : declarations.correct(Actors.of(user), pid, id, parsed.form(), parsed.files());
        int year = parsed.form().year() == null ? frame.year() : parsed.form().year();
        return done.map(v -> Response.seeOther(URI.create("/me/declarations?year=" + v.year() + "&done=sent")).build())
                .onFailure(ProblemException.class).recoverWithUni(e -> minePage(year, reasons((ProblemException) e), null,
                        ((ProblemException) e).status(), id == null ? parsed.form() : null))
                .eventually(parsed::discardCopies);
    }

    // ---- the unit's administrators -------------------------------------------------------------------

    @GET
    @Path("employer/declarations")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    public Uni<Response> queue(@QueryParam("state") ReviewState state, @QueryParam("done") String done) {
        return queuePage(state == null ? ReviewState.SUBMITTED : state, List.of(), done, 200);
    }

    private Uni<Response> queuePage(ReviewState state, List<String> refusals, String notice, int status) {
        return declarations.queue(Actors.of(user), state, 0, 500).map(list -> Response.status(status)
                .entity(Templates.queue(frame.chrome(), list, state.name(), refusals, notice)).build());
    }

    /** The bulk decision: the selected ids, CONFIRM or RETURN, a reason for a return. */
    @POST
    @Path("employer/declarations/decisions")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        List<Long> ids = new ArrayList<>();
        for (String id : form.all().getOrDefault("ids", List.of())) {
            if (!id.matches("[1-9][0-9]{0,17}")) {
                return queuePage(ReviewState.SUBMITTED, List.of("选择的申报编号无效，请刷新页面后重试。"), null, 400);
            }
            ids.add(Long.parseLong(id));
        }
        if (ids.isEmpty()) {
            return queuePage(ReviewState.SUBMITTED, List.of("请先勾选要处理的申报。"), null, 422);
        }
        ReviewAction action = decision(form.first("decision"));
        if (action == null) {
            return queuePage(ReviewState.SUBMITTED, List.of("请选择“确认”或“退回”。"), null, 400);
        }
        return declarations.decide(Actors.of(user), ids, action, form.first("reason")).flatMap(outcomes -> {
            DeclarationResource.Confirmations sum = DeclarationResource.summary(outcomes);
            List<String> refused = outcomes.stream().filter(o -> o.state() == null)
                    .map(o -> "申报 " + o.id() + "：" + o.detail()).toList();
            String notice = "已确认 " + sum.confirmed() + " 条，已退回 " + sum.returned() + " 条" + (sum.refused() > 0 ? "，未处理 "
                    + sum.refused() + " 条。" : "。");
            return queuePage(ReviewState.SUBMITTED, refused, notice, 200);
        });
    }

    @GET
    @Path("employer/declarations/{id}")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    public Uni<TemplateInstance> one(@PathParam("id") long id) {
        return declarations.view(id, Actors.of(user)).map(d -> Templates.one(frame.chrome(), d, List.of()));
    }

    /** One declaration's decision from its own page; back to the queue with the outcome. */
    @POST
    @Path("employer/declarations/{id}/decision")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decideOne(@PathParam("id") long id, FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        ReviewAction action = decision(form.first("decision"));
        if (action == null) {
            return declarations.view(id, Actors.of(user)).map(d -> Response.status(400)
                    .entity(Templates.one(frame.chrome(), d, List.of("请选择“确认”或“退回”。"))).build());
        }
        return declarations.decide(Actors.of(user), List.of(id), action, form.first("reason")).flatMap(outcomes -> {
            DeclarationService.Outcome o = outcomes.get(0);
            if (o.state() == null) {
                return declarations.view(id, Actors.of(user)).map(d -> Response.status(o.status())
                        .entity(Templates.one(frame.chrome(), d, List.of(o.detail()))).build());
            }
            String done = o.state() == ReviewState.APPROVED ? "confirmed" : "returned";
            return Uni.createFrom().item(Response.seeOther(URI.create("/employer/declarations?done=" + done)).build());
        });
    }

    /** An evidence file, for the declarant and the unit's administrators: a redirect to a short-lived address. */
    @GET
    @Path("declarations/{id}/evidence/{fileId}")
    @RolesAllowed({Role.PROFESSIONAL_, Role.EMPLOYER_ADMIN_})
    public Uni<Response> evidence(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        return declarations.evidenceUrl(Actors.of(user), id, fileId).map(url -> Response.seeOther(URI.create(url)).build());
    }

    /** CONFIRM or RETURN exactly; anything else is no decision (never a confirmation by default). */
    static ReviewAction decision(String value) {
        return "CONFIRM".equals(value) ? ReviewAction.APPROVE : "RETURN".equals(value) ? ReviewAction.RETURN : null;
    }

    private static List<String> reasons(ProblemException e) {
        return e.refusals() == null || e.refusals().isEmpty() ? List.of(e.detail()) : e.refusals();
    }
}
