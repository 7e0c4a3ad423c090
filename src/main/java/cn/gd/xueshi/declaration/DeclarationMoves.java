package cn.gd.xueshi.declaration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.EmploymentChanges;
import cn.gd.xueshi.identity.Placements;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewService;

/**
 * A declarant who moves to another unit takes what is still open with them: undecided declarations
 * go to the new unit's queue; decided ones stay with the unit that decided them.
 */
@ApplicationScoped
public class DeclarationMoves implements EmploymentChanges {

    private final ReviewService reviews;
    private final Placements placements;

    public DeclarationMoves(ReviewService reviews, Placements placements) {
        this.reviews = reviews;
        this.placements = placements;
    }

    @Override
    public Uni<Void> moved(long professionalId, Long fromEmployerId, long toEmployerId) {
        return Declaration.<Declaration>list("professionalId", professionalId).flatMap(ds -> ds.isEmpty() ? Uni.createFrom().item(0)
                : placements.of(professionalId)
                .flatMap(place -> {
                    java.util.List<Long> ids = ds.stream().map(d -> d.id).toList();
                    Scope there = new Scope(place.scope().level(), place.cityCode(), place.sector(), toEmployerId);
                    return reviews.items(ReviewKind.DECLARATION, ids).flatMap(items -> {
                        java.util.List<Long> open = ds.stream().filter(d -> items.containsKey(d.id)
                                && items.get(d.id).state() != cn.gd.xueshi.review.ReviewState.APPROVED).map(d -> d.id).toList();
                        ds.stream().filter(d -> open.contains(d.id)).forEach(d -> d.employerId = toEmployerId);
                        return reviews.relocate(ReviewKind.DECLARATION, open, there);
                    });
                })).replaceWithVoid();
    }
}
