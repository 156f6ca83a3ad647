package org.resumen.digest.delivery;

/**
 * Folds a structured header of comma-separated items (List-Unsubscribe) so that no line passes
 * {@value #LINE} characters where it can (RFC 5322 2.1.1): the fold goes after a comma, as CRLF
 * and a space, which unfolds (and canonicalises for DKIM) to the same text.
 */
final class HeaderFold {
    static final int LINE = 78;

    private HeaderFold() {
    }

    /** {@code name: value} folded; the value's items are separated by ", ". */
    static String atCommas(String name, String value) {
        String[] items = value.split(", ");
        StringBuilder out = new StringBuilder(name.length() + value.length() + 8).append(name).append(':');
        int lineLength = out.length();
        for (int i = 0; i < items.length; i++) {
            String item = items[i] + (i < items.length - 1 ? "," : "");
            if (i > 0 && lineLength + 1 + item.length() > LINE) {
                out.append("\r\n ");
                lineLength = 1;
            } else {
                out.append(' ');
                lineLength++;
            }
            out.append(item);
            lineLength += item.length();
        }
        return out.toString();
    }
}
