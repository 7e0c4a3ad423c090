package cn.gd.xueshi.review;

import java.util.Set;

import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;

/** Who acts on a review item: their account, roles, scope, and the name the record shows. */
public record Actor(long accountId, Set<Role> roles, Scope scope, String name) {

    public Actor(long accountId, Set<Role> roles, Scope scope) {
        this(accountId, roles, scope, "#" + accountId);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
