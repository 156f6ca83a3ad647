package org.resumen.digest.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Header values as they go on the wire: plain ASCII as it is, anything else as RFC 2047 encoded
 * words ("=?UTF-8?B?…?=", at most 75 characters each, a character never split between two words),
 * one word per folded line so that no header line grows past 78 characters.
 */
final class HeaderWords {
    /** Bytes of UTF-8 per word: 45 bytes are 60 base64 characters, 72 with "=?UTF-8?B?" and "?=". */
    private static final int BYTES_PER_WORD = 45;
    private static final String FOLD = "\r\n ";

    private HeaderWords() {
    }

    /** An unstructured value (Subject): ASCII text folded at spaces, or encoded words. */
    static String text(String value, int used) {
        return printableAscii(value) ? foldAscii(value, used) : words(value);
    }

    /** A display name: a quoted string when ASCII, else encoded words (RFC 2047 5.3). */
    static String phrase(String name) {
        if (printableAscii(name)) {
            return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return words(name);
    }

    static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String words(String value) {
        StringBuilder out = new StringBuilder(value.length() * 2);
        Base64.Encoder base64 = Base64.getEncoder();
        int start = 0;
        while (start < value.length()) {
            int end = start;
            int bytes = 0;
            while (end < value.length()) {
                int cp = value.codePointAt(end);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + size > BYTES_PER_WORD) {
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            if (out.length() > 0) {
                out.append(FOLD);
            }
            out.append("=?UTF-8?B?")
                    .append(base64.encodeToString(value.substring(start, end).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            start = end;
        }
        return out.toString();
    }

    private static String foldAscii(String value, int used) {
        if (used + value.length() <= 76) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        int column = used;
        for (String word : value.split(" ", -1)) {
            if (out.length() > 0) {
                if (column + 1 + word.length() > 76) {
                    out.append(FOLD);
                    column = 1;
                } else {
                    out.append(' ');
                    column++;
                }
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
