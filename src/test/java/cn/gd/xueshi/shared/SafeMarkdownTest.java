package cn.gd.xueshi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafeMarkdownTest {

    private static final String A = "<p><a rel=\"nofollow noopener noreferrer\">";
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");
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
        List<String> all = new ArrayList<>(HOSTILE);
        hostileGuides().forEach(a -> all.add((String) a.get()[0]));
        for (String markdown : all) {
            String html = SafeMarkdown.toHtml(markdown);
            for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                assertFalse(List.of("script", "iframe", "svg", "object", "embed", "style").contains(e.normalName()),
                        () -> markdown + " rendered " + html);
                for (Attribute a : e.attributes()) {
                    assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), () -> markdown + " rendered " + html);
                    if (a.getKey().equals("href") || a.getKey().equals("src")) {
                        // as a browser reads it: control characters and spaces around, tabs and newlines inside, dropped
                        String url = a.getValue().replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$|[\\t\\n\\r]", "").toLowerCase(Locale.ROOT);
                        Matcher scheme = SCHEME.matcher(url);
                        List<String> allowed = a.getKey().equals("src") ? List.of("http", "https") : List.of("http", "https", "mailto");
                        assertTrue(!scheme.find() || allowed.contains(scheme.group(1)),
                                () -> markdown + " rendered " + html);
                    }
                }
            }
        }
    }

    /** Each hostile guide and exactly what it renders as: the link keeps its text and loses its target. */
    static Stream<Arguments> hostileGuides() {
        return Stream.of(
                arguments("[x](javascript:alert(1))", A + "x</a></p>\n"),
                arguments("[x](JaVaScRiPt:alert(1))", A + "x</a></p>\n"),
                arguments("[x](&#106;avascript:alert(1))", A + "x</a></p>\n"),
                arguments("[x](&#x6A;&#x61;vascript:alert(1))", A + "x</a></p>\n"),
                arguments("[x](java&#9;script:alert(1))", A + "x</a></p>\n"),
                arguments("[x](java&#10;script:alert(1))", A + "x</a></p>\n"),
                arguments("[x](<javascript:alert(1)>)", A + "x</a></p>\n"),
                arguments("[x]( javascript:alert(1))", A + "x</a></p>\n"),
                arguments("[x][r]\n\n[r]: javascript:alert(1)", A + "x</a></p>\n"),
                arguments("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", A + "x</a></p>\n"),
                arguments("[x](DATA:text/html,<script>alert(1)</script>)", A + "x</a></p>\n"),
                arguments("[x](vbscript:msgbox(1))", A + "x</a></p>\n"),
                arguments("[x](file:///etc/passwd)", A + "x</a></p>\n"),
                arguments("[x](ftp://files.example.cn/a)", A + "x</a></p>\n"),
                arguments("<javascript:alert(1)>", A + "javascript:alert(1)</a></p>\n"),
                arguments("<JAVASCRIPT:alert(1)>", A + "JAVASCRIPT:alert(1)</a></p>\n"),
                arguments("<data:text/html,<script>alert(1)</script>>",
                        "<p>&lt;data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;&gt;</p>\n"),
                // without a semicolon it is no character reference: a harmless relative link
                arguments("[x](&#0000106avascript:alert(1))",
                        "<p><a href=\"&amp;#0000106avascript:alert(1)\" rel=\"nofollow noopener noreferrer\">x</a></p>\n"),
                arguments("![x](javascript:alert(1))", "<p><img alt=\"x\"></p>\n"),
                arguments("![x](data:image/png;base64,iVBORw0KGgo=)", "<p><img alt=\"x\"></p>\n"),
                arguments("![x](mailto:a@example.cn)", "<p><img alt=\"x\"></p>\n"),
                arguments("![x](data:image/svg+xml,<svg onload=alert(1)>)",
                        "<p>![x](data:image/svg+xml,&lt;svg onload=alert(1)&gt;)</p>\n"),
                arguments("<img src=\"javascript:alert(1)\">", "<p>&lt;img src=\"javascript:alert(1)\"&gt;</p>\n"),
                arguments("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"),
                arguments("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
                arguments("<a href=\"javascript:alert(1)\">x</a>", "<p>&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;</p>\n"),
                arguments("<iframe src=\"https://evil.example\"></iframe>",
                        "<p>&lt;iframe src=\"https://evil.example\"&gt;&lt;/iframe&gt;</p>\n"),
                arguments("<svg><script>alert(1)</script></svg>", "<p>&lt;svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/svg&gt;</p>\n"),
                arguments("<style>body{display:none}</style>", "<p>&lt;style&gt;body{display:none}&lt;/style&gt;</p>\n"),
                arguments("```html\n<script>alert(1)</script>\n```", "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n"),
                arguments("[x](https://a.example.cn \"t\\\" onmouseover=\\\"alert(1)\")",
                        "<p><a href=\"https://a.example.cn\" title=\"t&quot; onmouseover=&quot;alert(1)\" "
                                + "rel=\"nofollow noopener noreferrer\">x</a></p>\n"));
    }

    @ParameterizedTest
    @MethodSource("hostileGuides")
    void javascriptAndDataLinksInAGuideNeverRender(String markdown, String html) {
        assertEquals(html, SafeMarkdown.toHtml(markdown));
    }

    @Test
    void linksToThisSiteStayRelative() {
        assertEquals("<p><a href=\"courses/12\" rel=\"nofollow noopener noreferrer\">x</a> "
                + "<a href=\"#top\" rel=\"nofollow noopener noreferrer\">y</a></p>\n", SafeMarkdown.toHtml("[x](courses/12) [y](#top)"));
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
