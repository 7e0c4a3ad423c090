package cn.gd.xueshi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageShellTest {

    @Test
    void eachHoleIsFilledWithItsOwnValueWhereverAndHoweverOftenItAppears() {
        String rendered = "<p>" + PageShell.marker(1) + "|" + PageShell.marker(0) + "|" + PageShell.marker(1) + "</p>";
        PageShell shell = PageShell.cut(rendered, 2);
        assertEquals("<p>token|张三|token</p>", shell.fill("张三", "token"));
        assertEquals("<p>other|李四|other</p>", shell.fill("李四", "other"));
    }

    @Test
    void valuesAreHtmlEscapedAndAMissingValueLeavesTheHoleEmpty() {
        PageShell shell = PageShell.cut("<b>" + PageShell.marker(0) + "</b><i title=\"" + PageShell.marker(1) + "\">", 2);
        assertEquals("<b>&lt;script&gt;&amp;</b><i title=\"&quot;&#39;\">", shell.fill("<script>&", "\"'"));
        assertEquals("<b></b><i title=\"\">", shell.fill(null, null));
    }

    @Test
    void renderedHtmlGoesInAsItIs() {
        PageShell shell = PageShell.cut("<section>" + PageShell.marker(0) + "</section>", 1);
        assertEquals("<section><p>已通过</p></section>", shell.fill(new PageShell.Raw("<p>已通过</p>")));
    }

    @Test
    void aPageWithoutHolesIsServedAsRendered() {
        assertEquals("<html>固定</html>", PageShell.cut("<html>固定</html>", 2).fill("x", "y"));
    }
}
