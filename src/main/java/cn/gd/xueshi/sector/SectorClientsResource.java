package cn.gd.xueshi.sector;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;

/** The provincial HR department's view of the sector systems' clients: register, rotate, enable, and what each pushed. */
@Path("/api/hr/sector-clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.HR_ADMIN_)
public class SectorClientsResource {

    private final SectorClientsService service;
    private final CurrentUser user;

    public SectorClientsResource(SectorClientsService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    public record NewSectorClient(
            @NotNull(message = "客户端编号不能为空") @Size(max = 24, message = "客户端编号最多 24 个字符")
            @Schema(required = true, description = "3–24 lower-case letters, digits and hyphens", example = "edu-system") String clientId,
            @NotNull(message = "名称不能为空") @Size(min = 1, max = 100, message = "名称应为 1–100 个字符")
            @Schema(required = true, example = "省教育厅继续教育系统") String name,
            @NotNull(message = "行业不能为空") @Size(max = 40, message = "行业过长")
            @Schema(required = true, enumeration = {"EDUCATION", "HEALTH"}, description = "A sector whose own system pushes hours")
            String sector) {
    }

    public record SectorClientChange(@NotNull(message = "enabled 不能为空") @Schema(required = true) Boolean enabled) {
    }

    private void requireScope() {
        SectorScope.requireProvinceHr(user.roles(), user.scope());
    }

    @GET
    @Operation(summary = "The sector systems' clients, with what each has pushed")
    public Uni<List<SectorViews.SectorClient>> list() {
        requireScope();
        return service.list();
    }

    @POST
    @Operation(summary = "Register a sector system's client; answers its secret, this once")
    public Uni<Response> register(@Valid @NotNull(message = "请求内容不能为空") NewSectorClient c) {
        requireScope();
        return service.register(c.clientId(), c.name(), c.sector(), user.username())
                .map(secret -> Response.status(201).entity(secret).build());
    }

    @PATCH
    @Path("{clientId}")
    @Operation(summary = "Enable or disable a client: a disabled client gets no token and its tokens push nothing")
    public Uni<SectorViews.SectorClient> change(@PathParam("clientId") String clientId,
            @Valid @NotNull(message = "请求内容不能为空") SectorClientChange change) {
        requireScope();
        return service.enable(clientId, change.enabled(), user.username());
    }

    @POST
    @Path("{clientId}/secret")
    @Operation(summary = "Rotate a client's secret: the old one stops at once, and so do tokens issued under it; answers the new one, this once")
    public Uni<SectorViews.SectorClientSecret> rotate(@PathParam("clientId") String clientId) {
        requireScope();
        return service.rotate(clientId, user.username());
    }

    @GET
    @Path("{clientId}/records")
    @Operation(summary = "What a client pushed, newest first, optionally of one year and one status (ACCEPTED or REFUSED)")
    public Uni<SectorViews.SectorPushedRecords> records(@PathParam("clientId") String clientId, @QueryParam("year") String year,
            @QueryParam("status") String status,
            @QueryParam("offset") @DefaultValue("0") @Min(value = 0, message = "offset 不能为负数") int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "limit 应为 1–1000")
            @Max(value = 1000, message = "limit 应为 1–1000") int limit) {
        requireScope();
        return service.records(clientId, year, status, offset, limit);
    }
}
