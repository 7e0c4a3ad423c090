package cn.gd.xueshi.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Reads a lesson's running time from the MP4 movie header ({@code moov/mvhd}); no ffprobe needed. */
public final class Mp4Duration {

    private Mp4Duration() {
    }

    /** Duration in milliseconds; fails when the file is not an MP4 with a movie header. */
    public static int millis(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long moov = findBox(in, 0, in.length(), "moov");
            if (moov < 0) {
                throw new IOException(file + " has no moov box");
            }
            in.seek(moov);
            long moovSize = in.readInt() & 0xffffffffL;
            long mvhd = findBox(in, moov + 8, moov + moovSize, "mvhd");
            if (mvhd < 0) {
                throw new IOException(file + " has no mvhd box");
            }
            in.seek(mvhd + 8);
            int version = in.readUnsignedByte();
            in.skipBytes(3);
            long timescale;
            long duration;
            if (version == 1) {
                in.skipBytes(16);
                timescale = in.readInt() & 0xffffffffL;
                duration = in.readLong();
            } else {
                in.skipBytes(8);
                timescale = in.readInt() & 0xffffffffL;
                duration = in.readInt() & 0xffffffffL;
            }
            if (timescale == 0) {
                throw new IOException(file + " has a zero timescale");
            }
            return Math.toIntExact(duration * 1000 / timescale);
        }
    }

    private static long findBox(RandomAccessFile in, long from, long to, String type) throws IOException {
        long at = from;
        while (at + 8 <= to) {
            in.seek(at);
            long size = in.readInt() & 0xffffffffL;
            byte[] name = new byte[4];
            in.readFully(name);
            if (size == 1) {
                size = in.readLong();
            } else if (size == 0) {
                size = to - at;
            }
            if (type.equals(new String(name, java.nio.charset.StandardCharsets.US_ASCII))) {
                return at;
            }
            if (size < 8) {
                return -1;
            }
            at += size;
        }
        return -1;
    }
}
