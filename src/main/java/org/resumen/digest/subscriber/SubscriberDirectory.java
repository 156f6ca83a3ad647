package org.resumen.digest.subscriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.resumen.digest.subscriber.Subscriber.Origin;

/**
 * The subscribers as the console and the API read them: one page at a time (LIMIT/OFFSET over the
 * email index, so the 100,000th subscriber costs what the first does), found by part of the address
 * or the name, and the whole list as a CSV file with the columns of the subscriber files.
 */
public final class SubscriberDirectory {
    /** The most rows one page may ask for. */
    public static final int MAX_PAGE = 200;
    private static final String SELECT = "select id, email, name, locale, topics, timezone, status, origin from subscribers";
    private static final CSVFormat EXPORT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private final DataSource dataSource;

    public SubscriberDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A subscriber with where they came from. */
    public record Listed(Subscriber subscriber, Origin origin) {
    }

    /** One page: {@code rows} from {@code offset} on, and whether more follow. */
    public record Page(List<Listed> rows, int offset, int size, boolean more) {
    }

    /**
     * The page of subscribers, in address order, whose address or name contains {@code query} (case
     * ignored; empty = everyone); {@code size} is capped at {@link #MAX_PAGE}.
     */
    public Page search(String query, int offset, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        int from = Math.max(0, offset);
        String needle = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        String where = needle.isEmpty() ? "" : " where email like ? escape '\\' or lower(name) like ? escape '\\'";
        List<Object> parameters = new ArrayList<>();
        if (!needle.isEmpty()) {
            String pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        parameters.add(limit + 1);
        parameters.add(from);
        List<Listed> rows = query(SELECT + where + " order by email limit ? offset ?", parameters.toArray());
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, from, limit, more);
    }

    public Optional<Listed> byEmail(String email) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return query(SELECT + " where email = ?", address).stream().findFirst();
    }

    /** Writes every subscriber (removed ones too) as a subscriber file: the header, then one row each, in address order. */
    public void export(Writer out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, EXPORT);
            printer.printRecord(CsvHeader.EMAIL, CsvHeader.NAME, CsvHeader.LOCALE, CsvHeader.TOPICS, CsvHeader.TIMEZONE);
            SubscriberSql.withConnection(dataSource, "export subscribers", connection -> {
                try (PreparedStatement statement = connection.prepareStatement(SELECT + " order by email")) {
                    statement.setFetchSize(500);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            print(printer, SubscriberColumns.read(rs));
                        }
                    }
                }
                return null;
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter printer, Subscriber s) {
        try {
            printer.printRecord(s.email(), s.name(), s.locale() == null ? "" : s.locale().toLanguageTag(),
                    String.join(";", new TreeSet<>(s.topics())), s.timezone() == null ? "" : s.timezone().getId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Listed> query(String sql, Object... parameters) {
        return SubscriberSql.withConnection(dataSource, "read subscribers", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<Listed> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Listed(SubscriberColumns.read(rs), Origin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT))));
                    }
                }
                return rows;
            }
        });
    }
}
