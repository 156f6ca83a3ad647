package org.resumen.digest.render;

import java.util.regex.Pattern;

/**
 * Tidies what digest.txt rendered: the lines that held only a loop or a condition leave blank lines
 * behind, so trailing spaces go, runs of blank lines shrink to one and the text ends in one newline.
 */
final class PlainText {
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+(?=\\R|$)");
    private static final Pattern BLANK_RUNS = Pattern.compile("(\\R){3,}");

    private PlainText() {
    }

    static String tidy(String rendered) {
        String noTrailing = TRAILING_SPACES.matcher(rendered).replaceAll("");
        String squeezed = BLANK_RUNS.matcher(noTrailing).replaceAll("\n\n");
        return squeezed.strip() + "\n";
    }
}
