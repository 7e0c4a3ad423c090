package cn.gd.xueshi.identity;

/** A professional as a unit states them: checked name, ID number, sector, title level and city. */
public record Person(String name, IdNumber id, Sector sector, TitleLevel titleLevel, String cityCode) {
}
