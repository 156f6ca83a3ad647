package org.resumen.digest.subscriber;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers in the database: synced from the subscriber files, read by the send, and
 * unsubscribed by links; an unsubscribed address stays so whatever the files say.
 */
public final class SubscriberStore {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberStore.class);

    // A pause chosen on the preferences page (SubscriberChoices) holds digests back until it ends.
    private static final String NOT_PAUSED = "(paused_until is null or paused_until <= ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public SubscriberStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Makes the table match the files: adds new addresses, updates changed ones, marks ACTIVE
     * subscribers no longer listed as REMOVED and brings REMOVED ones that reappear back to ACTIVE.
     */
    public SyncReport sync(List<SubscriberRow> rows) {
        return syncRows(rows, true);
    }

    /**
     * Syncs from what the subscriber files gave. When any file or row had a problem nobody is
     * removed (as {@link #merge}): a broken file or a row spoiled by an edit must not take
     * subscribers already accepted off the list.
     */
    public SyncReport syncFrom(SubscriberFileReport files) {
        return files.problems().isEmpty() ? sync(files.rows()) : merge(files.rows());
    }

    /** What syncing a folder did: a {@code file:line: reason} line per row, header or file skipped, and the changes made. */
    public record FolderSync(List<String> problems, SyncReport changes) {
        public FolderSync {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Streams every *.csv of {@code folder} into the table in chunks (the memory of one chunk,
     * whatever the number of rows), with the rules of {@link #syncFrom}: nobody is removed when a
     * file or a row had a problem.
     */
    public FolderSync syncFolder(java.nio.file.Path folder) {
        List<String> problems = new ArrayList<>();
        try (SubscriberSync sync = new SubscriberSync(dataSource, SubscriberColumns.now(clock), problems)) {
            SubscriberFiles.streamFolder(folder, sync, problems);
            sync.flush();
            return new FolderSync(problems, sync.finish(problems.isEmpty()));
        }
    }

    /** Like {@link #sync} but never removes anyone: for importing one extra file. */
    public SyncReport merge(List<SubscriberRow> rows) {
        return syncRows(rows, false);
    }

    // An address listed twice counts once, at its first row.
    private SyncReport syncRows(List<SubscriberRow> rows, boolean removeUnlisted) {
        try (SubscriberSync sync = new SubscriberSync(dataSource, SubscriberColumns.now(clock), new ArrayList<>())) {
            for (SubscriberRow row : rows) {
                try {
                    sync.accept(row);
                } catch (RowProblem duplicate) {
                    // counted once
                }
            }
            sync.flush();
            return sync.finish(removeUnlisted);
        }
    }

    /** The subscribers who get the next digest: ACTIVE and not paused at this moment. */
    public List<Subscriber> active() {
        return list(SubscriberColumns.SELECT + " where status = 'ACTIVE' and " + NOT_PAUSED + " order by id",
                SubscriberColumns.now(clock));
    }

    /** How many subscribers have each status ("ACTIVE" → 3, "UNSUBSCRIBED" → 1, …). */
    public java.util.Map<String, Long> countsByStatus() {
        return SubscriberSql.withConnection(dataSource, "count the subscribers", connection -> {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            try (var statement = connection.prepareStatement("select status, count(*) from subscribers group by status");
                 var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        });
    }

    public List<Subscriber> all() {
        return list(SubscriberColumns.SELECT + " order by id");
    }

    public Optional<Subscriber> byEmail(String email) {
        return list(SubscriberColumns.SELECT + " where email = ?", normalise(email)).stream().findFirst();
    }

    public Optional<Subscriber> byId(long id) {
        return list(SubscriberColumns.SELECT + " where id = ?", id).stream().findFirst();
    }

    /**
     * The active subscribers among {@code ids}, by id, in one query: the send reads them just before
     * each small batch of messages, so an unsubscribe (or a pause) stops a running send within that batch.
     */
    public java.util.Map<Long, Subscriber> activeAmong(java.util.Collection<Long> ids) {
        java.util.Map<Long, Subscriber> active = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return active;
        }
        String sql = SubscriberColumns.SELECT + " where status = 'ACTIVE' and " + NOT_PAUSED + " and id in ("
                + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        Object[] parameters = new Object[ids.size() + 1];
        parameters[0] = SubscriberColumns.now(clock);
        int i = 1;
        for (Long id : ids) {
            parameters[i++] = id;
        }
        list(sql, parameters).forEach(s -> active.put(s.id(), s));
        return active;
    }

    /**
     * One indexed lookup, cheap enough to ask before every message so an unsubscribe (or a pause)
     * stops a running send.
     */
    public boolean isActive(long id) {
        return SubscriberSql.withConnection(dataSource, "check a subscriber", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select 1 from subscribers where id = ? and status = 'ACTIVE' and " + NOT_PAUSED)) {
                statement.setLong(1, id);
                statement.setObject(2, SubscriberColumns.now(clock));
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Stops all mail to an ACTIVE (or PENDING) subscriber: {@code BOUNCED} after a hard bounce,
     * {@code COMPLAINED} after a spam complaint. True when that changed their status.
     */
    public boolean stop(long id, Subscriber.Status status) {
        if (status != Subscriber.Status.BOUNCED && status != Subscriber.Status.COMPLAINED) {
            throw new IllegalArgumentException("stop takes BOUNCED or COMPLAINED, not " + status);
        }
        boolean changed = SubscriberSql.inTransaction(dataSource, "stop a subscriber", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("update subscribers set status = ?,"
                    + " unsubscribed_at = ?, updated_at = ? where id = ? and status in ('ACTIVE', 'PENDING')")) {
                var now = SubscriberColumns.now(clock);
                statement.setString(1, status.name());
                statement.setObject(2, now);
                statement.setObject(3, now);
                statement.setLong(4, id);
                return statement.executeUpdate() == 1;
            }
        });
        LOG.info("Subscriber {} {}", id, changed ? "marked " + status : "was not active, left as it was");
        return changed;
    }

    /** Makes a BOUNCED or COMPLAINED subscriber ACTIVE again (an admin's decision); true when it changed. */
    public boolean lift(String email) {
        boolean changed = SubscriberSql.inTransaction(dataSource, "lift a bounce", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("update subscribers set status = 'ACTIVE',"
                    + " unsubscribed_at = null, updated_at = ? where email = ? and status in ('BOUNCED', 'COMPLAINED')")) {
                statement.setObject(1, SubscriberColumns.now(clock));
                statement.setString(2, normalise(email));
                return statement.executeUpdate() == 1;
            }
        });
        LOG.info("Subscriber {} {}", Emails.mask(email), changed ? "lifted: active again" : "was not bounced or complained");
        return changed;
    }

    /** Unsubscribes the subscriber with this id; true when that changed their status. */
    public boolean unsubscribe(long id) {
        boolean changed = unsubscribeWhere("id = ?", id);
        LOG.info("Subscriber {} {}", id, changed ? "unsubscribed" : "was already unsubscribed or does not exist");
        return changed;
    }

    /** Unsubscribes the subscriber with this address; true when that changed their status. */
    public boolean unsubscribe(String email) {
        boolean changed = unsubscribeWhere("email = ?", normalise(email));
        LOG.info("Subscriber {} {}", Emails.mask(email), changed ? "unsubscribed" : "was already unsubscribed or is unknown");
        return changed;
    }

    private boolean unsubscribeWhere(String condition, Object key) {
        return SubscriberSql.inTransaction(dataSource, "unsubscribe", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("update subscribers set status = 'UNSUBSCRIBED',"
                    + " unsubscribed_at = ?, updated_at = ? where " + condition + " and status <> 'UNSUBSCRIBED'")) {
                var now = SubscriberColumns.now(clock);
                statement.setObject(1, now);
                statement.setObject(2, now);
                statement.setObject(3, key);
                return statement.executeUpdate() > 0;
            }
        });
    }

    private List<Subscriber> list(String sql, Object... parameters) {
        return SubscriberSql.withConnection(dataSource, "read subscribers", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<Subscriber> subscribers = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        subscribers.add(SubscriberColumns.read(rs));
                    }
                }
                return subscribers;
            }
        });
    }



    private static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
