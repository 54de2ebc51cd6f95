package io.flotilla.ui.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a page's HTML where every value is escaped unless the code says {@link #raw}: text and
 * attribute values go through {@link #escape}, URL parts through {@link #path}.
 */
public final class Html {

    private final StringBuilder out = new StringBuilder(8192);

    /** Escapes {@code & < > " '} (and so is safe in text and in quoted attributes); null is "". */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        default -> null;
                    };
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** One URL path segment or query value, percent-encoded (then safe in an attribute). */
    public static String path(Object value) {
        return value == null
                ? ""
                : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Markup written by this code, never data. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Data, escaped. */
    public Html text(Object value) {
        out.append(escape(value));
        return this;
    }

    /** {@code <tag attrs>text</tag>} with the text escaped; {@code attrs} is markup. */
    public Html el(String tag, String attrs, Object text) {
        out.append('<').append(tag);
        if (!attrs.isEmpty()) {
            out.append(' ').append(attrs);
        }
        out.append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** A link with an escaped href and text. */
    public Html link(String href, Object text) {
        out.append("<a href=\"").append(escape(href)).append("\">");
        out.append(escape(text)).append("</a>");
        return this;
    }

    /** A table row of escaped cells. */
    public Html row(Object... cells) {
        out.append("<tr>");
        for (Object c : cells) {
            out.append("<td>").append(escape(c)).append("</td>");
        }
        out.append("</tr>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
