package cn.gd.xueshi.identity;

/** Where an authority or HR department sits: the province (44) or one of the 21 cities. */
public enum Level {
    PROVINCE, CITY
}
