package org.resumen.digest.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;

/**
 * One row per (edition, subscriber), unique: the record of who got what. Outcomes are written in
 * small groups as they become known ({@link DeliveryRun#BATCH} per commit), so a crash loses at most
 * the messages in flight; {@link Claims} decides who may send which row.
 */
public final class DeliveryLedger {
    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String REJECTED = "rejected";
    static final String SKIPPED = "skipped";
    static final String SENDING = "sending";
    static final String EXPIRED = "expired";

    private final DataSource dataSource;
    private final Clock clock;

    public DeliveryLedger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Claims for one run named {@code node} (see {@link Nodes#runId}) on this database. */
    Claims claims(String node) {
        return new Claims(dataSource, isPostgres(), clock, node);
    }

    private boolean isPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw failure("read the database product", e);
        }
    }

    /**
     * Adds a pending row for every active subscriber that has none for this edition yet, in one
     * statement: nothing goes through Java, whatever the number of subscribers. Each row gets its due
     * time from {@code due}: one CASE over the few distinct zones of the subscribers, computed here
     * with java.time (daylight saving included), as SQL has no portable zone arithmetic. Two processes
     * doing it at the same moment may collide on the unique (edition, subscriber) key; the loser tries
     * again and then finds the rows there. Returns how many rows were added.
     */
    int fanOut(long editionId, DueTimes due) {
        for (int attempt = 1; ; attempt++) {
            OffsetDateTime now = now();
            try (Connection c = dataSource.getConnection()) {
                List<ZoneId> zones = due.local() ? subscriberZones(c) : List.of();
                String sql = "insert into deliveries (edition_id, subscriber_id, status, attempts, created_at, updated_at, due_at)"
                        + " select ?, s.id, 'pending', 0, ?, ?, " + dueCase(zones.size()) + " from subscribers s where s.status = 'ACTIVE'"
                        + " and not exists (select 1 from deliveries d where d.edition_id = ? and d.subscriber_id = s.id)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, editionId);
                    ps.setObject(2, now);
                    ps.setObject(3, now);
                    int i = 4;
                    for (ZoneId zone : zones) {
                        ps.setString(i++, zone.getId());
                        ps.setObject(i++, utc(due.dueIn(zone)));
                    }
                    // Also a subscriber whose zone changed since the zones were read: the newsletter's zone.
                    ps.setObject(i++, utc(due.dueIn(null)));
                    ps.setLong(i, editionId);
                    return ps.executeUpdate();
                }
            } catch (SQLException e) {
                if (attempt >= 3 || !"23505".equals(e.getSQLState())) {
                    throw failure("create the deliveries of edition " + editionId, e);
                }
            }
        }
    }

    // "case s.timezone when ? then ? ... else ? end"; casts, so that both databases know the parameters' types.
    private static String dueCase(int zones) {
        String due = "cast(? as timestamp with time zone)";
        if (zones == 0) {
            return due;
        }
        String when = " when cast(? as varchar(64)) then " + due;
        return "case s.timezone" + when.repeat(zones) + " else " + due + " end";
    }

    // The distinct zones of the active subscribers; a name this JVM does not know is sent in the newsletter's zone.
    private static List<ZoneId> subscriberZones(Connection c) throws SQLException {
        List<ZoneId> zones = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select distinct timezone from subscribers where status = 'ACTIVE'"
                + " and timezone is not null and timezone <> ''");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    zones.add(ZoneId.of(rs.getString(1)));
                } catch (java.time.DateTimeException e) {
                    org.slf4j.LoggerFactory.getLogger(DeliveryLedger.class)
                            .warn("subscriber time zone \"{}\" unknown to this JVM; sent at the newsletter's hour", rs.getString(1));
                }
            }
        }
        return zones;
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * How many pending rows of the edition wait for their due time (their subscriber's local hour),
     * and when the first of them falls due (null when none waits).
     */
    record Waiting(int count, java.time.Instant nextDue) {
    }

    Waiting waitingForTheirHour(long editionId) {
        String sql = "select count(*), min(due_at) from deliveries where edition_id = ? and status = ? and due_at > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, editionId);
            ps.setString(2, PENDING);
            ps.setObject(3, now());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime next = rs.getObject(2, OffsetDateTime.class);
                return new Waiting(rs.getInt(1), next == null ? null : next.toInstant());
            }
        } catch (SQLException e) {
            throw failure("count the deliveries of edition " + editionId + " waiting for their hour", e);
        }
    }

    /** The dates of the editions with a delivery due now, oldest first; see {@link Claims} for what is due. */
    public List<java.time.LocalDate> editionsWithDueRows() {
        return Claims.editionsWithDue(dataSource, clock.instant());
    }

    /**
     * One delivery's outcome in this run, to be written with others in one commit; a failed one with
     * {@code nextAttemptAt}, the moment before which no run claims it again.
     */
    record Recorded(long id, String status, int attempts, String reply, String messageId, java.time.Instant nextAttemptAt) {
        Recorded(long id, String status, int attempts, String reply, String messageId) {
            this(id, status, attempts, reply, messageId, null);
        }

        /** {@code retryAt}: when a temporary failure may be tried again by a later run. */
        static Recorded of(long id, Outcome outcome, java.time.Instant retryAt) {
            if (outcome instanceof Outcome.Sent s) {
                return new Recorded(id, SENT, s.attempts(), s.reply(), s.messageId());
            }
            if (outcome instanceof Outcome.Rejected r) {
                return new Recorded(id, REJECTED, r.attempts(), r.reply(), null);
            }
            Outcome.Failed f = (Outcome.Failed) outcome;
            return new Recorded(id, FAILED, f.attempts(), f.reply(), null, retryAt);
        }
    }

    /**
     * Writes a batch of outcomes in one transaction (group commit): one disk write for the batch
     * instead of one per message. Only rows still claimed by {@code node} are changed. A failed row
     * gets its next attempt's time and one more failed run; any other outcome clears the time.
     */
    void recordAll(List<Recorded> outcomes, String node) {
        if (outcomes.isEmpty()) {
            return;
        }
        String sql = "update deliveries set status = ?, attempts = attempts + ?, smtp_reply = ?, message_id = ?,"
                + " updated_at = ?, sent_at = ?, lease_until = null, next_attempt_at = ?, failed_runs = failed_runs + ?"
                + " where id = ? and claimed_by = ?";
        OffsetDateTime now = now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Recorded r : outcomes) {
                    ps.setString(1, r.status());
                    ps.setInt(2, r.attempts());
                    ps.setString(3, truncate(r.reply(), 2000));
                    ps.setString(4, truncate(r.messageId(), 500));
                    ps.setObject(5, now);
                    setTime(ps, 6, SENT.equals(r.status()) ? now : null);
                    setTime(ps, 7, r.nextAttemptAt() == null ? null : r.nextAttemptAt().atOffset(ZoneOffset.UTC));
                    ps.setInt(8, FAILED.equals(r.status()) ? 1 : 0);
                    ps.setLong(9, r.id());
                    ps.setString(10, node);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("record " + outcomes.size() + " deliveries", e);
        }
    }

    private static void setTime(PreparedStatement ps, int index, OffsetDateTime time) throws SQLException {
        if (time == null) {
            ps.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, time);
        }
    }

    /**
     * An admin's "retry failed": the deliveries of the edition of {@code date} that failed for now are
     * due at once instead of at their backoff time; returns how many. Their count of failed runs stays,
     * so a further failure waits as long as it would have.
     */
    public int retryNow(java.time.LocalDate date) {
        String sql = "update deliveries set next_attempt_at = ? where status = ? and next_attempt_at > ?"
                + " and edition_id in (select id from editions where edition_date = ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now());
            ps.setString(2, FAILED);
            ps.setObject(3, now());
            ps.setObject(4, date);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("make the failed deliveries of " + date + " due now", e);
        }
    }

    /** When the first delivery of the edition that failed for now may be tried again; empty when none waits. */
    java.util.Optional<java.time.Instant> nextRetry(long editionId) {
        String sql = "select min(next_attempt_at) from deliveries where edition_id = ? and status = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, editionId);
            ps.setString(2, FAILED);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                return java.util.Optional.ofNullable(at).map(OffsetDateTime::toInstant);
            }
        } catch (SQLException e) {
            throw failure("read the next retry of edition " + editionId, e);
        }
    }

    /** Subscribers whose delivery of the edition a run would not send again: every row {@link #due} leaves out. */
    java.util.Set<Long> settledSubscribers(long editionId) {
        String sql = "select subscriber_id from deliveries where edition_id = ? and status not in ('pending', 'failed')";
        java.util.Set<Long> settled = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, editionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    settled.add(rs.getLong(1));
                }
            }
            return settled;
        } catch (SQLException e) {
            throw failure("read the deliveries of edition " + editionId, e);
        }
    }

    /** The statuses a delivery row can have, in the order a row moves through them. */
    public static final List<String> STATUSES = List.of(PENDING, SENDING, SENT, FAILED, REJECTED, SKIPPED, EXPIRED);

    /**
     * One row as {@code digest deliveries} lists it; the address in full (the operator's own tool).
     * {@code nextAttemptAt}: when a row failed for now is tried again (null otherwise); {@code dueAt}: when
     * the row fell or falls due (the cutoff, or the subscriber's local hour with {@code newsletter.delivery: local}).
     */
    public record Listed(java.time.LocalDate date, String email, String status, int attempts, String reply,
                         java.time.OffsetDateTime updatedAt, java.time.OffsetDateTime sentAt, boolean possibleDuplicate,
                         java.time.OffsetDateTime nextAttemptAt, java.time.OffsetDateTime dueAt) {
    }

    /**
     * Every delivery row, of the edition of {@code date} and with {@code status} when given, oldest
     * edition first, streamed to {@code each} so that a million rows need no more memory than one.
     */
    public void forEachRow(java.time.LocalDate date, String status, java.util.function.Consumer<Listed> each) {
        forEachRow(date, status, 0, each);
    }

    /** The first {@code max} rows {@link #forEachRow} would list, for a page that shows a screenful. */
    public List<Listed> firstRows(java.time.LocalDate date, String status, int max) {
        List<Listed> rows = new java.util.ArrayList<>();
        forEachRow(date, status, max, rows::add);
        return rows;
    }

    private void forEachRow(java.time.LocalDate date, String status, int max, java.util.function.Consumer<Listed> each) {
        if (status != null && !STATUSES.contains(status)) {
            throw new DeliveryException("--status: unknown status \"" + status + "\"; expected one of " + String.join(", ", STATUSES));
        }
        String sql = "select e.edition_date, s.email, d.status, d.attempts, d.smtp_reply, d.updated_at, d.sent_at,"
                + " d.possible_duplicate, d.next_attempt_at, d.due_at from deliveries d join editions e on e.id = d.edition_id"
                + " join subscribers s on s.id = d.subscriber_id where (? is null or e.edition_date = ?)"
                + " and (? is null or d.status = ?) order by e.edition_date, d.id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, date, java.sql.Types.DATE);
            ps.setObject(2, date, java.sql.Types.DATE);
            ps.setString(3, status);
            ps.setString(4, status);
            ps.setFetchSize(500);
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(new Listed(rs.getObject(1, java.time.LocalDate.class), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
                            rs.getObject(7, OffsetDateTime.class), rs.getBoolean(8),
                            FAILED.equals(rs.getString(3)) ? rs.getObject(9, OffsetDateTime.class) : null,
                            rs.getObject(10, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw failure("list the deliveries", e);
        }
    }

    /**
     * Past the send deadline: every row of the edition still due (pending, failed for now, or sending
     * under a lease that ran out) that fell due before {@code dueBefore} (now minus the deadline: its
     * own deadline passed) becomes {@code expired} with {@code reason} as its reply; returns how many.
     * Rows being sent right now keep their lease and are recorded as they end.
     */
    int expire(long editionId, String reason, java.time.Instant dueBefore) {
        String sql = "update deliveries set status = ?, smtp_reply = ?, claimed_by = null, lease_until = null, updated_at = ?"
                + " where edition_id = ? and (status in (?, ?) or (status = ? and lease_until < ?)) and due_at < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, EXPIRED);
            ps.setString(2, truncate(reason, 2000));
            ps.setObject(3, now());
            ps.setLong(4, editionId);
            ps.setString(5, PENDING);
            ps.setString(6, FAILED);
            ps.setString(7, SENDING);
            ps.setObject(8, now());
            ps.setObject(9, utc(dueBefore));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("expire the deliveries of edition " + editionId, e);
        }
    }

    /** Whom and which edition a sent message was, found by its Message-ID (as a bounce quotes it). */
    public record SentMessage(long subscriberId, long editionId) {
    }

    public java.util.Optional<SentMessage> byMessageId(String messageId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select subscriber_id, edition_id from deliveries where message_id = ?")) {
            ps.setString(1, messageId.trim());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new SentMessage(rs.getLong(1), rs.getLong(2))) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("find the delivery of a Message-ID", e);
        }
    }

    /** Rows of the edition by status ("sent" → 3, "failed" → 1, …). */
    public Map<String, Integer> counts(long editionId) {
        String sql = "select status, count(*) from deliveries where edition_id = ? group by status";
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, editionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw failure("count the deliveries of edition " + editionId, e);
        }
    }

    /**
     * The ledger as the service's metrics show it: the latest edition with deliveries (its rows by
     * status and by the class of their last SMTP reply: "2xx", "4xx", "5xx", "none"), and over all
     * editions the rows still due, those a later run retries (failed) and those expired.
     */
    public record Overview(java.time.LocalDate lastEdition, Map<String, Integer> lastByStatus,
                           Map<String, Integer> lastByReplyClass, long due, long retrying, long expired) {
    }

    public Overview overview() {
        try (Connection c = dataSource.getConnection()) {
            java.time.LocalDate lastDate = null;
            Map<String, Integer> byStatus = new TreeMap<>();
            Map<String, Integer> byReply = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("select e.id, e.edition_date from editions e where exists"
                    + " (select 1 from deliveries d where d.edition_id = e.id) order by e.edition_date desc")) {
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        lastDate = rs.getObject(2, java.time.LocalDate.class);
                        byStatus = counts(rs.getLong(1));
                        byReply = replyClasses(c, rs.getLong(1));
                    }
                }
            }
            Map<String, Long> open = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("select status, count(*) from deliveries where status in (?, ?, ?, ?)"
                    + " group by status")) {
                ps.setString(1, PENDING);
                ps.setString(2, SENDING);
                ps.setString(3, FAILED);
                ps.setString(4, "expired");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        open.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new Overview(lastDate, byStatus, byReply, open.getOrDefault(PENDING, 0L) + open.getOrDefault(SENDING, 0L),
                    open.getOrDefault(FAILED, 0L), open.getOrDefault("expired", 0L));
        } catch (SQLException e) {
            throw failure("read the delivery overview", e);
        }
    }

    private static Map<String, Integer> replyClasses(Connection c, long editionId) throws SQLException {
        Map<String, Integer> classes = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("select substring(smtp_reply, 1, 1), count(*) from deliveries"
                + " where edition_id = ? group by substring(smtp_reply, 1, 1)")) {
            ps.setLong(1, editionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String digit = rs.getString(1);
                    String replyClass = digit != null && digit.length() == 1 && "2345".contains(digit) ? digit + "xx" : "none";
                    classes.merge(replyClass, rs.getInt(2), Integer::sum);
                }
            }
        }
        return classes;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static DigestException failure(String what, SQLException e) {
        return new DigestException("cannot " + what + " in the database: " + e.getMessage(), e);
    }
}
