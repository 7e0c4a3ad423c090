package cn.gd.xueshi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SafeMarkdownTest {

    private static final List<String> HOSTILE = List.of(
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](&#x6A;&#x61;vascript:alert(1))",
            "[x]( javascript:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](vbscript:msgbox(1))",
            "<javascript:alert(1)>",
            "<data:text/html,<script>alert(1)</script>>",
            "![x](javascript:alert(1))",
            "![x](data:image/svg+xml,<svg onload=alert(1)>)",
            "<img src=\"javascript:alert(1)\">",
            "<img src=x onerror=alert(1)>",
            "<script>alert(1)</script>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg><script>alert(1)</script></svg>");

    @Test
    void noHostileGuideRendersALiveScriptOrDangerousUrl() {
        for (String markdown : HOSTILE) {
            String html = SafeMarkdown.toHtml(markdown);
            for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                assertFalse(List.of("script", "iframe", "svg", "object", "embed", "style").contains(e.normalName()),
                        () -> markdown + " rendered " + html);
                for (Attribute a : e.attributes()) {
                    String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                    assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), () -> markdown + " rendered " + html);
                    if (a.getKey().equals("href") || a.getKey().equals("src")) {
                        assertTrue(value.startsWith("https://") || value.startsWith("http://") || value.startsWith("mailto:")
                                || value.startsWith("/"), () -> markdown + " rendered " + html);
                    }
                }
            }
        }
    }

    @Test
    void dangerousLinksLoseTheirTargetButKeepTheirText() {
        assertEquals("<p><a rel=\"nofollow noopener noreferrer\">x</a></p>\n", SafeMarkdown.toHtml("[x](javascript:alert(1))"));
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", SafeMarkdown.toHtml("<script>alert(1)</script>"));
    }

    @Test
    void ordinaryMarkdownStillRenders() {
        assertEquals("<h2>学习指南</h2>\n<ul>\n<li><strong>重点</strong>：<em>数据安全</em></li>\n</ul>\n"
                + "<p><a href=\"https://www.gd.gov.cn/a?b=1\" rel=\"nofollow noopener noreferrer\">广东省人民政府</a> "
                + "<a href=\"mailto:help@example.cn\" rel=\"nofollow noopener noreferrer\">邮件</a> "
                + "<a href=\"/courses/12\" rel=\"nofollow noopener noreferrer\">课程</a></p>\n",
                SafeMarkdown.toHtml("## 学习指南\n\n- **重点**：*数据安全*\n\n[广东省人民政府](https://www.gd.gov.cn/a?b=1) "
                        + "[邮件](mailto:help@example.cn) [课程](/courses/12)"));
        assertEquals("<p><img src=\"https://img.example.cn/a.png\" alt=\"图\"></p>\n", SafeMarkdown.toHtml("![图](https://img.example.cn/a.png)"));
        assertEquals("", SafeMarkdown.toHtml(null));
    }
}
