package org.resumen.digest.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;

/**
 * Who may send which delivery: a worker claims a batch of due rows for its node with a lease, so
 * that no two workers, processes or nodes ever hold the same row. A row is due when it is
 * {@code pending} with its {@code due_at} come (the edition's cutoff, or with
 * {@code newsletter.delivery: local} the subscriber's local hour, see {@link DueTimes}),
 * {@code failed} for now with its {@code next_attempt_at} reached (the backoff of
 * {@link RetryPolicy#backoff}; none for rows failed before it existed), or {@code sending} with its
 * lease run out (its process died): such a row is retaken and marked as a possible duplicate, as the
 * server may have accepted it (RFC 1047).
 *
 * <p>On PostgreSQL the batch is chosen with {@code FOR UPDATE SKIP LOCKED}; on H2 with a conditional
 * UPDATE that H2 re-checks on each row after taking its lock, so a row another transaction claimed
 * first no longer matches. Both return the rows they changed, and only those are the worker's.
 */
final class Claims {
    /** Longer than an SMTP transaction may take (10 min reply to the final dot, RFC 5321 4.5.3.2.6). */
    static final Duration LEASE = Duration.ofMinutes(15);
    /** The three ways a row is due, each binding one parameter, now; {@link #DUE} is any of them. */
    private static final List<String> DUE_WAYS = List.of("(status = 'pending' and due_at <= ?)",
            "(status = 'failed' and (next_attempt_at is null or next_attempt_at <= ?))", "(status = 'sending' and lease_until < ?)");
    /** Binds {@link #DUE_PARAMETERS} parameters, all now. */
    private static final String DUE = "(" + String.join(" or ", DUE_WAYS) + ")";
    private static final int DUE_PARAMETERS = DUE_WAYS.size();
    private static final String SET = "set status = 'sending', claimed_by = ?, lease_until = ?, updated_at = ?,"
            + " possible_duplicate = (possible_duplicate or status = 'sending')";
    private static final String PICK = "select id from deliveries where edition_id = ? and id > ? and " + DUE
            + " order by edition_id, id fetch first ? rows only";
    private static final String POSTGRES = "update deliveries " + SET + " where id in (" + PICK
            + " for update skip locked) returning id, subscriber_id, possible_duplicate, failed_runs";
    private static final String H2 = "select id, subscriber_id, possible_duplicate, failed_runs from final table (update deliveries "
            + SET + " where id in (%s) and " + DUE + ")";

    private final DataSource dataSource;
    private final boolean postgres;
    private final Clock clock;
    private final String node;

    /** {@code node}: this run on this machine (host, process, run), written on every row it claims. */
    Claims(DataSource dataSource, boolean postgres, Clock clock, String node) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.clock = clock;
        this.node = node;
    }

    /**
     * One claimed delivery; {@code possibleDuplicate}: retaken after a lease ran out, now or before;
     * {@code failedRuns}: how many earlier runs it failed in (its next backoff).
     */
    record Claim(long id, long subscriberId, boolean possibleDuplicate, int failedRuns) {
    }

    String node() {
        return node;
    }

    /**
     * Claims up to {@code max} due rows of the edition with ids above {@code after}, in id order.
     * Empty only when no such row is left; a batch lost to another worker is retried.
     */
    List<Claim> claim(long editionId, long after, int max) {
        long from = after;
        while (true) {
            Instant now = clock.instant();
            Taken taken = claimOnce(editionId, from, max, now);
            if (!taken.claimed().isEmpty()) {
                return taken.claimed();
            }
            if (taken.lastSeen() > from) {
                // H2: every row we picked went to another worker between our pick and our update; look past them
                from = taken.lastSeen();
                continue;
            }
            long next = firstDueAfter(editionId, from, now);
            if (next < 0) {
                return List.of();
            }
            from = Math.max(from, next - 1);
        }
    }

    /** How many rows of the edition are due now for this run. */
    int countDue(long editionId) {
        String sql = "select count(*) from deliveries where edition_id = ? and " + DUE;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, editionId);
            bindDue(ps, 2, clock.instant());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failure("count the due deliveries of edition " + editionId, e);
        }
    }

    /**
     * The dates of the editions with a row due at {@code now}, oldest first (what serve's sweep works on
     * every minute): an edition whose rows all wait for their local hour is not among them. One EXISTS
     * per way of being due, so that each is a range read of the (edition_id, status, due_at) index
     * instead of a scan of every row of the edition while most still wait.
     */
    static List<java.time.LocalDate> editionsWithDue(DataSource dataSource, Instant now) {
        String sql = "select e.edition_date from editions e where " + DUE_WAYS.stream()
                .map(way -> "exists (select 1 from deliveries where edition_id = e.id and " + way + ")")
                .collect(java.util.stream.Collectors.joining(" or ")) + " order by e.edition_date";
        List<java.time.LocalDate> dates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindDue(ps, 1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dates.add(rs.getObject(1, java.time.LocalDate.class));
                }
            }
            return dates;
        } catch (SQLException e) {
            throw failure("look for editions with due deliveries", e);
        }
    }

    /** Gives rows this node claimed but did not attempt back to the pending pool (a stop was requested). */
    void release(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String sql = "update deliveries set status = 'pending', claimed_by = null, lease_until = null, updated_at = ?"
                + " where status = 'sending' and claimed_by = ? and id in (" + placeholders(ids.size()) + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(clock.instant()));
            ps.setString(2, node);
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(3 + i, ids.get(i));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("release " + ids.size() + " claimed deliveries", e);
        }
    }

    /** Extends the lease of rows still being worked on, so that nobody retakes them meanwhile. */
    void extend(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String sql = "update deliveries set lease_until = ? where status = 'sending' and claimed_by = ? and id in ("
                + placeholders(ids.size()) + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(clock.instant().plus(LEASE)));
            ps.setString(2, node);
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(3 + i, ids.get(i));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("extend the lease of " + ids.size() + " deliveries", e);
        }
    }

    /** What one claim statement took, and the highest id it picked on H2 (-1: none, or PostgreSQL). */
    private record Taken(List<Claim> claimed, long lastSeen) {
    }

    private Taken claimOnce(long editionId, long after, int max, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            long[] lastSeen = {-1};
            List<Claim> claimed = postgres ? claimOnPostgres(c, editionId, after, max, now)
                    : claimOnH2(c, editionId, after, max, now, lastSeen);
            claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
            return new Taken(Collections.unmodifiableList(claimed), lastSeen[0]);
        } catch (SQLException e) {
            if (isLockTimeout(e)) {
                return new Taken(List.of(), -1); // another worker held those rows; the caller looks again
            }
            throw failure("claim deliveries of edition " + editionId, e);
        }
    }

    private List<Claim> claimOnPostgres(Connection c, long editionId, long after, int max, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(POSTGRES)) {
            int i = bindSet(ps, now);
            bindPick(ps, i, editionId, after, max, now);
            return read(ps, max);
        }
    }

    // Pick the candidates by the (edition_id, id) index first, then claim those few by primary key:
    // one statement doing both makes H2 scan the table while it holds the row locks.
    private List<Claim> claimOnH2(Connection c, long editionId, long after, int max, Instant now, long[] lastSeen) throws SQLException {
        List<Long> candidates = new ArrayList<>(max);
        try (PreparedStatement ps = c.prepareStatement(PICK)) {
            bindPick(ps, 1, editionId, after, max, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getLong(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            return new ArrayList<>();
        }
        lastSeen[0] = candidates.get(candidates.size() - 1);
        try (PreparedStatement ps = c.prepareStatement(H2.formatted(placeholders(candidates.size())))) {
            int i = bindSet(ps, now);
            for (long id : candidates) {
                ps.setLong(i++, id);
            }
            bindDue(ps, i, now);
            return read(ps, max);
        }
    }

    private int bindSet(PreparedStatement ps, Instant now) throws SQLException {
        ps.setString(1, node);
        ps.setObject(2, utc(now.plus(LEASE)));
        ps.setObject(3, utc(now));
        return 4;
    }

    private void bindPick(PreparedStatement ps, int first, long editionId, long after, int max, Instant now) throws SQLException {
        ps.setLong(first, editionId);
        ps.setLong(first + 1, after);
        bindDue(ps, first + 2, now);
        ps.setInt(first + 2 + DUE_PARAMETERS, max);
    }

    private static void bindDue(PreparedStatement ps, int first, Instant now) throws SQLException {
        for (int i = 0; i < DUE_PARAMETERS; i++) {
            ps.setObject(first + i, utc(now));
        }
    }

    private static List<Claim> read(PreparedStatement ps, int max) throws SQLException {
        List<Claim> claimed = new ArrayList<>(max);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                claimed.add(new Claim(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getInt(4)));
            }
        }
        return claimed;
    }

    // H2: "Timeout trying to lock table" (50200); PostgreSQL never waits here (SKIP LOCKED).
    private static boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 50200 || "HYT00".equals(e.getSQLState());
    }

    private long firstDueAfter(long editionId, long after, Instant now) {
        String sql = "select min(id) from deliveries where edition_id = ? and id > ? and " + DUE;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, editionId);
            ps.setLong(2, after);
            bindDue(ps, 3, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? -1 : id;
            }
        } catch (SQLException e) {
            throw failure("look for due deliveries of edition " + editionId, e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static DigestException failure(String what, SQLException e) {
        return new DigestException("cannot " + what + " in the database: " + e.getMessage(), e);
    }
}
