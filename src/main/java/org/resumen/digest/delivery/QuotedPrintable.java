package org.resumen.digest.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.resumen.digest.render.Segment;

/**
 * Quoted-printable (RFC 2045 6.7) in one pass from a Java string to bytes: UTF-8, CRLF line ends,
 * lines of at most 76 characters (soft breaks "=" CRLF), never an escape split over two lines, and a
 * space or tab before a line end encoded so that no transport can strip it. Angus's encoder writes
 * byte by byte through a stream found by a ServiceLoader lookup; this one writes into the message's
 * buffer directly.
 */
final class QuotedPrintable {
    static final int MAX_LINE = 76;
    /** The most one character can add: a soft break (3) and four escaped UTF-8 bytes (12). */
    private static final int MOST_PER_CHAR = 15;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private QuotedPrintable() {
    }

    /** Appends {@code text} encoded; its line breaks (LF, CRLF or CR) become hard CRLF breaks. */
    static void encode(String text, Bytes out) {
        int n = text.length();
        out.reserve(n + n / 4 + 64);
        byte[] b = out.array();
        int at = out.size();
        int column = 0;
        for (int i = 0; i < n; i++) {
            if (at + MOST_PER_CHAR > b.length) {
                out.advanceTo(at);
                b = out.reserve(Math.max(MOST_PER_CHAR, (n - i) + (n - i) / 2));
            }
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                b[at++] = '\r';
                b[at++] = '\n';
                column = 0;
                continue;
            }
            int width;
            int codePoint = c;
            boolean literal = false;
            if (c < 0x80) {
                literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !beforeLineEnd(text, i + 1));
                width = literal ? 1 : 3;
            } else {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                } else if (Character.isSurrogate(c)) {
                    codePoint = 0xFFFD;
                }
                width = 3 * (codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);
            }
            // A soft break is "=" at the end of a line, so content may fill 75 columns, or all 76
            // when nothing but a line end follows. The bytes of one character stay on one line.
            int next = codePoint > 0xFFFF ? i + 2 : i + 1;
            if (column + width > MAX_LINE - 1 && (column + width > MAX_LINE || !beforeLineEnd(text, next))) {
                b[at++] = '=';
                b[at++] = '\r';
                b[at++] = '\n';
                column = 0;
            }
            column += width;
            if (literal) {
                b[at++] = (byte) c;
            } else if (c < 0x80) {
                at = escape(b, at, c);
            } else if (width == 6) {
                at = escape(b, at, 0xC0 | (codePoint >> 6));
                at = escape(b, at, 0x80 | (codePoint & 0x3F));
            } else if (width == 9) {
                at = escape(b, at, 0xE0 | (codePoint >> 12));
                at = escape(b, at, 0x80 | ((codePoint >> 6) & 0x3F));
                at = escape(b, at, 0x80 | (codePoint & 0x3F));
            } else {
                at = escape(b, at, 0xF0 | (codePoint >> 18));
                at = escape(b, at, 0x80 | ((codePoint >> 12) & 0x3F));
                at = escape(b, at, 0x80 | ((codePoint >> 6) & 0x3F));
                at = escape(b, at, 0x80 | (codePoint & 0x3F));
                i++;
            }
        }
        out.advanceTo(at);
    }

    /**
     * Appends the segments joined by line breaks, encoded: byte for byte {@code encode} of the joined
     * text, since every segment is whole lines (a line break resets the line, and a segment's last
     * character is before a line end either way). A shared segment is encoded once, for every message
     * of its group.
     */
    static void encode(List<Segment> segments, Bytes out) {
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                out.crlf();
            }
            Segment segment = segments.get(i);
            if (segment.shared()) {
                out.append(segment.derived(QuotedPrintable::encoded));
            } else {
                encode(segment.text(), out);
            }
        }
    }

    private static byte[] encoded(String text) {
        Bytes bytes = new Bytes(text.length() + text.length() / 4 + 16);
        encode(text, bytes);
        return bytes.toArray();
    }

    private static boolean beforeLineEnd(String text, int next) {
        return next >= text.length() || text.charAt(next) == '\r' || text.charAt(next) == '\n';
    }

    private static int escape(byte[] b, int at, int value) {
        b[at] = '=';
        b[at + 1] = HEX[(value >> 4) & 0xF];
        b[at + 2] = HEX[value & 0xF];
        return at + 3;
    }
}
