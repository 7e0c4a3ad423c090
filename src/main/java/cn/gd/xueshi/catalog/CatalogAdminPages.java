package cn.gd.xueshi.catalog;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.shared.FormFields;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/** The provincial HR department's page for each year's catalog frame: years and their public subjects. */
@Path("/catalog-admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.HR_ADMIN_)
public class CatalogAdminPages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance years(Chrome chrome, List<CatalogAdmin.YearRow> years, String message);
    }

    private final CatalogAdmin admin;
    private final CurrentUser user;
    private final PageFrame frame;

    public CatalogAdminPages(CatalogAdmin admin, CurrentUser user, PageFrame frame) {
        this.admin = admin;
        this.user = user;
        this.frame = frame;
    }

    @GET
    public Uni<Response> years() {
        return page(null, 200);
    }

    private Uni<Response> page(String message, int status) {
        return admin.years().map(years -> Response.status(status).entity(Templates.years(frame.chrome(), years, message)).build());
    }

    @POST
    @Path("years")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createYear(FormFields form) {
        csrf(form);
        Uni<Response> done;
        try {
            int year = Integer.parseInt(String.valueOf(form.first("year")).strip());
            String title = form.first("title");
            if (year < 2000 || year > 2100 || title == null || title.isBlank() || title.length() > 200) {
                throw new NumberFormatException();
            }
            done = admin.createYear(user.scope(), year, title).map(x -> Response.seeOther(URI.create("/catalog-admin")).build());
        } catch (NumberFormatException e) {
            done = Uni.createFrom().failure(ProblemException.unprocessable("invalid-year", "请填写 2000–2100 之间的年度和年度名称（200 字以内）。"));
        }
        return done.onFailure(ProblemException.class).recoverWithUni(e -> page(((ProblemException) e).detail(), ((ProblemException) e).status()));
    }

    @POST
    @Path("subjects")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createSubject(FormFields form) {
        csrf(form);
        Uni<Response> done;
        try {
            int year = Integer.parseInt(String.valueOf(form.first("year")).strip());
            String code = String.valueOf(form.first("code")).strip();
            String title = form.first("title");
            String guide = form.first("guideMarkdown");
            if (!code.matches("[a-z0-9][a-z0-9-]{0,63}") || title == null || title.isBlank() || title.length() > 200
                    || guide != null && guide.length() > 50_000) {
                throw ProblemException.unprocessable("invalid-subject", "科目代码只能用小写字母、数字和连字符；科目名称 1–200 字；学习指南 50000 字以内。");
            }
            done = admin.createSubject(user.scope(), year, code, title, guide).map(x -> Response.seeOther(URI.create("/catalog-admin")).build());
        } catch (NumberFormatException e) {
            done = Uni.createFrom().failure(ProblemException.unprocessable("invalid-year", "请选择年度。"));
        } catch (ProblemException e) {
            done = Uni.createFrom().failure(e);
        }
        return done.onFailure(ProblemException.class).recoverWithUni(e -> page(((ProblemException) e).detail(), ((ProblemException) e).status()));
    }

    private void csrf(FormFields form) {
        frame.requireCsrf(form.first("csrf"));
    }
}
