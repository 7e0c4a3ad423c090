package cn.gd.xueshi.hours;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/** The learner's yearly record of hours. */
@Path("/me/hours")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class HoursPages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance hours(Chrome chrome, int year, HourLedger.Statement statement);
    }

    private final HourLedger ledger;
    private final CurrentUser user;
    private final PageFrame frame;

    public HoursPages(HourLedger ledger, CurrentUser user, PageFrame frame) {
        this.ledger = ledger;
        this.user = user;
        this.frame = frame;
    }

    @GET
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<TemplateInstance> hoursPage(@QueryParam("year") Integer year) {
        int y = year == null ? frame.year() : year;
        return ledger.statement(user.professionalId(), y).map(s -> Templates.hours(frame.chrome(), y, s));
    }
}
