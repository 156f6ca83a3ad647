package org.resumen.digest.subscriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the text of one or more subscriber files into rows and problems; an address is a duplicate
 * when an earlier accepted row, in this file or an earlier one, already has it.
 */
final class SubscriberCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private final Map<String, String> firstSeen = new HashMap<>();
    private final List<SubscriberRow> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void read(String file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LineIndex lines = new LineIndex(body);
        CSVParser parser;
        try {
            parser = CSVParser.parse(body, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (parser) {
            readRecords(file, lines, parser.iterator());
        } catch (IOException | UncheckedIOException e) {
            problems.add(file + ":" + (parser.getCurrentLineNumber() + 1) + ": malformed CSV (" + reason(e)
                    + "); check the quotes on this line; the rest of the file was skipped");
        }
    }

    void problem(String message) {
        problems.add(message);
    }

    SubscriberFileReport report() {
        return new SubscriberFileReport(rows, problems);
    }

    private void readRecords(String file, LineIndex lines, Iterator<CSVRecord> records) {
        if (!records.hasNext()) {
            problems.add(file + ":1: empty file; expected a header row " + CsvHeader.EXPECTED);
            return;
        }
        CSVRecord first = records.next();
        Optional<CsvHeader> header = CsvHeader.read(origin(file, lines, first), first, problems);
        if (header.isEmpty()) {
            return;
        }
        while (records.hasNext()) {
            CSVRecord record = records.next();
            readRow(origin(file, lines, record), header.get(), record);
        }
    }

    private void readRow(String origin, CsvHeader header, CSVRecord record) {
        if (record.stream().allMatch(String::isBlank)) {
            return;
        }
        try {
            SubscriberRow row = RowFields.parse(origin, header, record);
            String first = firstSeen.putIfAbsent(row.email(), origin);
            if (first != null) {
                throw new RowProblem("duplicate address \"" + row.email() + "\", first at " + first);
            }
            rows.add(row);
        } catch (RowProblem p) {
            problems.add(origin + ": " + p.getMessage());
        }
    }

    private static String origin(String file, LineIndex lines, CSVRecord record) {
        return file + ":" + lines.lineAt(record.getCharacterPosition());
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        int at = message.indexOf(" at line");
        return (at > 0 ? message.substring(0, at) : message).toLowerCase(Locale.ROOT);
    }

    /** Maps a character position to its physical line (1-based), past any blank lines the parser skipped. */
    private static final class LineIndex {
        private final String text;
        private final int[] lineStarts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if ((c == '\n' || c == '\r') && !crlf) {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineAt(long characterPosition) {
            int position = (int) characterPosition;
            while (position < text.length() && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
                position++;
            }
            int found = Arrays.binarySearch(lineStarts, position);
            return found >= 0 ? found + 1 : -found - 1;
        }
    }
}
