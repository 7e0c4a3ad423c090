package cn.gd.xueshi.identity;

/**
 * Where a caller acts, or where a thing belongs: a level, a city at city level, a sector and an
 * employer where they apply (null where they do not).
 */
public record Scope(Level level, String cityCode, Sector sector, Long employerId) {

    public static final Scope PROVINCE = new Scope(Level.PROVINCE, null, null, null);

    public Scope {
        if (level == Level.CITY && !GuangdongCity.isCity(cityCode)) {
            throw new IllegalArgumentException("a city-level scope needs one of Guangdong's city codes: " + cityCode);
        }
    }

    public static Scope province(Sector sector) {
        return new Scope(Level.PROVINCE, null, sector, null);
    }

    public static Scope city(String cityCode, Sector sector) {
        return new Scope(Level.CITY, cityCode, sector, null);
    }

    /**
     * Whether a caller acting here may see a thing that belongs {@code there}, by region: the
     * province sees every city, a city only itself. Sector and employer are the policies' business.
     */
    public boolean regionCovers(Scope there) {
        return level == Level.PROVINCE || level == Level.CITY && there.level() == Level.CITY && there.cityCode().equals(cityCode);
    }
}
