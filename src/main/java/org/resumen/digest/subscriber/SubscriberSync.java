package org.resumen.digest.subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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
        try (PreparedStatement insert = connection.prepareStatement("insert into subscribers"
                + " (email, name, locale, topics, timezone, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)");
             // preferences saved on the web while this sync runs still win over the file (preferences_at set)
             PreparedStatement update = connection.prepareStatement("update subscribers set name = ?,"
                     + " locale = case when preferences_at is null then ? else locale end,"
                     + " topics = case when preferences_at is null then ? else topics end,"
                     + " timezone = case when preferences_at is null then ? else timezone end,"
                     + " status = 'ACTIVE', updated_at = ? where id = ?"
                     // an unsubscribe that lands while the sync runs must win over the file,
                     // and only the confirmation link activates a sign-up (double opt-in)
                     + " and status <> 'UNSUBSCRIBED' and status <> 'PENDING'")) {
            for (SubscriberRow row : rows) {
                if (listed.add(row.email())) {
                    apply(row, existing.get(row.email()), insert, update);
                }
            }
            insert.executeBatch();
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
            added++;
        } else if (current.status() == Status.UNSUBSCRIBED) {
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
