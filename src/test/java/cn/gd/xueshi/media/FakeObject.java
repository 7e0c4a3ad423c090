package cn.gd.xueshi.media;

import java.util.ArrayList;
import java.util.List;

/**
 * A stored object as the probe sees it: a size and ranged reads. The bytes not written are zeros, so
 * a 2 GB video costs a few kilobytes; every byte handed out is counted.
 */
final class FakeObject implements RangeReader {

    private record Patch(long at, byte[] bytes) {
    }

    private final long size;
    private final List<Patch> patches;
    long bytesRead;
    int reads;

    private FakeObject(long size, List<Patch> patches) {
        this.size = size;
        this.patches = patches;
    }

    static FakeObject of(byte[] bytes) {
        return sparse(bytes.length).put(0, bytes);
    }

    static FakeObject sparse(long size) {
        return new FakeObject(size, new ArrayList<>());
    }

    FakeObject put(long at, byte[] bytes) {
        patches.add(new Patch(at, bytes));
        return this;
    }

    /** The first {@code length} bytes only, as a truncated upload would leave them. */
    FakeObject prefix(long length) {
        return new FakeObject(length, patches);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] read(long offset, int length) {
        int n = (int) Math.max(0, Math.min(length, size - offset));
        byte[] out = new byte[n];
        for (Patch p : patches) {
            long from = Math.max(offset, p.at());
            long to = Math.min(offset + n, p.at() + p.bytes().length);
            if (from < to) {
                System.arraycopy(p.bytes(), (int) (from - p.at()), out, (int) (from - offset), (int) (to - from));
            }
        }
        bytesRead += n;
        reads++;
        return out;
    }
}
