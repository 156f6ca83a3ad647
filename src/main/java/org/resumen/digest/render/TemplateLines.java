package org.resumen.digest.render;

/**
 * Maps the line Thymeleaf reports back to the line in the file. Thymeleaf strips parser-level
 * comments (opened with {@code <!--/*} in HTML and {@code /*[-} in TEXT) before it counts lines, so
 * every line after a multi-line comment would be reported too early by the comment's height.
 * Prototype-only comments (opened with {@code <!--/*}{@code /}) lose only their markers, not lines.
 */
final class TemplateLines {
    private static final String HTML_OPEN = "<!--/*";
    private static final String HTML_CLOSE = "*/-->";
    private static final String TEXT_OPEN = "/*[-";
    private static final String TEXT_CLOSE = "-]*/";

    private TemplateLines() {
    }

    static int lineInFile(String source, String fileName, int reportedLine) {
        boolean html = fileName.endsWith(".html");
        return lineInFile(source, reportedLine, html ? HTML_OPEN : TEXT_OPEN, html ? HTML_CLOSE : TEXT_CLOSE);
    }

    private static int lineInFile(String source, int reportedLine, String open, String close) {
        int fileLine = 1;
        int parsedLine = 1;
        int i = 0;
        while (i < source.length() && parsedLine < reportedLine) {
            int end = parserCommentEnd(source, i, open, close);
            if (end > i) {
                fileLine += newlines(source, i, end);
                i = end;
            } else {
                if (source.charAt(i) == '\n') {
                    fileLine++;
                    parsedLine++;
                }
                i++;
            }
        }
        return fileLine;
    }

    /** The index right after the parser-level comment that starts at {@code i}, or -1 if none does. */
    private static int parserCommentEnd(String source, int i, String open, String close) {
        if (!source.startsWith(open, i) || source.startsWith(open + "/", i)) {
            return -1;
        }
        int closeAt = source.indexOf(close, i + open.length());
        return closeAt < 0 ? -1 : closeAt + close.length();
    }

    private static int newlines(String source, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
