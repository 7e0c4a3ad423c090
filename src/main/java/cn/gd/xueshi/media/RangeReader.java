package cn.gd.xueshi.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes of a stored object read by range, never whole: a 2 GB video is judged from a few kilobytes. */
public interface RangeReader {

    long size();

    /** Up to {@code length} bytes from {@code offset}; fewer only at the end of the object. */
    byte[] read(long offset, int length) throws IOException;

    static RangeReader of(Path file) throws IOException {
        long size = Files.size(file);
        return new RangeReader() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public byte[] read(long offset, int length) throws IOException {
                if (offset < 0 || offset >= size || length <= 0) {
                    return new byte[0];
                }
                byte[] out = new byte[(int) Math.min(length, size - offset)];
                try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                    in.seek(offset);
                    in.readFully(out);
                }
                return out;
            }
        };
    }
}
