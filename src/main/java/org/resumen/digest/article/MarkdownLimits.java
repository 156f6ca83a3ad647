package org.resumen.digest.article;

import org.commonmark.node.Node;

/**
 * What a Markdown body may hold so that commonmark reads it in bounded time and renders it without
 * overflowing the stack: checked by one linear pass before parsing, and on the parsed tree before
 * rendering. commonmark opens nested block quotes and lists line by line (100,000 {@code "- "} on
 * one line take seconds), pairs brackets and delimiters in time that grows faster than the
 * paragraph, and renders the tree recursively.
 */
final class MarkdownLimits {
    /** Deepest nesting of block quotes, lists and inline markup a body may have. */
    static final int DEPTH = 100;
    /** Most brackets, emphasis marks or angle brackets one paragraph may have, each. */
    static final int MARKS = 1000;
    /** Longest paragraph, in characters (some 8,000 words). */
    static final int PARAGRAPH = 50_000;
    private static final String MARK_CHARS = "[]*_<`";

    private MarkdownLimits() {
    }

    /**
     * Refuses a body past the limits, naming its line.
     *
     * @param firstLine the file line the body starts on
     */
    static void check(String markdown, int firstLine) throws InvalidArticle {
        int line = firstLine;
        int paragraphLength = 0;
        int[] marks = new int[MARK_CHARS.length()];
        int start = 0;
        while (start <= markdown.length()) {
            int end = markdown.indexOf('\n', start);
            end = end < 0 ? markdown.length() : end;
            if (isBlank(markdown, start, end)) {
                paragraphLength = 0;
                java.util.Arrays.fill(marks, 0);
            } else {
                checkContainers(markdown, start, end, line);
                paragraphLength += end - start + 1;
                if (paragraphLength > PARAGRAPH) {
                    throw new InvalidArticle(line, "a paragraph of the Markdown is longer than " + PARAGRAPH
                            + " characters; expected shorter paragraphs, with blank lines between them", null);
                }
                countMarks(markdown, start, end, marks, line);
            }
            start = end + 1;
            line++;
        }
    }

    /** True when the parsed tree nests deeper than {@link #DEPTH}; walked without recursion. */
    static boolean tooDeep(Node root) {
        Node node = root;
        int depth = 0;
        while (true) {
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                if (++depth > DEPTH) {
                    return true;
                }
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            if (node == root) {
                return false;
            }
            node = node.getNext();
        }
    }

    static InvalidArticle tooDeepProblem(int line) {
        return new InvalidArticle(line, "the Markdown nests block quotes, lists or emphasis more than " + DEPTH
                + " levels deep; expected at most " + DEPTH, null);
    }

    // Each ">" and list marker at the start of a line opens a level, and so may every 2 columns of indent.
    private static void checkContainers(String text, int start, int end, int line) throws InvalidArticle {
        int levels = 0;
        int columns = 0;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ') {
                columns++;
                i++;
            } else if (c == '\t') {
                columns += 4;
                i++;
            } else if (c == '>') {
                levels++;
                i++;
            } else if (isListMarker(text, i, end)) {
                levels++;
                i = markerEnd(text, i);
            } else {
                break;
            }
            if (levels + columns / 2 > DEPTH) {
                throw tooDeepProblem(line);
            }
        }
    }

    private static boolean isListMarker(String text, int i, int end) {
        int after = markerEnd(text, i);
        return after > i && (after == end || text.charAt(after) == ' ' || text.charAt(after) == '\t');
    }

    /** The index after a bullet ("-", "*", "+") or an ordered marker ("1.", "2)"), or {@code i} when none. */
    private static int markerEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '-' || c == '*' || c == '+') {
            return i + 1;
        }
        int j = i;
        while (j < text.length() && j - i < 9 && Character.isDigit(text.charAt(j))) {
            j++;
        }
        boolean ordered = j > i && j < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ')');
        return ordered ? j + 1 : i;
    }

    private static void countMarks(String text, int start, int end, int[] marks, int line) throws InvalidArticle {
        for (int i = start; i < end; i++) {
            int mark = MARK_CHARS.indexOf(text.charAt(i));
            if (mark >= 0 && ++marks[mark] > MARKS) {
                throw new InvalidArticle(line, "a paragraph of the Markdown has more than " + MARKS + " \""
                        + MARK_CHARS.charAt(mark) + "\"; expected fewer (is some markup nested or never closed?)", null);
            }
        }
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
