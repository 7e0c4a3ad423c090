package cn.gd.xueshi.classplan;

import java.util.Objects;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.review.Actor;

/**
 * The feature's scope checks besides the review policy, pure: who organises a plan (the account
 * that filed it, and for a unit's plan every administrator of that unit) and which HR department a
 * filed plan is filed with (the one of its own level and city).
 */
public final class ClassScope {

    private ClassScope() {
    }

    /** Whether the actor organises a plan filed by {@code filer} (for a unit, {@code unit}; else null). */
    public static boolean organises(Actor actor, long filer, Long unit) {
        return actor.accountId() == filer
                || unit != null && actor.is(Role.EMPLOYER_ADMIN) && unit.equals(actor.scope().employerId());
    }

    /** Whether a plan of this level and city is filed with the actor's HR department. */
    public static boolean filedWith(Actor actor, Level level, String cityCode) {
        return actor.is(Role.HR_ADMIN) && actor.scope().level() == level && Objects.equals(actor.scope().cityCode(), cityCode);
    }
}
