package cn.gd.xueshi.media;
// STUB until the media-probe branch lands
public final class Captions { public static String refusal(byte[] b) { return null; } }
