package cn.gd.xueshi.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** ISO BMFF boxes written by hand: enough of an MP4 for the probe to judge. */
final class Mp4Bytes {

    private Mp4Bytes() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] u32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A box with a 32-bit size. */
    static byte[] box(String type, byte[]... body) {
        byte[] b = concat(body);
        return concat(u32(8 + b.length), ascii(type), b);
    }

    static byte[] ftyp() {
        return box("ftyp", ascii("isom"), u32(0x200), ascii("isomiso2avc1mp41"));
    }

    /** A movie header as muxers write it: 108 bytes in version 0, 120 in version 1. */
    static byte[] mvhd(int version, long timescale, long duration) {
        byte[] times = version == 1
                ? concat(u64(0), u64(0), u32(timescale), u64(duration))
                : concat(u32(0), u32(0), u32(timescale), u32(duration));
        byte[] matrix = concat(u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0), u32(0x40000000));
        return box("mvhd", u32((long) version << 24), times, u32(0x00010000), new byte[] {1, 0}, new byte[10], matrix,
                new byte[24], u32(2));
    }

    static byte[] moov(byte[]... children) {
        return box("moov", children);
    }

    /** A small whole MP4: ftyp, the movie box first, then the media data. */
    static byte[] mp4(long timescale, long duration) {
        return concat(ftyp(), moov(mvhd(0, timescale, duration), box("trak", box("tkhd", new byte[84]))),
                box("mdat", new byte[1_000]));
    }
}
