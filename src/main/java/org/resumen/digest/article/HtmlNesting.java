package org.resumen.digest.article;

import java.util.Locale;
import java.util.Set;

/**
 * A linear estimate of how deep an HTML fragment nests, made before jsoup sees it: jsoup parses deep
 * nesting without recursion, but cleaning 100,000 nested {@code <b>} or {@code <span>} takes minutes.
 * Elements without content (void) or whose end tag may be left out are not counted, so ordinary
 * unclosed {@code <p>} and {@code <li>} never add up.
 */
final class HtmlNesting {
    /** Deepest nesting an item's HTML may have; real articles stay well under 30. */
    static final int LIMIT = 100;
    private static final Set<String> NOT_COUNTED = Set.of(
            // void elements (HTML section 13.1.2)
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
            // elements whose end tag may be omitted (HTML section 13.1.2.4)
            "html", "head", "body", "p", "li", "dt", "dd", "rt", "rp", "optgroup", "option", "colgroup", "caption",
            "thead", "tbody", "tfoot", "tr", "td", "th");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes", "plaintext");

    private HtmlNesting() {
    }

    /** True when the elements of {@code html} nest deeper than {@link #LIMIT}. */
    static boolean tooDeep(String html) {
        int depth = 0;
        int i = html.indexOf('<');
        while (i >= 0 && i + 1 < html.length()) {
            char next = html.charAt(i + 1);
            if (html.startsWith("<!--", i)) {
                i = after(html, "-->", i + 4);
            } else if (next == '/' || Character.isLetter(next)) {
                boolean closing = next == '/';
                String name = name(html, closing ? i + 2 : i + 1);
                int end = tagEnd(html, i);
                if (closing) {
                    depth = NOT_COUNTED.contains(name) ? depth : Math.max(0, depth - 1);
                } else if (RAW_TEXT.contains(name)) {
                    end = after(html, "</" + name, end);
                } else if (html.charAt(end - 2) != '/' && !NOT_COUNTED.contains(name) && ++depth > LIMIT) {
                    return true;
                }
                i = end;
            } else {
                i++;
            }
            i = i < html.length() ? html.indexOf('<', i) : -1;
        }
        return false;
    }

    private static String name(String html, int start) {
        int end = start;
        while (end < html.length() && (Character.isLetterOrDigit(html.charAt(end)) || html.charAt(end) == '-'
                || html.charAt(end) == ':')) {
            end++;
        }
        return html.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static int tagEnd(String html, int i) {
        char quote = 0;
        for (int j = i + 1; j < html.length(); j++) {
            char c = html.charAt(j);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j + 1;
            }
        }
        return html.length();
    }

    private static int after(String html, String close, int from) {
        for (int at = html.indexOf(close.charAt(0), from); at >= 0; at = html.indexOf(close.charAt(0), at + 1)) {
            if (html.regionMatches(true, at, close, 0, close.length())) {
                return at + close.length();
            }
        }
        return html.length();
    }
}
