package org.resumen.digest.render;

import java.util.regex.Pattern;

/**
 * Turns what subject.txt rendered into a header-safe subject: one line (no CR/LF, so nothing can
 * inject a header), runs of whitespace collapsed, at most {@value #MAX_LENGTH} characters.
 */
final class SubjectLine {
    static final int MAX_LENGTH = 150;
    private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Z}\\p{Cc}\\p{Cf}]+");
    private static final String ELLIPSIS = "…";

    private SubjectLine() {
    }

    static String clean(String rendered) {
        String oneLine = BLANKS.matcher(rendered).replaceAll(" ").strip();
        return oneLine.length() <= MAX_LENGTH ? oneLine : shorten(oneLine);
    }

    // Cut at the last space that leaves room for the ellipsis, so no word (and no surrogate pair)
    // is split; a subject with no space at all is cut at a code point boundary.
    private static String shorten(String line) {
        int limit = MAX_LENGTH - ELLIPSIS.length();
        int space = line.lastIndexOf(' ', limit);
        int cut = space > limit / 2 ? space : line.offsetByCodePoints(0, line.codePointCount(0, limit));
        return line.substring(0, cut).strip() + ELLIPSIS;
    }
}
