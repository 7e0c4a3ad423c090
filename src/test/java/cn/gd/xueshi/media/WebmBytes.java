package cn.gd.xueshi.media;

import static cn.gd.xueshi.media.Mp4Bytes.concat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** EBML elements written by hand, as a WebM muxer lays them out. */
final class WebmBytes {

    static final long EBML = 0x1A45DFA3L;
    static final long SEGMENT = 0x18538067L;
    static final long SEEK_HEAD = 0x114D9B74L;
    static final long INFO = 0x1549A966L;
    static final long TRACKS = 0x1654AE6BL;
    static final long CLUSTER = 0x1F43B675L;
    static final long TIMECODE_SCALE = 0x2AD7B1L;
    static final long DURATION = 0x4489L;
    static final long VOID = 0xECL;

    /** The size vint that means "unknown": eight bytes, all value bits set. */
    static final byte[] UNKNOWN_SIZE = {0x01, -1, -1, -1, -1, -1, -1, -1};

    private WebmBytes() {
    }

    /** An id as written: big-endian, marker bits kept (0x1A45DFA3 is four bytes, 0xEC one). */
    static byte[] id(long id) {
        int n = id > 0xFFFFFFL ? 4 : id > 0xFFFFL ? 3 : id > 0xFFL ? 2 : 1;
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (id >>> (8 * (n - 1 - i)));
        }
        return b;
    }

    /** A size in the fewest bytes: a marker bit, then the value (never all ones, which means unknown). */
    static byte[] size(long value) {
        int n = 1;
        while (value >= (1L << (7 * n)) - 1) {
            n++;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (value >>> (8 * (n - 1 - i)));
        }
        b[0] |= (byte) (0x80 >>> (n - 1));
        return b;
    }

    static byte[] el(long id, byte[]... body) {
        byte[] b = concat(body);
        return concat(id(id), size(b.length), b);
    }

    static byte[] unknownSize(long id, byte[]... body) {
        return concat(id(id), UNKNOWN_SIZE, concat(body));
    }

    static byte[] uint(long id, long value) {
        return el(id, ByteBuffer.allocate(8).putLong(value).array());
    }

    static byte[] str(long id, String value) {
        return el(id, value.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] f64(long id, double value) {
        return el(id, ByteBuffer.allocate(8).putDouble(value).array());
    }

    static byte[] f32(long id, float value) {
        return el(id, ByteBuffer.allocate(4).putFloat(value).array());
    }

    static byte[] header(String docType) {
        return el(EBML, uint(0x4286, 1), uint(0x42F7, 1), uint(0x42F2, 4), uint(0x42F3, 8), str(0x4282, docType),
                uint(0x4287, 4), uint(0x4285, 2));
    }

    /** A SeekHead pointing at an Info right after it (positions count from the Segment's data). */
    static byte[] seekHead() {
        return seekHead(seekHead(0).length);
    }

    static byte[] seekHead(long infoPosition) {
        return el(SEEK_HEAD, el(0x4DBB, el(0x53AB, id(INFO)), uint(0x53AC, infoPosition)));
    }

    static byte[] info(byte[]... fields) {
        return el(INFO, concat(fields), str(0x4D80, "xueshi-test"), str(0x5741, "xueshi-test"));
    }

    static byte[] tracks() {
        return el(TRACKS, el(0xAE, uint(0xD7, 1), uint(0x73C5, 1), uint(0x83, 1), str(0x86, "V_VP9"),
                el(0xE0, uint(0xB0, 320), uint(0xBA, 240))));
    }

    static byte[] cluster() {
        return el(CLUSTER, uint(0xE7, 0), el(0xA3, new byte[] {(byte) 0x81, 0, 0, (byte) 0x80}, new byte[200]));
    }

    /** A WebM as muxers write it: header, then a sized Segment of SeekHead, Info, Tracks and a Cluster. */
    static byte[] webm(byte[] info) {
        return concat(header("webm"), el(SEGMENT, seekHead(), info, tracks(), cluster()));
    }
}
