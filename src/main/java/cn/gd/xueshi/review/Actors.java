package cn.gd.xueshi.review;

import cn.gd.xueshi.identity.CurrentUser;

/** The signed-in caller as the review mechanism sees them. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(CurrentUser user) {
        return new Actor(user.accountId(), user.roles(), user.scope(), user.displayName() == null ? user.username() : user.displayName());
    }
}
