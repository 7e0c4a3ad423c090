package cn.gd.xueshi.classplan;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.GuangdongCity;
import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.Actors;
import cn.gd.xueshi.review.ReviewAction;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.shared.FormFields;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/**
 * The pages of class plans: one list that shows each role its part (the organiser's plans, the
 * reviewer's queue, HR's filed plans, the professional's open classes), the filing form, and one
 * plan with what the caller may do there (decide, enrol, record results). The work is the service's.
 */
@Path("/classes")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ClassPlanPages {

    /** A city for the form's list. */
    public record City(String code, String name) {
    }

    static final List<City> CITIES = GuangdongCity.NAMES.keySet().stream().sorted().map(c -> new City(c, GuangdongCity.name(c))).toList();

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance list(Chrome chrome, boolean organiser, boolean reviewer, boolean hr, boolean learner,
                List<ClassPlanService.PlanView> mine, List<ClassPlanService.PlanView> queue, List<ClassPlanService.PlanView> filed,
                List<ClassPlanService.PlanView> open, List<ClassPlanService.PlanView> enrolled, String notice);

        static native TemplateInstance form(Chrome chrome, Long id, Map<String, String> d, List<Sector> sectors, List<City> cities,
                List<String> refusals, int filingDays, String earliestStart);

        static native TemplateInstance one(Chrome chrome, ClassPlanService.PlanView p, boolean mayDecide, boolean mayEnrol,
                List<ClassPlanService.RosterLine> roster, boolean mayRecord, String rosterHelp, List<String> refusals, String notice);
    }

    private final ClassPlanService plans;
    private final ClassConfig config;
    private final CurrentUser user;
    private final PageFrame frame;

    public ClassPlanPages(ClassPlanService plans, ClassConfig config, CurrentUser user, PageFrame frame) {
        this.plans = plans;
        this.config = config;
        this.user = user;
        this.frame = frame;
    }

    private Actor actor() {
        return Actors.of(user);
    }

    private Long learner() {
        return user.isProfessional() ? user.professionalId() : null;
    }

    private boolean organiser() {
        return user.hasRole(Role.AUTHORITY_REVIEWER_) || user.hasRole(Role.EMPLOYER_ADMIN_) || user.hasRole(Role.HR_ADMIN_);
    }

    @GET
    @RolesAllowed({Role.PROFESSIONAL_, Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    public Uni<TemplateInstance> list(@QueryParam("done") String done) {
        Actor a = actor();
        boolean reviewer = user.hasRole(Role.AUTHORITY_REVIEWER_);
        boolean hr = user.hasRole(Role.HR_ADMIN_);
        Long learner = learner();
        Uni<List<ClassPlanService.PlanView>> none = Uni.createFrom().item(List.of());
        Uni<List<ClassPlanService.PlanView>> mine = organiser() ? plans.mine(a) : none;
        return mine.flatMap(m -> (reviewer ? plans.queue(a, ReviewState.SUBMITTED) : none)
                .flatMap(q -> (hr && a.scope().level() != null ? plans.filed(a) : none)
                        .flatMap(f -> (learner != null ? plans.open(a, learner) : none)
                                .flatMap(o -> (learner != null ? plans.enrolled(a, learner) : none)
                                        .map(e -> Templates.list(frame.chrome(), organiser(), reviewer, hr, learner != null, m, q, f, o, e,
                                                notice(done)))))));
    }

    private static String notice(String done) {
        return done == null ? null : switch (done) {
            case "approved" -> "已通过，办班计划已向同级人力资源社会保障部门备案。";
            case "returned" -> "已退回，办班单位会看到原因。";
            default -> null;
        };
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    public TemplateInstance blank() {
        Map<String, String> d = new HashMap<>();
        FIELDS.forEach(f -> d.put(f, ""));
        d.put("kind", "CLASS");
        var s = user.scope();
        if (s.sector() != null) {
            d.put("sector", s.sector().name());
        }
        d.put("level", s.level() == Level.CITY ? "CITY" : "PROVINCE");
        if (s.cityCode() != null) {
            d.put("cityCode", s.cityCode());
        }
        return form(null, d, List.of());
    }

    private TemplateInstance form(Long id, Map<String, String> d, List<String> refusals) {
        return Templates.form(frame.chrome(), id, d, List.of(Sector.values()), CITIES, refusals, config.filingDays(),
                plans.today().plusDays(config.filingDays()).toString());
    }

    @POST
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> file(FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        Map<String, String> d = draft(form);
        return plans.file(actor(), planForm(d)).map(v -> Response.seeOther(URI.create("/classes/" + v.id() + "?done=filed")).build())
                .onFailure(ProblemException.class).recoverWithItem(e -> refused(null, d, (ProblemException) e));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    public Uni<TemplateInstance> edit(@PathParam("id") long id) {
        return plans.view(id, actor(), null).map(p -> {
            Map<String, String> d = new HashMap<>();
            d.put("kind", p.kind().name());
            d.put("title", p.title());
            d.put("sector", p.sector().name());
            d.put("level", p.level().name());
            d.put("cityCode", p.cityCode() == null ? "" : p.cityCode());
            d.put("startsOn", p.startsOn().toString());
            d.put("endsOn", p.endsOn().toString());
            d.put("place", p.place());
            d.put("hours", p.hours().stripTrailingZeros().toPlainString());
            d.put("capacity", String.valueOf(p.capacity()));
            return form(id, d, List.of());
        });
    }

    @POST
    @Path("{id}")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> correct(@PathParam("id") long id, FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        Map<String, String> d = draft(form);
        return plans.correct(actor(), id, planForm(d)).map(v -> Response.seeOther(URI.create("/classes/" + id + "?done=filed")).build())
                .onFailure(e -> e instanceof ProblemException p && p.status() != 404)
                .recoverWithItem(e -> refused(id, d, (ProblemException) e));
    }

    private Response refused(Long id, Map<String, String> d, ProblemException e) {
        List<String> reasons = e.refusals() == null || e.refusals().isEmpty() ? List.of(e.detail()) : e.refusals();
        return Response.status(e.status()).entity(form(id, d, reasons)).build();
    }

    private static final List<String> FIELDS = List.of("kind", "title", "sector", "level", "cityCode", "startsOn", "endsOn", "place",
            "hours", "capacity");

    private static Map<String, String> draft(FormFields form) {
        Map<String, String> d = new HashMap<>();
        FIELDS.forEach(f -> d.put(f, form.first(f) == null ? "" : form.first(f)));
        return d;
    }

    /** The form's fields as the rules read them; what cannot be read is left out (the rules then name it). */
    static ClassRules.PlanForm planForm(Map<String, String> d) {
        Level level = parse(Level.class, d.get("level"));
        String city = d.get("cityCode");
        return new ClassRules.PlanForm(parse(ClassKind.class, d.get("kind")), d.get("title"), parse(Sector.class, d.get("sector")), level,
                level == Level.CITY && city != null && !city.isBlank() ? city.strip() : null, date(d.get("startsOn")), date(d.get("endsOn")),
                d.get("place"), d.get("hours") != null && d.get("hours").strip().matches("[0-9]{1,4}(\\.[0-9]{1,3})?")
                        ? new BigDecimal(d.get("hours").strip()) : null,
                d.get("capacity") != null && d.get("capacity").strip().matches("[0-9]{1,6}") ? Integer.valueOf(d.get("capacity").strip())
                        : null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        return null;
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.PROFESSIONAL_, Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    public Uni<TemplateInstance> one(@PathParam("id") long id, @QueryParam("done") String done) {
        String notice = done == null ? null : switch (done) {
            case "filed" -> "办班计划已提交，等待同级行业主管部门审核。";
            case "enrolled" -> "报名成功。";
            case "recorded" -> "结果已登记，考核合格的人员已记入学时。";
            default -> null;
        };
        return page(id, List.of(), notice);
    }

    private Uni<TemplateInstance> page(long id, List<String> refusals, String notice) {
        Actor a = actor();
        return plans.view(id, a, learner()).flatMap(p -> {
            boolean mayRecord = p.organisedByMe() && p.state() == ClassPlanService.PlanState.FILED;
            Uni<List<ClassPlanService.RosterLine>> roster = p.organisedByMe() ? plans.roster(a, id) : Uni.createFrom().item(List.of());
            boolean mayDecide = user.hasRole(Role.AUTHORITY_REVIEWER_) && !p.organisedByMe()
                    && p.state() == ClassPlanService.PlanState.SUBMITTED;
            boolean mayEnrol = learner() != null && p.state() == ClassPlanService.PlanState.FILED && !p.enrolledByMe()
                    && plans.today().isBefore(p.startsOn());
            return roster.map(r -> Templates.one(frame.chrome(), p, mayDecide, mayEnrol, r, mayRecord, RosterSheet.FORMAT_HELP, refusals,
                    notice));
        });
    }

    private Uni<Response> pageWith(long id, ProblemException e) {
        if (e.status() == 404) {
            throw e;
        }
        return page(id, List.of(e.detail()), null).map(t -> Response.status(e.status()).entity(t).build());
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Role.AUTHORITY_REVIEWER_)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") long id, FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        String decision = form.first("decision");
        ReviewAction action = "APPROVE".equals(decision) ? ReviewAction.APPROVE : "RETURN".equals(decision) ? ReviewAction.RETURN : null;
        if (action == null) {
            return pageWith(id, ProblemException.badRequest("invalid-decision", "请选择“通过”或“退回”。"));
        }
        return plans.decide(actor(), id, action, form.first("reason"))
                .map(v -> Response.seeOther(URI.create("/classes?done=" + (action == ReviewAction.APPROVE ? "approved" : "returned"))).build())
                .onFailure(ProblemException.class).recoverWithUni(e -> pageWith(id, (ProblemException) e));
    }

    @POST
    @Path("{id}/enrolment")
    @RolesAllowed(Role.PROFESSIONAL_)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> enrol(@PathParam("id") long id, FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        return plans.enrol(actor(), user.professionalId(), id).map(v -> Response.seeOther(URI.create("/classes/" + id + "?done=enrolled"))
                .build()).onFailure(ProblemException.class).recoverWithUni(e -> pageWith(id, (ProblemException) e));
    }

    /** The roster form: for each listed person, attended and passed boxes. */
    @POST
    @Path("{id}/results")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> results(@PathParam("id") long id, FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        List<ClassPlanService.Result> results = new ArrayList<>();
        for (String person : form.all().getOrDefault("people", List.of())) {
            if (!person.matches("[1-9][0-9]{0,17}")) {
                return pageWith(id, ProblemException.badRequest("invalid-results", "名单已变化，请刷新页面后重试。"));
            }
            boolean attended = "on".equals(form.first("attended-" + person));
            boolean passed = "on".equals(form.first("passed-" + person));
            results.add(new ClassPlanService.Result(Long.valueOf(person), attended, passed));
        }
        if (results.isEmpty()) {
            return pageWith(id, ProblemException.unprocessable("invalid-results", "本班还没有报名人员。"));
        }
        return plans.record(actor(), id, results).flatMap(outcomes -> {
            List<String> refused = outcomes.stream().filter(o -> o.status() == ClassRules.ResultStatus.REFUSED)
                    .map(o -> "人员 " + o.professionalId() + "：" + o.reason()).toList();
            if (refused.isEmpty()) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/classes/" + id + "?done=recorded")).build());
            }
            return page(id, refused, "其余人员的结果已登记。").map(t -> Response.status(200).entity(t).build());
        }).onFailure(ProblemException.class).recoverWithUni(e -> pageWith(id, (ProblemException) e));
    }
}
