package cn.gd.xueshi.review;

import java.util.Set;

import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;

/** Who acts on a review item: their account, roles and scope. */
public record Actor(long accountId, Set<Role> roles, Scope scope) {

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
