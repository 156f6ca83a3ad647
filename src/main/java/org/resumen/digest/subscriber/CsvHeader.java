package org.resumen.digest.subscriber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/** The header row of a subscriber file: where each known column is, matched case-insensitively. */
final class CsvHeader {
    static final String EXPECTED = "email,name,locale,topics with an optional timezone column after it";
    static final String EMAIL = "email";
    static final String NAME = "name";
    static final String LOCALE = "locale";
    static final String TOPICS = "topics";
    static final String TIMEZONE = "timezone";
    private static final List<String> REQUIRED = List.of(EMAIL, NAME, LOCALE, TOPICS);

    private final Map<String, Integer> positions;
    private final List<String> names;

    private CsvHeader(Map<String, Integer> positions, List<String> names) {
        this.positions = positions;
        this.names = names;
    }

    /**
     * Reads the header row, adding a problem for every unknown column; returns empty (after adding
     * one problem) when a required column is missing or a column appears twice.
     */
    static Optional<CsvHeader> read(String origin, CSVRecord record, List<String> problems) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> names = record.toList();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!REQUIRED.contains(name) && !TIMEZONE.equals(name)) {
                problems.add(origin + ": unknown column \"" + Emails.printable(names.get(i)) + "\"; expected " + EXPECTED);
            } else if (positions.putIfAbsent(name, i) != null) {
                problems.add(origin + ": column \"" + name + "\" appears twice; expected " + EXPECTED);
                return Optional.empty();
            }
        }
        List<String> missing = REQUIRED.stream().filter(name -> !positions.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            problems.add(origin + ": header \"" + Emails.printable(String.join(",", names)) + "\" lacks "
                    + String.join(", ", missing) + "; expected " + EXPECTED);
            return Optional.empty();
        }
        return Optional.of(new CsvHeader(positions, List.copyOf(new ArrayList<>(names))));
    }

    int size() {
        return names.size();
    }

    String nameAt(int index) {
        return names.get(index);
    }

    String text() {
        return String.join(",", names);
    }

    /** The value of a known column in {@code record}, or empty when the file has no such column. */
    String value(CSVRecord record, String column) {
        Integer position = positions.get(column);
        return position == null ? "" : record.get(position);
    }
}
