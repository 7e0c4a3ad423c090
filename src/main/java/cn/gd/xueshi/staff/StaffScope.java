package cn.gd.xueshi.staff;

import java.util.Set;

import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.shared.ProblemException;

/**
 * The feature's one scope check: an employer administrator acts on their own unit (the token's
 * {@code eid}) and on nobody outside it. Someone in another unit is answered as not found, so
 * professional ids cannot be probed.
 */
final class StaffScope {

    private StaffScope() {
    }

    /** The unit the caller administers; 403 for anyone else, and for an administrator of no unit. */
    static long unit(Set<Role> roles, Long employerId) {
        if (!roles.contains(Role.EMPLOYER_ADMIN)) {
            throw ProblemException.forbidden("not-employer-admin", "只有单位管理员可以管理本单位人员。");
        }
        if (employerId == null) {
            throw ProblemException.forbidden("no-employer", "该单位管理员账号未关联单位。");
        }
        return employerId;
    }

    /** Refuses (404) a person who is not currently in the caller's unit. */
    static void requireMember(boolean member, long professionalId) {
        if (!member) {
            throw ProblemException.notFound("本单位没有这名人员（编号 " + professionalId + "）。");
        }
    }
}
