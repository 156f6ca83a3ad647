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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.resumen.digest.subscriber.Subscriber.Status;

/**
 * One sync of listed rows over the {@code subscribers} table, fed row by row and written in chunks
 * of {@link #CHUNK}, each in its own transaction, so that a list of a million rows needs the memory
 * of one chunk. The addresses seen so far are kept in {@code subscriber_sync_rows} under this sync's
 * id: an address seen again is a duplicate, and at the end ACTIVE file subscribers not seen are
 * removed (only when asked: not when a file or row had a problem). A crash part-way leaves the chunks
 * written so far, which are right, and removes nobody.
 */
final class SubscriberSync implements SubscriberCsv.Rows, AutoCloseable {
    static final int CHUNK = 1000;

    private static final String INSERT = "insert into subscribers"
            + " (email, name, locale, topics, timezone, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)";
    // preferences saved on the web while this sync runs still win over the file (preferences_at set);
    // an unsubscribe that lands meanwhile wins too, and only the confirmation link activates a sign-up
    private static final String UPDATE = "update subscribers set name = ?,"
            + " locale = case when preferences_at is null then ? else locale end,"
            + " topics = case when preferences_at is null then ? else topics end,"
            + " timezone = case when preferences_at is null then ? else timezone end,"
            + " status = 'ACTIVE', updated_at = ? where id = ? and status <> 'UNSUBSCRIBED' and status <> 'PENDING'"
            // bounced and complained addresses stay stopped until an admin lifts them
            + " and status <> 'BOUNCED' and status <> 'COMPLAINED'";
    private static final String DUPLICATE_KEY = "23505";
    private static final String LOCK_TIMEOUT = "HYT00";

    private final DataSource dataSource;
    private final OffsetDateTime now;
    private final List<String> problems;
    private final String syncId = UUID.randomUUID().toString();
    private final Map<String, SubscriberRow> chunk = new LinkedHashMap<>();
    private Set<Long> ownPreferences;
    private int added;
    private int updated;
    private int removed;
    private int unchanged;
    private int stillUnsubscribed;

    /** {@code problems} receives a {@code file:line: duplicate …} line for each address listed again in another chunk. */
    SubscriberSync(DataSource dataSource, OffsetDateTime now, List<String> problems) {
        this.dataSource = dataSource;
        this.now = now;
        this.problems = problems;
    }

    @Override
    public void accept(SubscriberRow row) throws RowProblem {
        SubscriberRow first = chunk.putIfAbsent(row.email(), row);
        if (first != null) {
            throw new RowProblem(SubscriberCsv.duplicate(row, first.origin()));
        }
        if (chunk.size() >= CHUNK) {
            flush();
        }
    }

    /** Writes what is left, then with {@code removeUnlisted} marks ACTIVE file subscribers not listed REMOVED. */
    SyncReport finish(boolean removeUnlisted) {
        flush();
        if (removeUnlisted) {
            removed = SubscriberSql.inTransaction(dataSource, "remove the subscribers no longer listed", connection -> {
                try (PreparedStatement remove = connection.prepareStatement("update subscribers set status = 'REMOVED',"
                        + " updated_at = ? where status = 'ACTIVE' and origin = 'file' and not exists (select 1 from"
                        + " subscriber_sync_rows r where r.sync_id = ? and r.email = subscribers.email)")) {
                    // sign-ups on the web or through the API (origin web, api) are not the files' to remove
                    remove.setObject(1, now);
                    remove.setString(2, syncId);
                    return remove.executeUpdate();
                }
            });
        }
        return new SyncReport(added, updated, removed, unchanged, stillUnsubscribed);
    }

    /** Forgets this sync's seen addresses, and those of syncs that died more than a day ago. */
    @Override
    public void close() {
        SubscriberSql.withConnection(dataSource, "clean up after the sync", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from subscriber_sync_rows where sync_id = ? or created_at < ?")) {
                delete.setString(1, syncId);
                delete.setObject(2, now.minusDays(1));
                return delete.executeUpdate();
            }
        });
    }

    /** Writes the rows taken so far; after it, every duplicate is among the problems. */
    void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        List<SubscriberRow> rows = new ArrayList<>(chunk.values());
        chunk.clear();
        SubscriberSql.inTransaction(dataSource, "sync the subscriber files", connection -> {
            write(connection, notSeenBefore(connection, rows));
            return null;
        });
    }

    // Rows whose address an earlier chunk of this sync listed are duplicates: reported, not applied.
    private List<SubscriberRow> notSeenBefore(Connection connection, List<SubscriberRow> rows) throws SQLException {
        Map<String, String> seen = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select email, origin from subscriber_sync_rows"
                // the address first: the key is (email, sync_id), so each address is one index look-up
                + " where email in (" + placeholders(rows.size()) + ") and sync_id = ?")) {
            for (int i = 0; i < rows.size(); i++) {
                select.setString(i + 1, rows.get(i).email());
            }
            select.setString(rows.size() + 1, syncId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    seen.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<SubscriberRow> fresh = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into subscriber_sync_rows (sync_id, email, origin, created_at) values (?, ?, ?, ?)")) {
            for (SubscriberRow row : rows) {
                String first = seen.get(row.email());
                if (first != null) {
                    problems.add(row.origin() + ": " + SubscriberCsv.duplicate(row, first));
                    continue;
                }
                fresh.add(row);
                insert.setString(1, syncId);
                insert.setString(2, row.email());
                insert.setString(3, row.origin() == null ? "" : truncate(row.origin(), 1200));
                insert.setObject(4, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return fresh;
    }

    private void write(Connection connection, List<SubscriberRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (ownPreferences == null) {
            ownPreferences = SubscriberChoices.withOwnPreferences(connection);
        }
        Map<String, Subscriber> existing = existing(connection, rows);
        boolean postgres = connection.getMetaData().getURL().startsWith("jdbc:postgresql:");
        List<SubscriberRow> newRows = new ArrayList<>();
        // Another process syncing the same files may add an address between our read and our insert:
        // that row is left as it added it (PostgreSQL skips it in the statement, H2 below).
        try (PreparedStatement insert = connection.prepareStatement(INSERT + (postgres ? " on conflict (email) do nothing" : ""));
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (SubscriberRow row : rows) {
                apply(row, existing.get(row.email()), insert, update, newRows);
            }
            added += postgres ? inserted(insert.executeBatch()) : insertSkippingAddedMeanwhile(connection, insert, newRows);
            update.executeBatch();
        }
    }

    private void apply(SubscriberRow listedRow, Subscriber current, PreparedStatement insert, PreparedStatement update,
                       List<SubscriberRow> newRows) throws SQLException {
        SubscriberRow row = current != null && ownPreferences.contains(current.id()) ? keepingChoices(listedRow, current) : listedRow;
        if (current == null) {
            bindInsert(insert, row);
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

    private void bindInsert(PreparedStatement insert, SubscriberRow row) throws SQLException {
        insert.setString(1, row.email());
        SubscriberColumns.bindProfile(insert, 2, row);
        insert.setObject(6, now);
        insert.setObject(7, now);
    }

    private static Map<String, Subscriber> existing(Connection connection, List<SubscriberRow> rows) throws SQLException {
        Map<String, Subscriber> byEmail = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SubscriberColumns.SELECT + " where email in ("
                + placeholders(rows.size()) + ")")) {
            for (int i = 0; i < rows.size(); i++) {
                select.setString(i + 1, rows.get(i).email());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Subscriber subscriber = SubscriberColumns.read(rs);
                    byEmail.put(subscriber.email(), subscriber);
                }
            }
        }
        return byEmail;
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
    private int insertSkippingAddedMeanwhile(Connection connection, PreparedStatement batch, List<SubscriberRow> newRows)
            throws SQLException {
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
                bindInsert(insert, row);
                rows += insertUnlessAddedMeanwhile(connection, insert);
            }
        }
        return rows;
    }

    // A lock timeout means the other process's insert of this address is not committed yet: wait for it.
    private static int insertUnlessAddedMeanwhile(Connection connection, PreparedStatement insert) throws SQLException {
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

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
