package cn.gd.xueshi.media;
// STUB until the media-probe branch lands
public interface RangeReader { long size(); byte[] read(long offset, int length) throws java.io.IOException; }
