package cn.gd.xueshi.sector;

import java.util.Set;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.shared.ProblemException;

/**
 * The feature's one scope check. A sector system's client serves the whole province (the education
 * and health departments' systems are provincial), so only the provincial HR department registers,
 * rotates and reads them; a city's HR administrator is refused (403).
 */
final class SectorScope {

    private SectorScope() {
    }

    static void requireProvinceHr(Set<Role> roles, Scope scope) {
        if (!roles.contains(Role.HR_ADMIN) || scope == null || scope.level() != Level.PROVINCE) {
            throw ProblemException.forbidden("not-province-hr", "行业系统客户端由省人力资源社会保障部门管理。");
        }
    }
}
