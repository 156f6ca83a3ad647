package org.resumen.digest.delivery;

/**
 * Quoted-printable (RFC 2045 6.7) in one pass from a Java string to bytes: UTF-8, CRLF line ends,
 * lines of at most 76 characters (soft breaks "=" CRLF), never an escape split over two lines, and a
 * space or tab before a line end encoded so that no transport can strip it. Angus's encoder writes
 * byte by byte through a stream found by a ServiceLoader lookup; this one writes into the message's
 * buffer directly.
 */
final class QuotedPrintable {
    static final int MAX_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private QuotedPrintable() {
    }

    /** Appends {@code text} encoded; its line breaks (LF, CRLF or CR) become hard CRLF breaks. */
    static void encode(String text, Bytes out) {
        int column = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.crlf();
                column = 0;
                continue;
            }
            if (c < 0x80) {
                boolean literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !beforeLineEnd(text, i + 1));
                int width = literal ? 1 : 3;
                column = softBreakIfNeeded(out, column, width, text, i + 1);
                if (literal) {
                    out.add((byte) c);
                } else {
                    escape(out, c);
                }
                column += width;
                continue;
            }
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                codePoint = 0xFFFD;
            }
            int utf8Length = codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            // The bytes of one character stay on one line: decoders do not care, but readers of the source do.
            column = softBreakIfNeeded(out, column, 3 * utf8Length, text, i + 1);
            if (utf8Length == 2) {
                escape(out, 0xC0 | (codePoint >> 6));
            } else if (utf8Length == 3) {
                escape(out, 0xE0 | (codePoint >> 12));
                escape(out, 0x80 | ((codePoint >> 6) & 0x3F));
            } else {
                escape(out, 0xF0 | (codePoint >> 18));
                escape(out, 0x80 | ((codePoint >> 12) & 0x3F));
                escape(out, 0x80 | ((codePoint >> 6) & 0x3F));
            }
            escape(out, 0x80 | (codePoint & 0x3F));
            column += 3 * utf8Length;
        }
    }

    // A soft break is "=" at the end of the line, so content may fill at most 75 columns unless it is
    // the last thing before a hard line end (or the end of the text), where the full 76 are allowed.
    private static int softBreakIfNeeded(Bytes out, int column, int width, String text, int next) {
        if (column + width > MAX_LINE - 1 && (column + width > MAX_LINE || !beforeLineEnd(text, next))) {
            out.add((byte) '=');
            out.crlf();
            return 0;
        }
        return column;
    }

    private static boolean beforeLineEnd(String text, int next) {
        return next >= text.length() || text.charAt(next) == '\r' || text.charAt(next) == '\n';
    }

    private static void escape(Bytes out, int b) {
        out.add((byte) '=');
        out.add(HEX[(b >> 4) & 0xF]);
        out.add(HEX[b & 0xF]);
    }
}
