package cn.gd.xueshi.playback;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a lesson a learner has watched, as sorted, disjoint, half-open spans of
 * milliseconds. Stored compactly as "start-end,start-end".
 */
public final class WatchedSpans {

    private final List<int[]> spans;

    private WatchedSpans(List<int[]> spans) {
        this.spans = spans;
    }

    public static WatchedSpans empty() {
        return new WatchedSpans(new ArrayList<>());
    }

    public static WatchedSpans parse(String stored) {
        List<int[]> spans = new ArrayList<>();
        if (stored != null && !stored.isBlank()) {
            for (String part : stored.split(",")) {
                int dash = part.indexOf('-');
                spans.add(new int[] {Integer.parseInt(part.substring(0, dash)), Integer.parseInt(part.substring(dash + 1))});
            }
        }
        return new WatchedSpans(spans);
    }

    /** A copy with [from, to) added, merged with whatever it touches. */
    public WatchedSpans plus(int from, int to) {
        if (to <= from) {
            return this;
        }
        List<int[]> out = new ArrayList<>(spans.size() + 1);
        int start = from;
        int end = to;
        boolean placed = false;
        for (int[] s : spans) {
            if (s[1] < start) {
                out.add(s);
            } else if (s[0] > end) {
                if (!placed) {
                    out.add(new int[] {start, end});
                    placed = true;
                }
                out.add(s);
            } else {
                start = Math.min(start, s[0]);
                end = Math.max(end, s[1]);
            }
        }
        if (!placed) {
            out.add(new int[] {start, end});
        }
        return new WatchedSpans(out);
    }

    /** Milliseconds covered in total. */
    public int covered() {
        int sum = 0;
        for (int[] s : spans) {
            sum += s[1] - s[0];
        }
        return sum;
    }

    public int count() {
        return spans.size();
    }

    public String format() {
        StringBuilder sb = new StringBuilder();
        for (int[] s : spans) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(s[0]).append('-').append(s[1]);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
