package org.resumen.digest.subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resumen.digest.subscriber.Subscriber.Status;

/**
 * One pass of listed rows over the {@code subscribers} table, inside the caller's transaction:
 * statements are batched so a list of many thousands costs a handful of round trips.
 */
final class SubscriberSync {
    private final Connection connection;
    private final OffsetDateTime now;
    private int added;
    private int updated;
    private int removed;
    private int unchanged;
    private int stillUnsubscribed;
    private Set<Long> ownPreferences = Set.of();
    private Set<Long> notFromFiles = Set.of();
    private final List<SubscriberRow> newRows = new ArrayList<>();

    private static final String INSERT = "insert into subscribers"
            + " (email, name, locale, topics, timezone, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)";
    private static final String DUPLICATE_KEY = "23505";
    private static final String LOCK_TIMEOUT = "HYT00";

    SubscriberSync(Connection connection, OffsetDateTime now) {
        this.connection = connection;
        this.now = now;
    }

    /** Adds, updates and reactivates the listed rows; with {@code removeUnlisted}, marks other ACTIVE ones REMOVED. */
    SyncReport run(List<SubscriberRow> rows, boolean removeUnlisted) throws SQLException {
        Map<String, Subscriber> existing = loadByEmail();
        ownPreferences = SubscriberChoices.withOwnPreferences(connection);
        notFromFiles = signedUpElsewhere();
        Set<String> listed = new HashSet<>();
        boolean postgres = connection.getMetaData().getURL().startsWith("jdbc:postgresql:");
        // Another process syncing the same files may add an address between our read and our insert:
        // that row is left as it added it (PostgreSQL skips it in the statement, H2 below).
        try (PreparedStatement insert = connection.prepareStatement(INSERT + (postgres ? " on conflict (email) do nothing" : ""));
             // preferences saved on the web while this sync runs still win over the file (preferences_at set)
             PreparedStatement update = connection.prepareStatement("update subscribers set name = ?,"
                     + " locale = case when preferences_at is null then ? else locale end,"
                     + " topics = case when preferences_at is null then ? else topics end,"
                     + " timezone = case when preferences_at is null then ? else timezone end,"
                     + " status = 'ACTIVE', updated_at = ? where id = ?"
                     // an unsubscribe that lands while the sync runs must win over the file,
                     // and only the confirmation link activates a sign-up (double opt-in)
                     + " and status <> 'UNSUBSCRIBED' and status <> 'PENDING'"
                     // bounced and complained addresses stay stopped until an admin lifts them
                     + " and status <> 'BOUNCED' and status <> 'COMPLAINED'")) {
            for (SubscriberRow row : rows) {
                if (listed.add(row.email())) {
                    apply(row, existing.get(row.email()), insert, update);
                }
            }
            added += postgres ? inserted(insert.executeBatch()) : insertSkippingAddedMeanwhile(insert);
            update.executeBatch();
        }
        if (removeUnlisted) {
            removeUnlisted(existing, listed);
        }
        return new SyncReport(added, updated, removed, unchanged, stillUnsubscribed);
    }

    private void apply(SubscriberRow listedRow, Subscriber current, PreparedStatement insert, PreparedStatement update)
            throws SQLException {
        SubscriberRow row = current != null && ownPreferences.contains(current.id()) ? keepingChoices(listedRow, current) : listedRow;
        if (current == null) {
            insert.setString(1, row.email());
            SubscriberColumns.bindProfile(insert, 2, row);
            insert.setObject(6, now);
            insert.setObject(7, now);
            insert.addBatch();
            newRows.add(row);
        } else if (current.status() == Status.UNSUBSCRIBED || current.status() == Status.BOUNCED
                || current.status() == Status.COMPLAINED) {
            stillUnsubscribed++;
        } else if (current.status() == Status.PENDING) {
            unchanged++;
        } else if (current.status() == Status.ACTIVE && SubscriberColumns.sameProfile(current, row)) {
            unchanged++;
        } else {
            SubscriberColumns.bindProfile(update, 1, row);
            update.setObject(5, now);
            update.setLong(6, current.id());
            update.addBatch();
            if (current.status() == Status.REMOVED) {
                added++;
            } else {
                updated++;
            }
        }
    }

    private static int inserted(int[] counts) {
        int rows = 0;
        for (int count : counts) {
            rows += count == Statement.SUCCESS_NO_INFO ? 1 : count;
        }
        return rows;
    }

    /**
     * H2 has no {@code on conflict}: the batch runs under a savepoint, and when an address was added
     * by another process meanwhile, the new rows go in one at a time, those already there skipped.
     */
    private int insertSkippingAddedMeanwhile(PreparedStatement batch) throws SQLException {
        Savepoint beforeBatch = connection.setSavepoint();
        try {
            return inserted(batch.executeBatch());
        } catch (SQLException e) {
            if (!addedMeanwhile(e)) {
                throw e;
            }
            connection.rollback(beforeBatch);
        }
        int rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (SubscriberRow row : newRows) {
                insert.setString(1, row.email());
                SubscriberColumns.bindProfile(insert, 2, row);
                insert.setObject(6, now);
                insert.setObject(7, now);
                rows += insertUnlessAddedMeanwhile(insert);
            }
        }
        return rows;
    }

    // A lock timeout means the other process's insert of this address is not committed yet: wait for it.
    private int insertUnlessAddedMeanwhile(PreparedStatement insert) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Savepoint beforeRow = connection.setSavepoint();
            try {
                return insert.executeUpdate();
            } catch (SQLException e) {
                connection.rollback(beforeRow);
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return 0;
                }
                if (!LOCK_TIMEOUT.equals(e.getSQLState()) || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static boolean addedMeanwhile(SQLException e) {
        return DUPLICATE_KEY.equals(e.getSQLState()) || LOCK_TIMEOUT.equals(e.getSQLState());
    }

    // Topics, language and time zone the subscriber chose on the preferences page win over the file's.
    private static SubscriberRow keepingChoices(SubscriberRow row, Subscriber current) {
        return new SubscriberRow(row.email(), row.name(), current.locale(), current.topics(), current.timezone(), row.origin());
    }

    private void removeUnlisted(Map<String, Subscriber> existing, Set<String> listed) throws SQLException {
        try (PreparedStatement remove = connection.prepareStatement(
                "update subscribers set status = 'REMOVED', updated_at = ? where id = ? and status = 'ACTIVE' and origin = 'file'")) {
            for (Subscriber subscriber : existing.values()) {
                // sign-ups on the web or through the API are not the files' to remove
                if (subscriber.active() && !listed.contains(subscriber.email()) && !notFromFiles.contains(subscriber.id())) {
                    remove.setObject(1, now);
                    remove.setLong(2, subscriber.id());
                    remove.addBatch();
                    removed++;
                }
            }
            remove.executeBatch();
        }
    }

    private Set<Long> signedUpElsewhere() throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("select id from subscribers where origin <> 'file'");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private Map<String, Subscriber> loadByEmail() throws SQLException {
        Map<String, Subscriber> byEmail = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SubscriberColumns.SELECT);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Subscriber subscriber = SubscriberColumns.read(rs);
                byEmail.put(subscriber.email(), subscriber);
            }
        }
        return byEmail;
    }
}
