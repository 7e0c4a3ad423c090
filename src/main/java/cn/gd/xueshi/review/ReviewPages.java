package cn.gd.xueshi.review;

import java.net.URI;
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

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.shared.FormFields;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/** Reviewers' pages: their queue within their scope, an item with its history, and the decision. */
@Path("/reviews")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.HR_ADMIN_, Role.AUTHORITY_REVIEWER_})
public class ReviewPages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance queue(Chrome chrome, List<ReviewViews.Item> items, String state, String stateLabel);

        static native TemplateInstance item(Chrome chrome, ReviewViews.Item item, String preview, String message);
    }

    private final ReviewService reviews;
    private final CurrentUser user;
    private final PageFrame frame;

    public ReviewPages(ReviewService reviews, CurrentUser user, PageFrame frame) {
        this.reviews = reviews;
        this.user = user;
        this.frame = frame;
    }

    @GET
    public Uni<TemplateInstance> queue(@QueryParam("state") ReviewState state) {
        ReviewState s = state == null ? ReviewState.SUBMITTED : state;
        return reviews.queue(Actors.of(user), s).map(items -> Templates.queue(frame.chrome(), items, s.name(), label(s)));
    }

    static String label(ReviewState s) {
        return switch (s) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "待审核";
            case RETURNED -> "已退回";
            case APPROVED -> "已通过";
        };
    }

    @GET
    @Path("{id}")
    public Uni<Response> item(@PathParam("id") long id) {
        return item(id, null, 200);
    }

    private Uni<Response> item(long id, String message, int status) {
        return reviews.item(id, Actors.of(user)).map(item -> Response.status(status)
                .entity(Templates.item(frame.chrome(), item, preview(item), message)).build());
    }

    /** Where the reviewer sees the thing under review as its users will. */
    static String preview(ReviewViews.Item item) {
        return switch (item.kind()) {
            case COURSE -> "/authoring/courses/" + item.subjectId() + "/preview";
            case CLASS_PLAN, DECLARATION, YEAR_CONFIRMATION -> null;
        };
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") long id, FormFields form) {
        frame.requireCsrf(form.first("csrf"));
        ReviewAction action = "APPROVE".equals(form.first("decision")) ? ReviewAction.APPROVE
                : "RETURN".equals(form.first("decision")) ? ReviewAction.RETURN : null;
        if (action == null) {
            return item(id, "请选择审核结论。", 422);
        }
        String reason = form.first("reason");
        if (reason != null && reason.length() > 1000) {
            return item(id, "原因不能超过 1000 字。", 422);
        }
        return reviews.decide(id, Actors.of(user), action, reason)
                .map(x -> Response.seeOther(URI.create("/reviews/" + id)).build())
                .onFailure(e -> e instanceof ProblemException p && p.status() != 404)
                .recoverWithUni(e -> item(id, ((ProblemException) e).detail(), ((ProblemException) e).status()));
    }
}
