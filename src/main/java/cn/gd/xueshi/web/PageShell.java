package cn.gd.xueshi.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A page that is the same for every visitor but for a few values (the signed-in name, the CSRF
 * token). It is rendered once with a marker in each such place and cut there; serving it is then a
 * concatenation of the fixed parts with the visitor's values, HTML-escaped here.
 */
public final class PageShell {

    private final String[] parts;
    private final int[] holes;
    private final int length;

    private PageShell(String[] parts, int[] holes) {
        this.parts = parts;
        this.holes = holes;
        int n = 0;
        for (String p : parts) {
            n += p.length();
        }
        this.length = n;
    }

    /** A marker for hole {@code i}: characters that neither templates nor HTML escaping produce. */
    public static String marker(int i) {
        return "\u0001" + i + "\u0001";
    }

    /** Cuts {@code html} at every marker of holes {@code 0..count-1}, in whatever order they appear. */
    public static PageShell cut(String html, int count) {
        List<String> parts = new ArrayList<>();
        List<Integer> holes = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = -1;
            int hole = -1;
            for (int i = 0; i < count; i++) {
                int found = html.indexOf(marker(i), from);
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                    hole = i;
                }
            }
            if (at < 0) {
                break;
            }
            parts.add(html.substring(from, at));
            holes.add(hole);
            from = at + marker(hole).length();
        }
        parts.add(html.substring(from));
        return new PageShell(parts.toArray(String[]::new), holes.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Shells of one kind of page by key. A shell is rendered again when the view it was rendered
     * from is no longer the current one (a new import yields new view objects) or the year changed.
     */
    public static final class Cache {

        private record Entry(Object view, int year, PageShell shell) {
        }

        private final Map<Long, Entry> shells = new ConcurrentHashMap<>();

        public PageShell get(long key, Object view, int year, Supplier<PageShell> render) {
            Entry cached = shells.get(key);
            if (cached == null || cached.view() != view || cached.year() != year) {
                cached = new Entry(view, year, render.get());
                shells.put(key, cached);
            }
            return cached.shell();
        }
    }

    /** HTML that goes into a hole as it is (rendered by a template, so already escaped). */
    public record Raw(String html) {
    }

    /**
     * The page with {@code values[i]} in the place of hole {@code i}: text is HTML-escaped, a
     * {@link Raw} goes in as it is, null leaves the hole empty.
     */
    public String fill(Object... values) {
        StringBuilder out = new StringBuilder(length + 256);
        for (int i = 0; i < holes.length; i++) {
            out.append(parts[i]);
            Object value = values[holes[i]];
            if (value instanceof Raw raw) {
                out.append(raw.html());
            } else {
                escape((String) value, out);
            }
        }
        return out.append(parts[parts.length - 1]).toString();
    }

    static void escape(String value, StringBuilder out) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
