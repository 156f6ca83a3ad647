package org.resumen.digest.subscriber;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.resumen.digest.Text;

/**
 * Turns one data row of a subscriber file into a {@link SubscriberRow}, or says why it cannot. Values
 * are cleaned of control characters and bidi overrides ({@link Text#line}) and must fit their columns.
 */
final class RowFields {
    private static final Set<String> LANGUAGES = Set.of("es", "en");
    /** Longest value of each column, as the {@code subscribers} table holds it. */
    private static final Map<String, Integer> MAX_LENGTH = Map.of(
            CsvHeader.EMAIL, 320, CsvHeader.NAME, 300, CsvHeader.LOCALE, 35, CsvHeader.TOPICS, 2000,
            CsvHeader.TIMEZONE, 64);

    /** The columns a row has, in the order of the files. */
    static final List<String> COLUMNS = List.of(CsvHeader.EMAIL, CsvHeader.NAME, CsvHeader.LOCALE, CsvHeader.TOPICS,
            CsvHeader.TIMEZONE);

    private RowFields() {
    }

    static SubscriberRow parse(String origin, CsvHeader header, CSVRecord record) throws RowProblem {
        if (record.size() != header.size()) {
            throw new RowProblem(record.size() + " fields, expected " + header.size() + " (" + header.text() + ")");
        }
        rejectLineBreaks(header, record);
        Map<String, String> given = new HashMap<>();
        for (String column : COLUMNS) {
            given.put(column, header.value(record, column));
        }
        return fields(origin, given);
    }

    /**
     * The row made of {@code given} (column name to value, a missing column empty), checked as a row of
     * a file is: for the API and the console, where values come one by one rather than from a CSV line.
     */
    static SubscriberRow fields(String origin, Map<String, String> given) throws RowProblem {
        Map<String, String> values = new HashMap<>();
        for (String column : COLUMNS) {
            String value = given.getOrDefault(column, "");
            value = value == null ? "" : value;
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new RowProblem(column, "line break in column \"" + column + "\"; values must fit on one line");
            }
            // An address is refused with its control characters rather than silently repaired.
            values.put(column, fitting(column, (column.equals(CsvHeader.EMAIL) ? value : Text.line(value)).trim()));
        }
        return new SubscriberRow(
                email(values.get(CsvHeader.EMAIL)),
                values.get(CsvHeader.NAME),
                locale(values.get(CsvHeader.LOCALE)),
                topics(values.get(CsvHeader.TOPICS)),
                timezone(values.get(CsvHeader.TIMEZONE)),
                origin);
    }

    private static String fitting(String column, String value) throws RowProblem {
        int max = MAX_LENGTH.get(column);
        if (value.length() > max) {
            throw new RowProblem(column, column + " is longer than " + max + " characters");
        }
        return value;
    }

    private static void rejectLineBreaks(CsvHeader header, CSVRecord record) throws RowProblem {
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new RowProblem("line break in column \"" + header.nameAt(i) + "\"; values must fit on one line");
            }
        }
    }

    private static String email(String value) throws RowProblem {
        String email = value.trim();
        var problem = Emails.problem(email);
        if (problem.isPresent()) {
            throw new RowProblem(CsvHeader.EMAIL, problem.get());
        }
        return email.toLowerCase(Locale.ROOT);
    }

    private static Locale locale(String value) throws RowProblem {
        String tag = value.trim();
        if (tag.isEmpty()) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (LANGUAGES.contains(locale.getLanguage())) {
                return locale;
            }
        } catch (IllformedLocaleException e) {
            // reported below, with the same message as an unsupported language
        }
        throw new RowProblem(CsvHeader.LOCALE, "unsupported locale \"" + Emails.printable(tag)
                + "\"; expected es or en, optionally with a region (es-AR, en-US), or empty for the newsletter's");
    }

    private static Set<String> topics(String value) {
        return Arrays.stream(value.split(";"))
                .map(String::trim)
                .filter(topic -> !topic.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static ZoneId timezone(String value) throws RowProblem {
        String id = value.trim();
        if (id.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new RowProblem(CsvHeader.TIMEZONE, "unknown time zone \"" + Emails.printable(id)
                    + "\"; expected a zone ID such as America/Argentina/Buenos_Aires, or empty for the newsletter's");
        }
    }
}
