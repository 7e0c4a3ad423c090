package cn.gd.xueshi.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a lesson video is, judged from its bytes and never from its name: an MP4 (an {@code ftyp}
 * box first; the duration from {@code moov/mvhd}, wherever the movie box sits) or a WebM (an EBML
 * header of doc type {@code webm}; the duration from {@code Segment/Info}). It reads a few small
 * ranges, walks a bounded number of boxes or elements, and refuses anything else with a reason.
 */
public final class MediaProbe {

    /** Boxes or elements walked in any one container. */
    static final int MAX_STEPS = 10_000;
    /** Bytes read in all, whatever the file: a hostile one is refused before it costs more. */
    static final int MAX_BYTES_READ = 256 * 1024;
    private static final long MAX_DURATION_MS = Integer.MAX_VALUE;
    private static final String MISSING_DURATION = "视频缺少时长信息，请转码后再上传。";

    private MediaProbe() {
    }

    public record Probe(String contentType, int durationMs) {
    }

    /** Why a file is not a lesson video (in Chinese). */
    public static final class Refusal extends Exception {
        public Refusal(String why) {
            super(why, null, false, false);
        }
    }

    public static Probe probe(RangeReader in) throws Refusal, IOException {
        Source src = new Source(in);
        byte[] head = src.read(0, 8, 0);
        if (head.length >= 8 && "ftyp".equals(ascii(head, 4, 4))) {
            return new Probe("video/mp4", checked(mp4(src)));
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x1A && (head[1] & 0xff) == 0x45 && (head[2] & 0xff) == 0xDF
                && (head[3] & 0xff) == 0xA3) {
            return new Probe("video/webm", checked(webm(src)));
        }
        throw new Refusal("文件不是 MP4 或 WebM 视频。");
    }

    private static int checked(long ms) throws Refusal {
        if (ms <= 0) {
            throw new Refusal("视频时长为 0，无法播放。");
        }
        if (ms > MAX_DURATION_MS) {
            throw new Refusal("视频时长不合理。");
        }
        return (int) ms;
    }

    /** The object read through one budget of bytes. */
    private static final class Source {
        final RangeReader in;
        final long size;
        long bytesRead;

        Source(RangeReader in) {
            this.in = in;
            this.size = in.size();
        }

        /** Up to {@code want} bytes at {@code at}; refuses when fewer than {@code least} are there. */
        byte[] read(long at, int want, int least) throws Refusal, IOException {
            if (bytesRead + want > MAX_BYTES_READ) {
                throw new Refusal("视频文件结构异常（元素过多），无法读取时长。");
            }
            bytesRead += want;
            byte[] b = at >= 0 && at < size ? in.read(at, want) : new byte[0];
            if (b.length < least) {
                throw new Refusal("视频文件已损坏或不完整。");
            }
            return b;
        }
    }

    // ---- MP4 ---------------------------------------------------------------------------------

    /** A box's type, where its body starts and where it ends. */
    private record Box(String type, long body, long end) {
    }

    /** The box at {@code at}, which must end by {@code limit}: 32-bit size, 64-bit largesize, or 0 for "to the limit". */
    private static Box box(Source src, long at, long limit) throws Refusal, IOException {
        ByteBuffer b = ByteBuffer.wrap(src.read(at, 16, 8));
        long size = b.getInt(0) & 0xffffffffL;
        int header = 8;
        if (size == 1) {
            if (b.capacity() < 16) {
                throw new Refusal("MP4 文件已损坏（盒子长度不完整）。");
            }
            size = b.getLong(8);
            header = 16;
        } else if (size == 0) {
            size = limit - at;
        }
        if (size < header || size > limit - at) {
            throw new Refusal("MP4 文件已损坏或不完整（盒子越界）。");
        }
        return new Box(ascii(b.array(), 4, 4), at + header, at + size);
    }

    /** The first box of a type among the boxes from {@code at} to {@code end}, or null. */
    private static Box find(Source src, String type, long at, long end) throws Refusal, IOException {
        for (int steps = 0; at + 8 <= end && steps < MAX_STEPS; steps++) {
            Box b = box(src, at, end);
            if (b.type().equals(type)) {
                return b;
            }
            at = b.end();
        }
        return null;
    }

    private static long mp4(Source src) throws Refusal, IOException {
        Box moov = find(src, "moov", 0, src.size);
        if (moov == null) {
            throw new Refusal("MP4 文件缺少时长信息（没有 moov 盒子），可能未上传完整。");
        }
        Box mvhd = find(src, "mvhd", moov.body(), moov.end());
        if (mvhd == null) {
            throw new Refusal("MP4 文件缺少时长信息（没有 mvhd 盒子）。");
        }
        // version and flags, two times, the timescale and the duration: 20 bytes, or 32 when times are 64-bit
        ByteBuffer h = ByteBuffer.wrap(src.read(mvhd.body(), (int) Math.min(32, mvhd.end() - mvhd.body()), 0));
        int version = h.capacity() > 0 ? h.get(0) & 0xff : 0;
        if (h.capacity() < (version == 1 ? 32 : 20)) {
            throw new Refusal("MP4 文件已损坏（时长信息不完整）。");
        }
        long timescale = h.getInt(version == 1 ? 20 : 12) & 0xffffffffL;
        long duration = version == 1 ? h.getLong(24) : h.getInt(16) & 0xffffffffL;
        if (timescale == 0) {
            throw new Refusal("MP4 文件的时间刻度为 0，无法得到时长。");
        }
        if (duration == (version == 1 ? -1L : 0xffffffffL)) {
            throw new Refusal(MISSING_DURATION); // all ones: the writer did not know the duration
        }
        if (duration < 0 || duration > Long.MAX_VALUE / 1000) {
            throw new Refusal("视频时长不合理。");
        }
        return duration * 1000 / timescale;
    }

    // ---- WebM (EBML) -------------------------------------------------------------------------

    private static final long EBML = 0x1A45DFA3L;
    private static final long DOC_TYPE = 0x4282L;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long UNKNOWN = -1;

    /** An element's id (marker bits kept), the size of its data (or UNKNOWN) and where its data starts. */
    private record Element(long id, long size, long data) {
        long end(long limit) {
            return size == UNKNOWN ? limit : data + size;
        }
    }

    private static long webm(Source src) throws Refusal, IOException {
        Element header = element(src, 0, src.size);
        if (header.id() != EBML || header.size() == UNKNOWN) {
            throw new Refusal("文件不是 MP4 或 WebM 视频。");
        }
        String docType = null;
        long at = header.data();
        long end = header.end(src.size);
        for (int steps = 0; at < end && steps < MAX_STEPS; steps++) {
            Element e = element(src, at, end);
            if (e.id() == DOC_TYPE) {
                int n = (int) Math.min(e.size(), 32);
                docType = new String(src.read(e.data(), n, n), StandardCharsets.US_ASCII).replace("\0", "");
            }
            at = e.end(end);
        }
        if (!"webm".equals(docType)) {
            throw new Refusal("只接受 WebM 视频，不接受其他 Matroska 文件（" + (docType == null ? "未知类型" : docType) + "）。");
        }
        Element segment = element(src, end, src.size);
        if (segment.id() != SEGMENT) {
            throw new Refusal("WebM 文件已损坏（没有 Segment）。");
        }
        long segmentEnd = segment.end(src.size);
        at = segment.data();
        for (int steps = 0; at < segmentEnd && steps < MAX_STEPS; steps++) {
            Element e = element(src, at, segmentEnd);
            if (e.id() == INFO) {
                return info(src, e, segmentEnd);
            }
            if (e.size() == UNKNOWN) {
                break; // a cluster of unknown size runs to the end: no Info after it can be found by size
            }
            at = e.end(segmentEnd);
        }
        throw new Refusal("WebM 文件缺少时长信息（可能是直播录制的文件），请转码后再上传。");
    }

    private static long info(Source src, Element info, long limit) throws Refusal, IOException {
        long scale = 1_000_000;
        Double duration = null;
        long end = info.end(limit);
        long at = info.data();
        for (int steps = 0; at < end && steps < MAX_STEPS; steps++) {
            Element e = element(src, at, end);
            if (e.id() == TIMECODE_SCALE && e.size() >= 1 && e.size() <= 8) {
                scale = 0;
                for (byte x : src.read(e.data(), (int) e.size(), (int) e.size())) {
                    scale = scale << 8 | (x & 0xff);
                }
            } else if (e.id() == DURATION && (e.size() == 4 || e.size() == 8)) {
                ByteBuffer b = ByteBuffer.wrap(src.read(e.data(), (int) e.size(), (int) e.size()));
                duration = e.size() == 4 ? (double) b.getFloat(0) : b.getDouble(0);
            }
            at = e.end(end);
        }
        if (duration == null) {
            throw new Refusal("WebM 文件缺少时长信息（可能是直播录制的文件），请转码后再上传。");
        }
        if (scale <= 0) {
            throw new Refusal("WebM 文件的时间刻度不正确，无法得到时长。");
        }
        double ms = duration * scale / 1_000_000.0;
        if (Double.isNaN(ms) || ms < 0 || ms > MAX_DURATION_MS) {
            throw new Refusal("视频时长不合理。");
        }
        return Math.round(ms);
    }

    private static Element element(Source src, long at, long limit) throws Refusal, IOException {
        byte[] b = src.read(at, 12, 2);
        int idLength = vintLength(b[0]);
        if (idLength > 4 || idLength >= b.length) {
            throw new Refusal("WebM 文件已损坏（元素编号不正确）。");
        }
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = id << 8 | (b[i] & 0xff);
        }
        int sizeLength = vintLength(b[idLength]);
        if (sizeLength > 8 || idLength + sizeLength > b.length) {
            throw new Refusal("WebM 文件已损坏（元素长度不正确）。");
        }
        long size = (b[idLength] & 0xff) & (0xff >> sizeLength);
        boolean allOnes = size == (0xff >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            size = size << 8 | (b[idLength + i] & 0xff);
            allOnes &= (b[idLength + i] & 0xff) == 0xff;
        }
        long data = at + idLength + sizeLength;
        if (allOnes) {
            return new Element(id, UNKNOWN, data);
        }
        if (size > limit - data) {
            throw new Refusal("WebM 文件已损坏或不完整（元素越界）。");
        }
        return new Element(id, size, data);
    }

    /** 1 to 8 for a valid first byte (its leading zeros plus one); 9 for a zero byte. */
    private static int vintLength(byte first) {
        int v = first & 0xff;
        return v == 0 ? 9 : Integer.numberOfLeadingZeros(v) - 23;
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}
