package org.resumen.digest.subscriber;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/** Turns one data row of a subscriber file into a {@link SubscriberRow}, or says why it cannot. */
final class RowFields {
    private static final Set<String> LANGUAGES = Set.of("es", "en");

    private RowFields() {
    }

    static SubscriberRow parse(String origin, CsvHeader header, CSVRecord record) throws RowProblem {
        if (record.size() != header.size()) {
            throw new RowProblem(record.size() + " fields, expected " + header.size() + " (" + header.text() + ")");
        }
        rejectLineBreaks(header, record);
        return new SubscriberRow(
                email(header.value(record, CsvHeader.EMAIL)),
                header.value(record, CsvHeader.NAME).trim(),
                locale(header.value(record, CsvHeader.LOCALE)),
                topics(header.value(record, CsvHeader.TOPICS)),
                timezone(header.value(record, CsvHeader.TIMEZONE)),
                origin);
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
            throw new RowProblem(problem.get());
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
        throw new RowProblem("unsupported locale \"" + Emails.printable(tag)
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
            throw new RowProblem("unknown time zone \"" + Emails.printable(id)
                    + "\"; expected a zone ID such as America/Argentina/Buenos_Aires, or empty for the newsletter's");
        }
    }
}
