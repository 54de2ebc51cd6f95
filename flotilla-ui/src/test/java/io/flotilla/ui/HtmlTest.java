package io.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.ui.html.Html;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void everyCharacterThatEndsTextOrAnAttributeIsEscaped() {
        assertThat(Html.escape("<script>alert('x' & \"y\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
    }

    @Test
    void plainTextAndNullPassUnchanged() {
        assertThat(Html.escape("orders-1 ünïcode")).isEqualTo("orders-1 ünïcode");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void elementsAndLinksEscapeTheirDataButNotTheirMarkup() {
        String out =
                new Html()
                        .el("td", "class=\"x\"", "<b>")
                        .link("/jobs/a\"b", "<i>")
                        .row("<u>", 3)
                        .toString();
        assertThat(out)
                .isEqualTo(
                        "<td class=\"x\">&lt;b&gt;</td><a href=\"/jobs/a&quot;b\">&lt;i&gt;</a>"
                                + "<tr><td>&lt;u&gt;</td><td>3</td></tr>");
    }

    @Test
    void pathPartsArePercentEncoded() {
        assertThat(Html.path("a b/<c>?&")).isEqualTo("a%20b%2F%3Cc%3E%3F%26");
    }
}
