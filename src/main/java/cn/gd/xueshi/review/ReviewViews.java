package cn.gd.xueshi.review;

import java.time.Instant;
import java.util.List;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Sector;

/** What the review API and pages show of an item. */
public final class ReviewViews {

    private ReviewViews() {
    }

    public record Transition(ReviewStep action, ReviewState from, ReviewState to, long actorAccountId, String actorName, Role actorRole,
            String reason, Instant at) {
    }

    public record Item(long reviewId, ReviewKind kind, long subjectId, String title, ReviewState state, long ownerAccountId,
            Level level, String cityCode, Sector sector, Instant createdAt, Instant updatedAt, List<Transition> transitions) {

        /** The reasons of the last return, or null. */
        public String lastReturnReason() {
            for (int i = transitions.size() - 1; i >= 0; i--) {
                if (transitions.get(i).to() == ReviewState.RETURNED) {
                    return transitions.get(i).reason();
                }
            }
            return null;
        }
    }

    static Item of(ReviewItem i, List<ReviewTransition> ts) {
        return new Item(i.id, i.kind, i.subjectId, i.title, i.state, i.ownerAccountId, i.scopeLevel, i.scopeCity, i.scopeSector,
                i.createdAt, i.updatedAt, ts.stream().map(t -> new Transition(t.action, t.fromState, t.toState, t.actorAccountId,
                        t.actorName, t.actorRole, t.reason, t.at)).toList());
    }
}
