package org.resumen.digest.subscriber;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes an admin makes to the list from the console or the API: a subscriber added, changed,
 * unsubscribed or brought back one at a time (origin {@code api}: the file sync never removes them),
 * and a CSV file uploaded into the subscribers folder (as {@code digest subscribers import} does).
 * Values are checked exactly as a row of a subscriber file is ({@link RowFields}).
 */
public final class SubscriberEdits {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberEdits.class);

    private final DataSource dataSource;
    private final SubscriberStore store;
    private final Clock clock;

    public SubscriberEdits(DataSource dataSource, SubscriberStore store, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.clock = clock;
    }

    /** The fields a subscriber has, as the files name them. */
    public static final List<String> FIELDS = RowFields.COLUMNS;

    /**
     * The subscriber made of {@code fields} (email, name, locale, topics separated by ";", timezone;
     * a missing one empty).
     *
     * @throws InvalidField naming the first wrong field and what was expected
     */
    public static SubscriberRow check(String origin, Map<String, String> fields) {
        try {
            return RowFields.fields(origin, fields);
        } catch (RowProblem problem) {
            throw new InvalidField(problem.column() == null ? CsvHeader.EMAIL : problem.column(), problem.getMessage());
        }
    }

    /** Adds {@code row} as an ACTIVE subscriber from the API; false (nothing changed) when the address is already listed. */
    public boolean add(SubscriberRow row) {
        boolean added = SubscriberSql.inTransaction(dataSource, "add a subscriber", connection -> {
            if (store.byEmail(row.email()).isPresent()) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into subscribers (email, name, locale, topics,"
                    + " timezone, status, origin, confirmed_at, created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', 'api', ?, ?, ?)")) {
                OffsetDateTime now = SubscriberColumns.now(clock);
                insert.setString(1, row.email());
                SubscriberColumns.bindProfile(insert, 2, row);
                insert.setObject(6, now);
                insert.setObject(7, now);
                insert.setObject(8, now);
                return insert.executeUpdate() > 0;
            }
        });
        LOG.info("Subscriber {} {}", Emails.mask(row.email()), added ? "added through the API" : "already listed; not added");
        return added;
    }

    /**
     * Replaces the name, language, topics and time zone of the subscriber with {@code row}'s address,
     * who from now on counts as added through the API (the file sync no longer removes them); their
     * status stays as it is (an unsubscribe wins). False when nobody has that address.
     */
    public boolean replace(SubscriberRow row) {
        boolean changed = SubscriberSql.inTransaction(dataSource, "change a subscriber", connection -> {
            try (PreparedStatement update = connection.prepareStatement("update subscribers set name = ?, locale = ?,"
                    + " topics = ?, timezone = ?, origin = 'api', preferences_at = ?, updated_at = ? where email = ?")) {
                OffsetDateTime now = SubscriberColumns.now(clock);
                SubscriberColumns.bindProfile(update, 1, row);
                update.setObject(5, now);
                update.setObject(6, now);
                update.setString(7, row.email());
                return update.executeUpdate() > 0;
            }
        });
        LOG.info("Subscriber {} {}", Emails.mask(row.email()), changed ? "changed through the API" : "not found; nothing changed");
        return changed;
    }

    /** Unsubscribes the address; true when that changed their status. */
    public boolean unsubscribe(String email) {
        return store.unsubscribe(email);
    }

    /** Brings an unsubscribed or removed address back to ACTIVE; true when that changed their status. */
    public boolean resubscribe(String email) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        boolean changed = SubscriberSql.inTransaction(dataSource, "resubscribe", connection -> {
            try (PreparedStatement update = connection.prepareStatement("update subscribers set status = 'ACTIVE',"
                    + " unsubscribed_at = null, updated_at = ? where email = ? and status in ('UNSUBSCRIBED', 'REMOVED')")) {
                update.setObject(1, SubscriberColumns.now(clock));
                update.setString(2, address);
                return update.executeUpdate() > 0;
            }
        });
        if (!changed) {
            // a bounced or complained address gets mail again only by an admin's decision: this one
            return store.lift(address);
        }
        LOG.info("Subscriber {} resubscribed by an admin", Emails.mask(address));
        return changed;
    }

    /** What an upload did: the file's rows and problems (named by {@code file:line}), where it was saved (null: not saved), and the changes. */
    public record Upload(SubscriberFileReport checked, Path savedAs, SyncReport changes) {
    }

    /**
     * Checks the uploaded file; when it has at least one good row, saves it in {@code folder} under a
     * free name (an existing file is never replaced) and syncs the folder, so its good rows are added
     * and its bad ones only reported. A file without any good row is not saved.
     */
    public Upload upload(Path folder, String fileName, byte[] bytes) {
        String name = safeName(fileName);
        SubscriberFileReport checked = SubscriberFiles.read(name, bytes);
        if (checked.rows().isEmpty()) {
            return new Upload(checked, null, new SyncReport(0, 0, 0, 0, 0));
        }
        Path target = SubscriberFiles.freeName(folder, name);
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new SubscriberFileException("subscribers: cannot save the upload as \"" + target + "\": " + e.getMessage(), e);
        }
        SyncReport changes = store.syncFolder(folder).changes();
        LOG.info("Subscriber file {} uploaded: {} rows, {} bad; {} added", target.getFileName(), checked.rows().size(),
                checked.problems().size(), changes.added());
        return new Upload(checked, target, changes);
    }

    // Only the last part of what the browser sent, in letters, digits, dot, dash and underscore, ending .csv.
    private static String safeName(String given) {
        String base = given == null ? "" : given.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (base.isEmpty() || base.equals(".csv")) {
            base = "upload.csv";
        }
        return base.toLowerCase(Locale.ROOT).endsWith(".csv") ? base : base + ".csv";
    }
}
