package cn.gd.xueshi.review;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * How the feature that owns a kind of item reacts to a decision, in the decision's transaction:
 * the catalog publishes an approved course. Failing (a {@code ProblemException}) undoes the decision.
 */
public interface ReviewOutcome {

    ReviewKind kind();

    /** Called before the item is submitted: why it may not be (in Chinese), empty when it may. */
    default Uni<java.util.List<String>> submissionRefusals(long subjectId) {
        return Uni.createFrom().item(java.util.List.of());
    }

    /** The item of {@code subjectId} was moved to {@code to} by {@code by}, in the role the policy names. */
    Uni<Void> decided(long subjectId, ReviewState to, Instant at, Actor by);
}
