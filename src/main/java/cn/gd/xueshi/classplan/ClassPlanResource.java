package cn.gd.xueshi.classplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.review.Actors;
import cn.gd.xueshi.review.ReviewAction;
import cn.gd.xueshi.review.ReviewState;
import cn.gd.xueshi.shared.ProblemException;

/** Class plans and seminars: filing, review, HR's list, enrolment and results. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ClassPlanResource {

    private final ClassPlanService plans;
    private final CurrentUser user;

    public ClassPlanResource(ClassPlanService plans, CurrentUser user) {
        this.plans = plans;
        this.user = user;
    }

    /** A plan as its organiser files it. */
    public record PlanRequest(@NotNull(message = "请选择类型 CLASS（面授培训班）或 SEMINAR（高级研修）") ClassKind kind,
            @NotBlank(message = "请填写名称") @Size(max = 200, message = "名称不超过 200 字") String title,
            @NotNull(message = "请选择行业") Sector sector,
            @NotNull(message = "请选择级别 PROVINCE 或 CITY") Level level,
            @Size(min = 4, max = 4, message = "城市代码为 4 位") String cityCode,
            @NotNull(message = "请填写开班日期") LocalDate startsOn,
            @NotNull(message = "请填写结束日期") LocalDate endsOn,
            @NotBlank(message = "请填写地点") @Size(max = 200, message = "地点不超过 200 字") String place,
            @NotNull(message = "请填写学时") @DecimalMin(value = "0.1", message = "学时应大于 0") @Digits(integer = 4, fraction = 1,
                    message = "学时最多一位小数") BigDecimal hours,
            @NotNull(message = "请填写人数上限") @Min(value = 1, message = "人数上限至少为 1") @Max(value = 10000,
                    message = "人数上限不超过 10000") Integer capacity) {

        ClassRules.PlanForm form() {
            return new ClassRules.PlanForm(kind, title, sector, level, cityCode, startsOn, endsOn, place, hours, capacity);
        }
    }

    public record PlanDecisionRequest(@NotNull(message = "请选择 APPROVE（通过）或 RETURN（退回）") PlanDecision decision,
            @Size(max = 1000, message = "原因不超过 1000 字") String reason) {
    }

    public enum PlanDecision {
        APPROVE, RETURN
    }

    public record ResultsRequest(@NotNull(message = "请提交结果") @Size(min = 1, max = ClassPlanService.MAX_RESULTS,
            message = "一次提交 1–10000 人的结果") List<ClassPlanService.@NotNull Result> results) {
    }

    public record ResultsSummary(int credited, int recorded, int unchanged, int refused, List<ClassPlanService.ResultOutcome> results) {

        static ResultsSummary of(List<ClassPlanService.ResultOutcome> outcomes) {
            int[] n = new int[ClassRules.ResultStatus.values().length];
            outcomes.forEach(o -> n[o.status().ordinal()]++);
            return new ResultsSummary(n[0], n[1], n[2], n[3], outcomes);
        }
    }

    /** An industry authority, an employer (with the authority's consent) or an HR department files a plan; 422 when late. */
    @POST
    @Path("/class-plans")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> file(@Valid @NotNull(message = "请求内容不能为空") PlanRequest request) {
        return plans.file(Actors.of(user), request.form()).map(v -> Response.status(201).entity(v).build());
    }

    /** The organiser corrects a returned plan and hands it in again. */
    @PUT
    @Path("/class-plans/{id}")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ClassPlanService.PlanView> correct(@PathParam("id") long id, @Valid @NotNull(message = "请求内容不能为空") PlanRequest request) {
        return plans.correct(Actors.of(user), id, request.form());
    }

    /** One plan, for its organiser, its reviewers, its HR department, and professionals of its sector once filed. */
    @GET
    @Path("/class-plans/{id}")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_, Role.PROFESSIONAL_})
    public Uni<ClassPlanService.PlanView> one(@PathParam("id") long id) {
        return plans.view(id, Actors.of(user), learner());
    }

    /** The plans the caller's office or unit organises. */
    @GET
    @Path("/class-plans/mine")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    public Uni<List<ClassPlanService.PlanView>> mine() {
        return plans.mine(Actors.of(user));
    }

    /** Filed classes a professional may still enrol in. */
    @GET
    @Path("/class-plans/open")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<List<ClassPlanService.PlanView>> open() {
        return plans.open(Actors.of(user), user.professionalId());
    }

    /** The classes the professional enrolled in. */
    @GET
    @Path("/me/class-enrolments")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<List<ClassPlanService.PlanView>> enrolled() {
        return plans.enrolled(Actors.of(user), user.professionalId());
    }

    /** The reviewer's queue: plans of their sector, level and city in a state (default SUBMITTED). */
    @GET
    @Path("/reviewer/class-plans")
    @RolesAllowed(Role.AUTHORITY_REVIEWER_)
    public Uni<List<ClassPlanService.PlanView>> queue(@QueryParam("state") @DefaultValue("SUBMITTED") String state) {
        return plans.queue(Actors.of(user), reviewState(state));
    }

    /** The authority approves (files it with HR of the same level) or returns a plan with a reason. */
    @POST
    @Path("/class-plans/{id}/decision")
    @RolesAllowed(Role.AUTHORITY_REVIEWER_)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ClassPlanService.PlanView> decide(@PathParam("id") long id, @Valid @NotNull(message = "请求内容不能为空") PlanDecisionRequest request) {
        return plans.decide(Actors.of(user), id, request.decision() == PlanDecision.APPROVE ? ReviewAction.APPROVE : ReviewAction.RETURN,
                request.reason());
    }

    /** The plans filed with the caller's HR department (its level and city). */
    @GET
    @Path("/hr/class-plans")
    @RolesAllowed(Role.HR_ADMIN_)
    public Uni<List<ClassPlanService.PlanView>> filed(@QueryParam("state") @DefaultValue("FILED") String state) {
        if (!"FILED".equals(state)) {
            throw ProblemException.badRequest("invalid-state", "人力资源社会保障部门的列表只有已备案（state=FILED）的办班计划。");
        }
        return plans.filed(Actors.of(user));
    }

    /** A professional enrols; 409 when full, closed or already enrolled, 422 when not eligible. */
    @POST
    @Path("/class-plans/{id}/enrolments")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<Response> enrol(@PathParam("id") long id) {
        return plans.enrol(Actors.of(user), user.professionalId(), id).map(v -> Response.status(201).entity(v).build());
    }

    /** The people enrolled and their recorded results, for the organiser. */
    @GET
    @Path("/class-plans/{id}/enrolments")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    public Uni<List<ClassPlanService.RosterLine>> roster(@PathParam("id") long id) {
        return plans.roster(Actors.of(user), id);
    }

    /** The organiser records attendance and assessment; every pass is credited once. */
    @POST
    @Path("/class-plans/{id}/results")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ResultsSummary> results(@PathParam("id") long id, @Valid @NotNull(message = "请求内容不能为空") ResultsRequest request) {
        return plans.record(Actors.of(user), id, request.results()).map(ResultsSummary::of);
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The organiser uploads the class's roster (CSV or XLSX: 身份证号, 出勤, 考核); a per-row report. */
    @POST
    @Path("/class-plans/{id}/roster")
    @RolesAllowed({Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.HR_ADMIN_})
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Uni<ClassPlanService.RosterReport> roster(@PathParam("id") long id, byte[] body) {
        return plans.recordRoster(Actors.of(user), id, body);
    }

    private Long learner() {
        return user.isProfessional() ? user.professionalId() : null;
    }

    static ReviewState reviewState(String state) {
        return java.util.Arrays.stream(ReviewState.values()).filter(v -> v.name().equals(state)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("invalid-state", "state 应为 SUBMITTED、APPROVED 或 RETURNED。"));
    }
}
