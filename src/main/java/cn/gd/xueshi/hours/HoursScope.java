package cn.gd.xueshi.hours;

import cn.gd.xueshi.identity.Scope;

/** The hours feature's one scope check: an HR administrator acts on professionals their region covers. */
public final class HoursScope {

    private HoursScope() {
    }

    /** Whether HR acting at {@code hr} may revoke hours of a professional placed at {@code professional}. */
    public static boolean mayRevoke(Scope hr, Scope professional) {
        return hr != null && hr.level() != null && professional != null && hr.regionCovers(professional);
    }
}
