package cn.gd.xueshi.hours;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;

class HoursScopeTest {

    private static final Scope GUANGZHOU_PROFESSIONAL = new Scope(Level.CITY, "4401", Sector.ENGINEERING, 3L);

    @Test
    void provincialHrCoversEveryCityAndCityHrOnlyItsOwn() {
        assertTrue(HoursScope.mayRevoke(Scope.PROVINCE, GUANGZHOU_PROFESSIONAL));
        assertTrue(HoursScope.mayRevoke(Scope.city("4401", null), GUANGZHOU_PROFESSIONAL));
        assertFalse(HoursScope.mayRevoke(Scope.city("4403", null), GUANGZHOU_PROFESSIONAL));
    }

    @Test
    void noScopeOrNoPlaceMeansNo() {
        assertFalse(HoursScope.mayRevoke(new Scope(null, null, null, null), GUANGZHOU_PROFESSIONAL));
        assertFalse(HoursScope.mayRevoke(null, GUANGZHOU_PROFESSIONAL));
        assertFalse(HoursScope.mayRevoke(Scope.PROVINCE, null));
    }
}
