package org.resumen.digest.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;

/**
 * One row per (edition, subscriber), unique: the record of who got what. Each outcome is written the
 * moment it is known, so a crash loses at most the messages in flight.
 */
public final class DeliveryLedger {
    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String REJECTED = "rejected";
    static final String SKIPPED = "skipped";

    private final DataSource dataSource;
    private final Clock clock;

    public DeliveryLedger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A delivery still to be made: pending, or failed temporarily in an earlier run. */
    record Due(long id, long subscriberId) {
    }

    /** Adds a pending row for every subscriber that has none for this edition yet. */
    void createPending(long editionId, List<Long> subscriberIds) {
        String sql = "insert into deliveries (edition_id, subscriber_id, status, attempts, created_at, updated_at)"
                + " select ?, ?, 'pending', 0, ?, ? from (values (1)) as one(x)"
                + " where not exists (select 1 from deliveries where edition_id = ? and subscriber_id = ?)";
        OffsetDateTime now = now();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (long subscriberId : subscriberIds) {
                ps.setLong(1, editionId);
                ps.setLong(2, subscriberId);
                ps.setObject(3, now);
                ps.setObject(4, now);
                ps.setLong(5, editionId);
                ps.setLong(6, subscriberId);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure("create the deliveries of edition " + editionId, e);
        }
    }

    List<Due> due(long editionId) {
        String sql = "select id, subscriber_id from deliveries where edition_id = ? and status in ('pending', 'failed') order by id";
        List<Due> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, editionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getLong(1), rs.getLong(2)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw failure("read the deliveries of edition " + editionId, e);
        }
    }

    void record(long deliveryId, Outcome outcome) {
        if (outcome instanceof Outcome.Sent s) {
            update(deliveryId, SENT, s.attempts(), s.reply(), s.messageId());
        } else if (outcome instanceof Outcome.Rejected r) {
            update(deliveryId, REJECTED, r.attempts(), r.reply(), null);
        } else if (outcome instanceof Outcome.Failed f) {
            update(deliveryId, FAILED, f.attempts(), f.reply(), null);
        }
    }

    void recordFailure(long deliveryId, String reason) {
        update(deliveryId, FAILED, 0, reason, null);
    }

    void recordSkipped(long deliveryId, String reason) {
        update(deliveryId, SKIPPED, 0, reason, null);
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

    private void update(long id, String status, int attempts, String reply, String messageId) {
        String sql = "update deliveries set status = ?, attempts = attempts + ?, smtp_reply = ?, message_id = ?,"
                + " updated_at = ?, sent_at = ? where id = ?";
        OffsetDateTime now = now();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status);
            ps.setInt(2, attempts);
            ps.setString(3, truncate(reply, 2000));
            ps.setString(4, truncate(messageId, 500));
            ps.setObject(5, now);
            if (SENT.equals(status)) {
                ps.setObject(6, now);
            } else {
                ps.setNull(6, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            }
            ps.setLong(7, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("record delivery " + id + " as " + status, e);
        }
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
