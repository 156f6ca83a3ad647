package org.resumen.digest;

/**
 * The one place that cleans text from outside (feeds, article files, subscriber files) before it
 * reaches a header, a template or the database: control characters and bidi overrides removed.
 *
 * <p>Removed everywhere: NUL and the other C0 controls (U+0000–U+001F, except the whitespace noted
 * below), DEL and the C1 controls (U+007F–U+009F), the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, which can make a line read differently from what it says, see
 * CVE-2021-42574) and unpaired surrogates (not encodable as UTF-8, refused by PostgreSQL). NUL in
 * particular is refused by PostgreSQL in every text column.
 */
public final class Text {
    private Text() {
    }

    /**
     * Text for a one-line field (a title, a name, a tag): tab, CR and LF become spaces, every other
     * control and bidi override goes; {@code null} stays {@code null}.
     */
    public static String line(String text) {
        return clean(text, false);
    }

    /** Text that may span lines (a body, a summary): tab and LF kept, CR LF and lone CR become LF. */
    public static String multiline(String text) {
        return clean(text, true);
    }

    private static String clean(String text, boolean keepLines) {
        if (text == null || isUnchanged(text, keepLines)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                boolean crlf = i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if (!crlf) {
                    out.append(keepLines ? '\n' : ' ');
                }
            } else if (c == '\n' || c == '\t') {
                out.append(keepLines ? c : ' ');
            } else if (!removed(c) && !isLoneSurrogate(text, i)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isUnchanged(String text, boolean keepLines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = keepLines ? c == '\n' || c == '\t' : false;
            if ((removed(c) && !kept) || c == '\r' || isLoneSurrogate(text, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean removed(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
