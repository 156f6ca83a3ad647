package org.resumen.digest.render;

/**
 * Tidies what digest.txt rendered: the lines that held only a loop or a condition leave blank lines
 * behind, so trailing spaces go, runs of blank lines shrink to one and the text ends in one newline;
 * and lines are wrapped at {@value #WIDTH} characters (RFC 5322 2.1.1), at spaces, keeping their
 * indentation. A word longer than that (a URL) is never broken: it gets a line of its own, whole,
 * so it stays clickable.
 */
final class PlainText {
    static final int WIDTH = 78;

    private PlainText() {
    }

    /**
     * Trailing spaces and tabs off every line, runs of three or more line breaks down to one blank
     * line, the whole stripped, then {@link #wrap}: in passes over the characters, no regular
     * expression (it runs once per message; PlainTextTest checks it against the regex definition).
     */
    static String tidy(String rendered) {
        return wrap(squeeze(rendered)) + "\n";
    }

    /**
     * The first half of {@link #tidy}: trailing spaces and tabs gone, blank runs down to one blank
     * line, stripped, every line break a LF; not yet wrapped. {@code wrap} of it, per line, is the rest.
     */
    static String squeeze(String rendered) {
        int n = rendered.length();
        StringBuilder squeezed = new StringBuilder(n);
        int breaks = 0;
        int i = 0;
        while (i < n) {
            int lineEnd = i;
            while (lineEnd < n && breakLength(rendered, lineEnd) == 0) {
                lineEnd++;
            }
            int contentEnd = lineEnd;
            while (contentEnd > i && (rendered.charAt(contentEnd - 1) == ' ' || rendered.charAt(contentEnd - 1) == '\t')) {
                contentEnd--;
            }
            if (contentEnd > i) {
                // a line with content: the line breaks before it, as many as they were, at most two
                if (breaks > 0) {
                    squeezed.append(breaks >= 3 ? "\n\n" : breaks == 2 ? "\n\n" : "\n");
                }
                breaks = 0;
                squeezed.append(rendered, i, contentEnd);
            }
            if (lineEnd >= n) {
                break;
            }
            breaks++;
            i = lineEnd + breakLength(rendered, lineEnd);
        }
        if (breaks > 0) {
            squeezed.append(breaks >= 3 ? "\n\n" : breaks == 2 ? "\n\n" : "\n");
        }
        return squeezed.toString().strip();
    }

    /** The length of the line break (as regex \\R) at {@code i}: 2 for CR LF, 1 for another, 0 for none. */
    private static int breakLength(String text, int i) {
        char c = text.charAt(i);
        if (c == '\r') {
            return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        }
        return c == '\n' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029' ? 1 : 0;
    }

    static String wrap(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 32);
        int n = text.length();
        int i = 0;
        while (true) {
            int lineEnd = i;
            while (lineEnd < n && breakLength(text, lineEnd) == 0) {
                lineEnd++;
            }
            wrapLine(text, i, lineEnd, out);
            if (lineEnd >= n) {
                return out.toString();
            }
            out.append('\n');
            i = lineEnd + breakLength(text, lineEnd);
        }
    }

    private static void wrapLine(String text, int from, int to, StringBuilder out) {
        if (text.codePointCount(from, to) <= WIDTH) {
            out.append(text, from, to);
            return;
        }
        int indentEnd = from;
        while (indentEnd < to && text.charAt(indentEnd) == ' ') {
            indentEnd++;
        }
        int indent = Math.min(indentEnd - from, WIDTH / 2);
        int lineLength = 0;
        boolean first = true;
        int i = indentEnd;
        while (first || i < to) {
            int wordEnd = i;
            while (wordEnd < to && text.charAt(wordEnd) != ' ') {
                wordEnd++;
            }
            int length = text.codePointCount(i, wordEnd);
            if (first) {
                out.append(text, from, wordEnd);
                lineLength = (indentEnd - from) + length;
                first = false;
            } else if (lineLength + 1 + length <= WIDTH) {
                out.append(' ').append(text, i, wordEnd);
                lineLength += 1 + length;
            } else {
                out.append('\n').append(text, from, from + indent).append(text, i, wordEnd);
                lineLength = indent + length;
            }
            i = wordEnd;
            while (i < to && text.charAt(i) == ' ') {
                i++;
            }
        }
    }
}
