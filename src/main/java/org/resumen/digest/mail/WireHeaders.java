package org.resumen.digest.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.jdkim.api.Headers;

/**
 * The header fields of a message's wire bytes, as jDKIM wants them: each field raw ("Name: value",
 * folds kept, no final CRLF), by name without regard to case, in the order they appear.
 */
final class WireHeaders implements Headers {
    private final List<String> fields = new ArrayList<>();
    private final Map<String, List<String>> byName = new HashMap<>();

    /** Reads the fields of {@code wire[0, end)}, where {@code end} is the CRLF that closes the last field. */
    WireHeaders(byte[] wire, int end) {
        int start = 0;
        for (int i = 0; i < end; i++) {
            // wire[end, end + 4) is CRLF CRLF, so i + 2 never runs past the array
            boolean lineEnd = wire[i] == '\r' && wire[i + 1] == '\n';
            boolean continued = lineEnd && (wire[i + 2] == ' ' || wire[i + 2] == '\t');
            if (lineEnd && !continued) {
                add(new String(wire, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 2;
                i++;
            }
        }
        if (start < end) {
            add(new String(wire, start, end - start, StandardCharsets.ISO_8859_1));
        }
    }

    private void add(String field) {
        int colon = field.indexOf(':');
        if (colon <= 0) {
            return;
        }
        fields.add(field);
        byName.computeIfAbsent(field.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field);
    }

    @Override
    public List<String> getFields() {
        return fields;
    }

    @Override
    public List<String> getFields(String name) {
        return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
