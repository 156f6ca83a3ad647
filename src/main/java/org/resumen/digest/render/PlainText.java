package org.resumen.digest.render;

import java.util.regex.Pattern;

/**
 * Tidies what digest.txt rendered: the lines that held only a loop or a condition leave blank lines
 * behind, so trailing spaces go, runs of blank lines shrink to one and the text ends in one newline;
 * and lines are wrapped at {@value #WIDTH} characters (RFC 5322 2.1.1), at spaces, keeping their
 * indentation. A word longer than that (a URL) is never broken: it gets a line of its own, whole,
 * so it stays clickable.
 */
final class PlainText {
    static final int WIDTH = 78;
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+(?=\\R|$)");
    private static final Pattern BLANK_RUNS = Pattern.compile("(\\R){3,}");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private PlainText() {
    }

    static String tidy(String rendered) {
        String noTrailing = TRAILING_SPACES.matcher(rendered).replaceAll("");
        String squeezed = BLANK_RUNS.matcher(noTrailing).replaceAll("\n\n");
        return wrap(squeezed.strip()) + "\n";
    }

    static String wrap(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 32);
        String[] lines = LINE_BREAK.split(text, -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            wrapLine(lines[i], out);
        }
        return out.toString();
    }

    private static void wrapLine(String line, StringBuilder out) {
        if (line.codePointCount(0, line.length()) <= WIDTH) {
            out.append(line);
            return;
        }
        int indentEnd = 0;
        while (indentEnd < line.length() && line.charAt(indentEnd) == ' ') {
            indentEnd++;
        }
        String indent = line.substring(0, Math.min(indentEnd, WIDTH / 2));
        int lineLength = 0;
        boolean first = true;
        for (String word : line.substring(indentEnd).split(" +")) {
            int length = word.codePointCount(0, word.length());
            if (first) {
                out.append(line, 0, indentEnd).append(word);
                lineLength = indentEnd + length;
                first = false;
            } else if (lineLength + 1 + length <= WIDTH) {
                out.append(' ').append(word);
                lineLength += 1 + length;
            } else {
                out.append('\n').append(indent).append(word);
                lineLength = indent.length() + length;
            }
        }
    }
}
