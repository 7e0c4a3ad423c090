package cn.gd.xueshi.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.shared.ProblemException;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    private final RegistrationService registration;
    private final CurrentUser user;

    public RegistrationResource(RegistrationService registration, CurrentUser user) {
        this.registration = registration;
        this.user = user;
    }

    public record EmployerView(long id, String name, String creditCode, String cityCode, boolean checksumOverride) {
    }

    /** HR administrators register employers. */
    @POST
    @Path("/employers")
    @RolesAllowed(Role.HR_ADMIN_)
    public Uni<Response> registerEmployer(RegistrationService.NewEmployer request) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "请提供单位信息。");
        }
        return registration.registerEmployer(request).map(e -> Response.status(201)
                .entity(new EmployerView(e.id, e.name, e.creditCode, e.cityCode, e.checksumOverride)).build());
    }

    /** HR administrators register anyone; employer administrators only their own staff. */
    @POST
    @Path("/professionals")
    @RolesAllowed({Role.HR_ADMIN_, Role.EMPLOYER_ADMIN_})
    public Uni<Response> registerProfessional(RegistrationService.NewProfessional request) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "请提供人员信息。");
        }
        Long scope = null;
        if (!user.hasRole(Role.HR_ADMIN_)) {
            scope = user.employerId();
            if (scope == null) {
                throw ProblemException.forbidden("no-employer", "该单位管理员账号未关联单位。");
            }
        }
        return registration.registerProfessional(request, scope).map(r -> Response.status(201).entity(r).build());
    }
}
