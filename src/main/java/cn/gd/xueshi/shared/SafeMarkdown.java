package cn.gd.xueshi.shared;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Markdown written by editors (learning guides, course descriptions) as HTML that is safe to put
 * on a page: raw HTML in the source is shown as text, and the rendered HTML passes jsoup's
 * allow-list, so only http, https and mailto links (and relative ones, to pages of this site) and
 * http/https images survive; no script, event handler, style or javascript:/data: URL does,
 * however it is spelled or encoded.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();
    /** Relative links resolve against this and stay relative; it is never shown. */
    private static final String BASE = "https://xueshi.invalid/";
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .preserveRelativeLinks(true);
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private SafeMarkdown() {
    }

    public static String toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        return Jsoup.clean(html, BASE, ALLOWED, OUTPUT);
    }
}
