package cn.gd.xueshi.classplan;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.review.Actor;
import cn.gd.xueshi.review.ReviewKind;
import cn.gd.xueshi.review.ReviewOutcome;
import cn.gd.xueshi.review.ReviewState;

/** An approved plan is filed (备案) with the HR department of its level, in the decision's transaction. */
@ApplicationScoped
public class ClassPlanOutcome implements ReviewOutcome {

    @Override
    public ReviewKind kind() {
        return ReviewKind.CLASS_PLAN;
    }

    @Override
    public Uni<Void> decided(long planId, ReviewState to, Instant at, Actor by) {
        if (to != ReviewState.APPROVED) {
            return Uni.createFrom().voidItem();
        }
        return ClassPlan.<ClassPlan>findById(planId).invoke(p -> {
            p.filedAt = at;
            p.updatedAt = at;
        }).replaceWithVoid();
    }
}
