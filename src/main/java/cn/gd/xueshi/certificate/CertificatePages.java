package cn.gd.xueshi.certificate;

import java.math.BigDecimal;
import java.net.URI;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.declaration.DeclarationService;
import cn.gd.xueshi.hours.HourLedger;
import cn.gd.xueshi.hours.YearRecord;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Placements;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.Actors;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.shared.FormFields;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/**
 * The pages of the yearly record and certificates: the professional's year (per category what is
 * required, earned and missing, the next steps, the certificates to download) and the unit's year
 * (who is complete, confirmation one by one or as a batch, the seal).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CertificatePages {

    /** One category's line of a year. */
    public record Line(String label, BigDecimal required, BigDecimal earned, BigDecimal missing) {
    }

    /** One person of the unit, for the year. */
    public record Person(long professionalId, String name, BigDecimal publicHours, BigDecimal professional, BigDecimal elective,
            boolean complete, String shortfall, String certificate, String state) {
    }

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance mine(Chrome chrome, int year, List<Line> lines, List<String> steps,
                List<CertificateService.MyCertificate> certificates);

        static native TemplateInstance unit(Chrome chrome, int year, List<Person> people, List<CertificateService.YearOutcome> outcomes,
                String notice);

        static native TemplateInstance batch(Chrome chrome, CertificateBatches.BatchProgress p);
    }

    private final CertificateService certificates;
    private final CertificateBatches batches;
    private final HourLedger ledger;
    private final DeclarationService declarations;
    private final Placements placements;
    private final CurrentUser user;
    private final PageFrame frame;

    public CertificatePages(CertificateService certificates, CertificateBatches batches, HourLedger ledger, DeclarationService declarations,
            Placements placements, CurrentUser user, PageFrame frame) {
        this.certificates = certificates;
        this.batches = batches;
        this.ledger = ledger;
        this.declarations = declarations;
        this.placements = placements;
        this.user = user;
        this.frame = frame;
    }

    @GET
    @Path("me/certificates")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<TemplateInstance> mine(@QueryParam("year") Integer year) {
        int y = year == null ? frame.year() : year;
        long pid = user.professionalId();
        Actor actor = Actors.of(user);
        return ledger.records(List.of(pid), y).flatMap(records -> declarations.mine(actor, y).flatMap(ds -> placements.of(pid)
                .flatMap(place -> certificates.mine(pid).map(certs -> {
                    YearRecord r = records.get(pid);
                    int pending = (int) ds.stream().filter(d -> d.state() == ReviewState.SUBMITTED).count();
                    boolean confirmed = certs.stream().anyMatch(c -> c.year() == y && c.state() == Certificate.State.VALID);
                    List<Line> lines = List.of(line("公需科目", r.requirement().publicHours(), r.earned().publicHours()),
                            line("专业科目", r.requirement().professional(), r.earned().professional()),
                            line("选修", r.requirement().elective(), r.earned().elective()),
                            line("合计", r.requirement().total(), r.earned().total()));
                    return Templates.mine(frame.chrome(), y, lines, CompletionRules.nextSteps(r, 0, pending, confirmed, place.sector()), certs);
                }))));
    }

    private static Line line(String label, BigDecimal required, BigDecimal earned) {
        BigDecimal missing = required.subtract(earned).max(BigDecimal.ZERO);
        return new Line(label, required, earned, missing);
    }

    @GET
    @Path("employer/certificates")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    public Uni<TemplateInstance> unit(@QueryParam("year") Integer year, @QueryParam("done") String done) {
        int y = year == null ? frame.year() : year;
        return unitPage(y, List.of(), "sealed".equals(done) ? "已加盖单位印章，盖章版证书已重新签名。" : null);
    }

    private Uni<TemplateInstance> unitPage(int year, List<CertificateService.YearOutcome> outcomes, String notice) {
        Long unit = user.employerId();
        if (unit == null) {
            throw ProblemException.forbidden("no-employer", "该单位管理员账号未关联单位。");
        }
        return placements.professionalsIn(unit, null).flatMap(ids -> placements.of(ids).flatMap(places -> ledger.records(ids, year)
                .flatMap(records -> certificates.validOf(ids, year).map(certs -> {
                    List<Person> people = new ArrayList<>();
                    for (Long id : ids) {
                        YearRecord r = records.get(id);
                        Certificate c = certs.get(id);
                        people.add(new Person(id, places.get(id).name(), r.earned().publicHours(), r.earned().professional(),
                                r.earned().elective(), r.complete(), String.join("，", CompletionRules.shortfall(r)),
                                c == null ? null : c.number, c == null ? null : c.state.name()));
                    }
                    people.sort(java.util.Comparator.comparing(Person::name));
                    return Templates.unit(frame.chrome(), year, people, outcomes, notice);
                }))));
    }

    @POST
    @Path("employer/certificates/confirmations")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> confirm(FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        int year = year(form.first("year"));
        List<Long> ids = new ArrayList<>();
        for (String id : form.all().getOrDefault("ids", List.of())) {
            if (!id.matches("[1-9][0-9]{0,17}")) {
                throw ProblemException.badRequest("invalid-selection", "选择的人员编号无效，请刷新页面后重试。");
            }
            ids.add(Long.valueOf(id));
        }
        if (ids.isEmpty()) {
            return unitPage(year, List.of(), "请先勾选要确认的人员。");
        }
        return certificates.confirm(Actors.of(user), year, ids).flatMap(outcomes -> unitPage(year, outcomes, null));
    }

    @POST
    @Path("employer/certificates/batches")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> startBatch(FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        return batches.start(Actors.of(user), year(form.first("year")), null)
                .map(id -> Response.seeOther(URI.create("/employer/certificates/batches/" + id)).build());
    }

    @GET
    @Path("employer/certificates/batches/{id}")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    public Uni<TemplateInstance> batch(@PathParam("id") long id) {
        return batches.progress(Actors.of(user), id).map(p -> Templates.batch(frame.chrome(), p));
    }

    @POST
    @Path("employer/certificates/{number}/seal")
    @RolesAllowed(Role.EMPLOYER_ADMIN_)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> seal(@PathParam("number") String number, FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        return certificates.seal(Actors.of(user), number)
                .map(x -> Response.seeOther(URI.create("/employer/certificates?year=" + year(form.first("year")) + "&done=sealed")).build());
    }

    private int year(String text) {
        return text != null && text.matches("20[0-9]{2}") ? Integer.parseInt(text) : frame.year();
    }
}
