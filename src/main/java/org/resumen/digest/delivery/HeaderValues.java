package org.resumen.digest.delivery;

/**
 * Guards values the code puts into headers itself. {@code setHeader} does not encode: a CR or LF in
 * a value would start a real extra header (header injection), so such values are refused.
 */
final class HeaderValues {
    private HeaderValues() {
    }

    static String singleLine(String header, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new DeliveryException("header " + header + ": value contains CR/LF; expected one line, got \""
                    + value.replace("\r", "\\r").replace("\n", "\\n") + "\"");
        }
        return value;
    }
}
