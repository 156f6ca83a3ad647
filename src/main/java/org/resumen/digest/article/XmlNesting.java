package org.resumen.digest.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One linear pass over a feed's XML, before any parser sees it: items ({@code <item>}, {@code <entry>})
 * whose elements nest deeper than {@link #LIMIT} are cut out, and characters XML 1.0 forbids (NUL and
 * the other C0 controls but tab, CR and LF) are dropped. ROME and JDOM walk the tree recursively, so a
 * description nesting thousands of elements would otherwise overflow the stack; this keeps the cost of
 * such an item to one scan of its bytes. Items whose text holds HTML (escaped or in CDATA) nesting
 * deeper than {@link HtmlNesting#LIMIT} are cut out the same way.
 */
final class XmlNesting {
    /** Deepest element nesting a feed may have; real feeds stay under 30, even with XHTML content. */
    static final int LIMIT = 100;

    /** An item cut out: its 1-based position among all items, and why. */
    record Cut(int item, String reason) {
    }

    /** The XML left to parse and the items cut out, in order. */
    record Pruned(String xml, List<Cut> cuts) {
        /** The position in the original feed of the {@code position}-th item the parser sees. */
        int originalPosition(int position) {
            int original = position;
            for (Cut cut : cuts) {
                if (cut.item() <= original) {
                    original++;
                }
            }
            return original;
        }
    }

    /** Elements nest too deep outside any item, so there is nothing to cut out: the feed is refused. */
    static final class TooDeep extends Exception {
        final int line;

        TooDeep(int line) {
            super("elements nested more than " + LIMIT + " levels deep", null, false, false);
            this.line = line;
        }
    }

    private final String xml;
    private final List<int[]> ranges = new ArrayList<>();
    private final List<Cut> cuts = new ArrayList<>();
    private int depth;
    private int items;
    private int itemDepth = -1;
    private int itemStart;
    private String itemTooDeep;

    private XmlNesting(String xml) {
        this.xml = xml;
    }

    static Pruned prune(String text) throws TooDeep {
        XmlNesting scan = new XmlNesting(withoutForbiddenChars(text));
        scan.run();
        return new Pruned(scan.withoutCuts(), List.copyOf(scan.cuts));
    }

    private void run() throws TooDeep {
        int position = 0;
        while (position < xml.length()) {
            int markup = xml.indexOf('<', position);
            int textEnd = markup < 0 ? xml.length() : markup;
            if (textEnd > position) {
                checkEscapedHtml(xml.substring(position, textEnd), true);
            }
            if (markup < 0) {
                return;
            }
            position = skipMarkup(markup);
        }
    }

    /**
     * HTML in an item's text (escaped, or in CDATA) is held to {@link HtmlNesting#LIMIT} here already:
     * ROME takes seconds over 100,000 nested escaped tags before jsoup could refuse them.
     */
    private void checkEscapedHtml(String text, boolean escaped) {
        if (itemDepth < 0 || itemTooDeep != null || text.length() < HtmlNesting.LIMIT * 3) {
            return;
        }
        String html = escaped && text.indexOf('&') >= 0 ? text.replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&") : text;
        if (HtmlNesting.tooDeep(html)) {
            itemTooDeep = "HTML elements nested more than " + HtmlNesting.LIMIT + " levels deep; expected at most "
                    + HtmlNesting.LIMIT;
        }
    }

    /** Handles the markup starting at {@code i} (a '<') and returns where scanning goes on. */
    private int skipMarkup(int i) throws TooDeep {
        if (xml.startsWith("<!--", i)) {
            return after("-->", i + 4);
        }
        if (xml.startsWith("<![CDATA[", i)) {
            int end = after("]]>", i + 9);
            checkEscapedHtml(xml.substring(i + 9, Math.max(i + 9, end - 3)), false);
            return end;
        }
        if (xml.startsWith("<?", i)) {
            return after("?>", i + 2);
        }
        if (xml.startsWith("<!", i)) {
            return after(">", i + 2);
        }
        int end = tagEnd(i);
        if (xml.startsWith("</", i)) {
            close(end);
        } else if (xml.charAt(end - 2) != '/') {
            open(i);
        } else if (isItem(i + 1)) {
            items++;
        }
        return end;
    }

    private void open(int start) throws TooDeep {
        if (itemDepth < 0 && isItem(start + 1)) {
            items++;
            itemDepth = depth;
            itemStart = start;
            itemTooDeep = null;
        }
        depth++;
        if (depth > LIMIT) {
            if (itemDepth < 0) {
                throw new TooDeep(lineAt(start));
            }
            itemTooDeep = "elements nested more than " + LIMIT + " levels deep; expected at most " + LIMIT;
        }
    }

    private void close(int end) {
        depth = Math.max(0, depth - 1);
        if (depth == itemDepth) {
            if (itemTooDeep != null) {
                ranges.add(new int[] {itemStart, end});
                cuts.add(new Cut(items, itemTooDeep));
            }
            itemDepth = -1;
        }
    }

    private boolean isItem(int nameStart) {
        int end = nameStart;
        while (end < xml.length() && !isNameEnd(xml.charAt(end))) {
            end++;
        }
        String name = xml.substring(nameStart, end);
        String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        return local.equals("item") || local.equals("entry");
    }

    private static boolean isNameEnd(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    /** The index just past the '>' ending the tag at {@code i}, quotes in attribute values respected. */
    private int tagEnd(int i) {
        char quote = 0;
        for (int j = i + 1; j < xml.length(); j++) {
            char c = xml.charAt(j);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j + 1;
            }
        }
        return xml.length();
    }

    private int after(String close, int from) {
        int at = xml.indexOf(close, from);
        return at < 0 ? xml.length() : at + close.length();
    }

    private int lineAt(int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (xml.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private String withoutCuts() {
        if (ranges.isEmpty()) {
            return xml;
        }
        StringBuilder kept = new StringBuilder(xml.length());
        int from = 0;
        for (int[] range : ranges) {
            kept.append(xml, from, range[0]);
            from = range[1];
        }
        return kept.append(xml, from, xml.length()).toString();
    }

    // XML 1.0 section 2.2: only tab, LF, CR and U+0020 and above (but U+FFFE, U+FFFF) are characters.
    private static String withoutForbiddenChars(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean forbidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
            if (forbidden && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!forbidden && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }
}
