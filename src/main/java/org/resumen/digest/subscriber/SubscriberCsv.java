package org.resumen.digest.subscriber;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
 * Parses subscriber files as streams, one record at a time, and hands each valid row to a
 * {@link Rows}; bad rows, headers and files become {@code file:line: reason} problems. Whether an
 * address is a duplicate (an earlier accepted row, in this file or an earlier one, has it) is the
 * {@link Rows}' to decide: in memory for a check, in the database for a sync of a million rows.
 */
final class SubscriberCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    /** Where valid rows go, in file order. */
    interface Rows {
        /** @throws RowProblem when the row cannot be taken (e.g. a duplicate), to be reported at its line */
        void accept(SubscriberRow row) throws RowProblem;
    }

    private final Rows rows;
    private final List<String> problems;

    SubscriberCsv(Rows rows, List<String> problems) {
        this.rows = rows;
        this.problems = problems;
    }

    /** Reads {@code text} of {@code file} (after any byte-order mark); {@code lines} names the line of each record. */
    void read(String file, Reader text, CsvLines lines) {
        CSVParser parser;
        try {
            parser = CSVParser.parse(text, FORMAT);
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

    private void readRecords(String file, CsvLines lines, Iterator<CSVRecord> records) {
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
            rows.accept(RowFields.parse(origin, header, record));
        } catch (RowProblem p) {
            problems.add(origin + ": " + p.getMessage());
        }
    }

    private static String origin(String file, CsvLines lines, CSVRecord record) {
        return file + ":" + lines.lineAt(record.getCharacterPosition());
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        int at = message.indexOf(" at line");
        return (at > 0 ? message.substring(0, at) : message).toLowerCase(Locale.ROOT);
    }

    /** The rows kept in memory, duplicates refused with the origin of the first: for a check or one imported file. */
    static final class InMemory implements Rows {
        private final Map<String, String> firstSeen = new HashMap<>();
        private final List<SubscriberRow> accepted = new ArrayList<>();

        @Override
        public void accept(SubscriberRow row) throws RowProblem {
            String first = firstSeen.putIfAbsent(row.email(), row.origin());
            if (first != null) {
                throw new RowProblem(duplicate(row, first));
            }
            accepted.add(row);
        }

        List<SubscriberRow> rows() {
            return accepted;
        }
    }

    /** The problem of a row whose address an earlier row, at {@code first}, already has. */
    static String duplicate(SubscriberRow row, String first) {
        return "duplicate address \"" + row.email() + "\", first at " + first;
    }
}
