package cn.gd.xueshi.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.StaffOutcome;
import cn.gd.xueshi.shared.Years;

/** An employer administrator's staff: the unit's standing, imports, one person at a time, leaving. */
@Path("/api/employer/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EMPLOYER_ADMIN_)
public class StaffResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StaffService staff;
    private final CurrentUser user;

    public StaffResource(StaffService staff, CurrentUser user) {
        this.staff = staff;
        this.user = user;
    }

    /** One person as a row of the file has them; the rules are {@link StaffRules}'. */
    public record NewMember(@NotNull(message = "姓名不能为空") @Size(max = 200, message = "姓名过长") String name,
            @NotNull(message = "身份证号不能为空") @Size(max = 40, message = "身份证号过长") String idNumber,
            @NotNull(message = "行业不能为空") @Size(max = 40, message = "行业过长") String sector,
            @NotNull(message = "职称级别不能为空") @Size(max = 20, message = "职称级别过长") String titleLevel,
            @NotNull(message = "所在城市不能为空") @Size(max = 20, message = "所在城市过长") String cityCode) {
    }

    private long unit() {
        return StaffScope.unit(user.roles(), user.employerId());
    }

    /** The unit's current staff, by name, with each one's hours for the year against its requirement. */
    @GET
    public Uni<StaffViews.Standing> standing(@QueryParam("year") String year,
            @QueryParam("offset") @DefaultValue("0") @Min(value = 0, message = "offset 不能为负数") int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = "limit 应为 1–200")
            @Max(value = 200, message = "limit 应为 1–200") int limit) {
        long unit = unit();
        return staff.standing(unit, year == null ? staff.thisYear() : Years.parse(year), offset, limit);
    }

    /** Imports a CSV or XLSX staff file ({@link StaffSheet}); answers a per-row report. */
    @POST
    @Path("import")
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Uni<StaffViews.StaffImportReport> importFile(byte[] body) {
        return staff.importFile(unit(), body == null ? new byte[0] : body, user.username());
    }

    /** One person: 201 when created, 200 when linked, moved or already here; 422 with the reason when refused. */
    @POST
    public Uni<Response> add(@Valid @NotNull(message = "请求内容不能为空") NewMember m) {
        return staff.add(unit(), m.name(), m.idNumber(), m.sector(), m.titleLevel(), m.cityCode(), user.username())
                .map(o -> Response.status(o.outcome() == StaffOutcome.CREATED ? 201 : 200).entity(o).build());
    }

    /** Ends the person's employment in the unit today; 404 for anyone not in the caller's unit. */
    @DELETE
    @Path("{professionalId}")
    public Uni<Response> remove(@PathParam("professionalId") long professionalId) {
        return staff.remove(unit(), professionalId, user.username()).map(x -> Response.noContent().build());
    }
}
