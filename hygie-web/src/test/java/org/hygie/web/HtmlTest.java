package org.hygie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hygie.web.html.Html;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEverythingThatCouldOpenMarkup() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;é&quot;",
                Html.esc("<script>alert('x')</script> & \"é\""));
        assertEquals("", Html.esc(null));
        assertEquals("a\uFFFDb", Html.esc("a\u0000b"));
    }
}
