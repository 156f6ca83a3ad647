package org.resumen.digest.article;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.resumen.digest.Text;

/** HTML from outside made safe (jsoup's basic safelist, links absolute) and turned into plain text. */
final class Html {
    private static final Safelist SAFE = Safelist.basic();

    private Html() {
    }

    /**
     * Keeps only harmless markup; relative links are resolved against {@code baseUri}, scripts and styles go.
     *
     * @throws IllegalArgumentException when the HTML nests deeper than {@link HtmlNesting#LIMIT}
     */
    static String sanitise(String html, String baseUri) {
        return Jsoup.clean(bounded(html), baseUri == null ? "" : baseUri, SAFE);
    }

    /**
     * The visible text of an HTML fragment: tags stripped, entities decoded, whitespace collapsed, and
     * control characters and bidi overrides gone (also those written as {@code &#0;} or {@code &#x202E;}).
     */
    static String toPlainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return collapseWhitespace(Text.line(Jsoup.parseBodyFragment(bounded(html)).text()));
    }

    private static String bounded(String html) {
        if (html != null && HtmlNesting.tooDeep(html)) {
            throw new IllegalArgumentException("HTML elements nested more than " + HtmlNesting.LIMIT
                    + " levels deep; expected at most " + HtmlNesting.LIMIT);
        }
        // Cleaned before jsoup, which would turn a NUL into U+FFFD where the reader sees it.
        return html == null ? "" : Text.multiline(html);
    }

    /** The text shown to readers of sanitised HTML from outside. */
    static String safePlainText(String html, String baseUri) {
        return toPlainText(sanitise(html, baseUri));
    }

    static String collapseWhitespace(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
