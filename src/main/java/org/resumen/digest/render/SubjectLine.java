package org.resumen.digest.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Turns what subject.txt rendered into a header-safe subject: one line (no CR/LF, so nothing can
 * inject a header), runs of whitespace collapsed, at most {@value #MAX_LENGTH} characters. A longer
 * subject is cut at a word with an ellipsis, and a quote the cut leaves open («…», “…”, "…") is closed
 * after the ellipsis, so a headline is never left hanging in an open quote.
 */
final class SubjectLine {
    static final int MAX_LENGTH = 150;
    private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Z}\\p{Cc}\\p{Cf}]+");
    private static final String ELLIPSIS = "…";
    private static final String OPENERS = "«“‘";
    private static final String CLOSERS = "»”’";

    private SubjectLine() {
    }

    static String clean(String rendered) {
        String oneLine = BLANKS.matcher(rendered).replaceAll(" ").strip();
        return oneLine.length() <= MAX_LENGTH ? oneLine : shorten(oneLine);
    }

    private static String shorten(String line) {
        int limit = MAX_LENGTH - ELLIPSIS.length();
        while (true) {
            String head = cut(line, limit);
            String closing = closersFor(head);
            if (head.length() + ELLIPSIS.length() + closing.length() <= MAX_LENGTH) {
                return head + ELLIPSIS + closing;
            }
            limit -= closing.length();
        }
    }

    // Cut at the last space within the limit, so no word (and no surrogate pair) is split; a subject
    // with no space in its second half is cut at a code point boundary. Trailing punctuation and an
    // opening quote with nothing after it go with the cut.
    private static String cut(String line, int limit) {
        int space = line.lastIndexOf(' ', limit);
        int cut = space > limit / 2 ? space : limit;
        if (Character.isLowSurrogate(line.charAt(cut))) {
            cut--;
        }
        String head = line.substring(0, cut).strip();
        while (!head.isEmpty() && ",;:-—–«“‘\"(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).strip();
        }
        return head;
    }

    /** The closing quotes for the quotes still open at the end of {@code head}, innermost first. */
    private static String closersFor(String head) {
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            int opener = OPENERS.indexOf(c);
            if (opener >= 0) {
                open.push(CLOSERS.charAt(opener));
            } else if (CLOSERS.indexOf(c) >= 0 && !open.isEmpty() && open.peek() == c) {
                open.pop();
            } else if (c == '"') {
                if (!open.isEmpty() && open.peek() == '"') {
                    open.pop();
                } else {
                    open.push('"');
                }
            }
        }
        StringBuilder closers = new StringBuilder();
        open.forEach(closers::append);
        return closers.toString();
    }
}
