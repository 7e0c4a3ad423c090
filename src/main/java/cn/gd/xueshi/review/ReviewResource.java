package cn.gd.xueshi.review;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;

/** Reviewers' queues and decisions, and every item's history, for all kinds of review. */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService reviews;
    private final CurrentUser user;

    public ReviewResource(ReviewService reviews, CurrentUser user) {
        this.reviews = reviews;
        this.user = user;
    }

    public enum Decision {
        APPROVE, RETURN
    }

    public record DecisionRequest(
            @NotNull(message = "请选择审核结论：APPROVE（通过）或 RETURN（退回）") Decision decision,
            @Size(max = 1000, message = "原因不能超过 1000 字") String reason) {
    }

    /** The caller's queue: items in a state (default SUBMITTED) that they may decide, within their scope. */
    @GET
    @RolesAllowed({Role.HR_ADMIN_, Role.AUTHORITY_REVIEWER_})
    public Uni<List<ReviewViews.Item>> queue(@QueryParam("state") ReviewState state) {
        return reviews.queue(Actors.of(user), state == null ? ReviewState.SUBMITTED : state);
    }

    /** One item with every transition: for its owner and whoever may decide it (404 for anyone else). */
    @GET
    @Path("{reviewId}")
    @RolesAllowed({Role.EDITOR_, Role.HR_ADMIN_, Role.AUTHORITY_REVIEWER_, Role.EMPLOYER_ADMIN_, Role.PROFESSIONAL_})
    public Uni<ReviewViews.Item> item(@PathParam("reviewId") long reviewId) {
        return reviews.item(reviewId, Actors.of(user));
    }

    /** Approve, or return with reasons the owner sees; only the reviewer the kind's policy names. */
    @POST
    @Path("{reviewId}/decisions")
    @RolesAllowed({Role.HR_ADMIN_, Role.AUTHORITY_REVIEWER_})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ReviewViews.Item> decide(@PathParam("reviewId") long reviewId, @Valid @NotNull(message = "请求内容不能为空") DecisionRequest request) {
        return reviews.decide(reviewId, Actors.of(user),
                request.decision() == Decision.APPROVE ? ReviewAction.APPROVE : ReviewAction.RETURN, request.reason());
    }
}
