package cn.gd.xueshi.catalog;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;

/** Years and public subjects, set by the provincial HR department; editors read them to place courses. */
@Path("/api/catalog/years")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogAdminResource {

    private final CatalogAdmin admin;
    private final CurrentUser user;

    public CatalogAdminResource(CatalogAdmin admin, CurrentUser user) {
        this.admin = admin;
        this.user = user;
    }

    public record YearRequest(
            @NotNull(message = "请填写年度") @Min(value = 2000, message = "年度不正确") @Max(value = 2100, message = "年度不正确") Integer year,
            @NotBlank(message = "请填写年度名称") @Size(max = 200, message = "年度名称不能超过 200 字") String title) {
    }

    public record SubjectRequest(
            @NotBlank(message = "请填写科目代码") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "科目代码只能用小写字母、数字和连字符") String code,
            @NotBlank(message = "请填写科目名称") @Size(max = 200, message = "科目名称不能超过 200 字") String title,
            @Size(max = 50000, message = "学习指南不能超过 50000 字") String guideMarkdown) {
    }

    /** Every year with its subjects. */
    @GET
    @RolesAllowed({Role.HR_ADMIN_, Role.EDITOR_, Role.AUTHORITY_REVIEWER_})
    public Uni<List<CatalogAdmin.YearRow>> years() {
        return admin.years();
    }

    @POST
    @RolesAllowed(Role.HR_ADMIN_)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createYear(@Valid @NotNull(message = "请求内容不能为空") YearRequest r) {
        return admin.createYear(user.scope(), r.year(), r.title()).map(y -> Response.status(201).entity(y).build());
    }

    @POST
    @Path("{year}/subjects")
    @RolesAllowed(Role.HR_ADMIN_)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createSubject(@PathParam("year") int year, @Valid @NotNull(message = "请求内容不能为空") SubjectRequest r) {
        return admin.createSubject(user.scope(), year, r.code(), r.title(), r.guideMarkdown()).map(s -> Response.status(201).entity(s).build());
    }
}
