package org.resumen.digest.health;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;
import org.resumen.digest.article.IngestReport;
import org.resumen.digest.article.SourceOutcome;

/**
 * Each source's history: fetches, failures and articles per day ({@code source_days}), since when it
 * fails and when it last brought an article ({@code sources}), and the alerts sent about it.
 */
public final class SourceHealth {
    /** How far back a source's usual pace is measured. */
    static final int HISTORY_DAYS = 14;

    private final DataSource dataSource;

    public SourceHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds one ingest's outcomes to the history of {@code day}. */
    public void record(IngestReport report, Instant at, LocalDate day) {
        try (Connection c = dataSource.getConnection()) {
            for (SourceOutcome outcome : report.outcomes()) {
                addToDay(c, outcome, day);
                if (outcome.failed()) {
                    execute(c, "update sources set failing_since = coalesce(failing_since, ?) where name = ?", utc(at),
                            outcome.source());
                } else {
                    execute(c, "update sources set failing_since = null where name = ?", outcome.source());
                }
                if (outcome.added() > 0) {
                    execute(c, "update sources set last_article_at = ? where name = ?", utc(at), outcome.source());
                }
            }
        } catch (SQLException e) {
            throw failure("cannot record source health", e);
        }
    }

    /**
     * Each of the {@code configured} sources (in that order) with its last fetch, last error, failing
     * spell, last article and the articles it brought after {@code since}; a source never fetched yet
     * has only its name.
     */
    public java.util.List<SourceStatus> statuses(java.util.List<String> configured, Instant since) {
        String sql = "select s.name, s.location, s.last_fetched_at, s.last_error, s.failing_since, s.last_article_at,"
                + " (select count(*) from articles a where a.source_name = s.name and a.first_seen_at > ?) from sources s";
        java.util.Map<String, SourceStatus> known = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, utc(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1), new SourceStatus(rs.getString(1), rs.getString(2), instantAt(rs, 3),
                            rs.getString(4), instantAt(rs, 5), instantAt(rs, 6), rs.getInt(7)));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read the health of the sources", e);
        }
        return configured.stream()
                .map(name -> known.getOrDefault(name, new SourceStatus(name, null, null, null, null, null, 0)))
                .toList();
    }

    private static Instant instantAt(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    // Update, else insert; when another process inserted the day's row in between (two sends at once),
    // the insert meets its key and the update is made on that row instead.
    private static void addToDay(Connection c, SourceOutcome outcome, LocalDate day) throws SQLException {
        int failed = outcome.failed() ? 1 : 0;
        String update = "update source_days set fetches = fetches + 1, failures = failures + ?, articles = articles + ?"
                + " where source_name = ? and fetch_day = ?";
        if (execute(c, update, failed, outcome.added(), outcome.source(), Date.valueOf(day)) > 0) {
            return;
        }
        try {
            execute(c, "insert into source_days (source_name, fetch_day, fetches, failures, articles) values (?, ?, 1, ?, ?)",
                    outcome.source(), Date.valueOf(day), failed, outcome.added());
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            execute(c, update, failed, outcome.added(), outcome.source(), Date.valueOf(day));
        }
    }

    /** Since when the source has failed every fetch; empty when its last fetch worked. */
    public Optional<Instant> failingSince(String source) {
        return instant("select failing_since from sources where name = ?", source);
    }

    /** When the source last brought a new article, if ever. */
    public Optional<Instant> lastArticle(String source) {
        return instant("select last_article_at from sources where name = ?", source);
    }

    /**
     * The source's usual time between two articles over the last {@link #HISTORY_DAYS} days before
     * {@code today}; empty when it brought none (no pace to judge by).
     */
    public Optional<Duration> usualInterval(String source, LocalDate today) {
        long articles = number("select coalesce(sum(articles), 0) from source_days where source_name = ? and fetch_day >= ?"
                + " and fetch_day < ?", source, Date.valueOf(today.minusDays(HISTORY_DAYS)), Date.valueOf(today));
        return articles == 0 ? Optional.empty() : Optional.of(Duration.ofDays(HISTORY_DAYS).dividedBy(articles));
    }

    /** True when the source brought no article for three times its usual interval. */
    public boolean stale(String source, Instant now, LocalDate today) {
        Optional<Duration> interval = usualInterval(source, today);
        Optional<Instant> last = lastArticle(source);
        return interval.isPresent() && last.isPresent()
                && Duration.between(last.get(), now).compareTo(interval.get().multipliedBy(3)) > 0;
    }

    /** The average number of articles of the newsletter's last seven editions; 0 without history. */
    public double usualEditionSize(String newsletter) {
        String sql = "select count(ea.article_id) from editions e left join edition_articles ea on ea.edition_id = e.id"
                + " where e.newsletter = ? group by e.id, e.edition_date order by e.edition_date desc";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, newsletter);
            s.setMaxRows(7);
            long total = 0;
            int editions = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    total += rs.getLong(1);
                    editions++;
                }
            }
            return editions == 0 ? 0 : (double) total / editions;
        } catch (SQLException e) {
            throw failure("cannot read the size of past editions", e);
        }
    }

    /**
     * Remembers an alert about the source on {@code day}.
     *
     * @return false when one was already sent that day (send none)
     */
    public boolean claimAlert(String source, LocalDate day, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            if (number(c, "select count(*) from source_alerts where source_name = ? and fetch_day = ?", source, Date.valueOf(day)) > 0) {
                return false;
            }
            execute(c, "insert into source_alerts (source_name, fetch_day, sent_at) values (?, ?, ?)", source, Date.valueOf(day), utc(at));
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw failure("cannot record an alert", e);
        }
    }

    private Optional<Instant> instant(String sql, String source) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, source);
            try (ResultSet rs = s.executeQuery()) {
                OffsetDateTime value = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
            }
        } catch (SQLException e) {
            throw failure("cannot read the health of source \"" + source + "\"", e);
        }
    }

    private long number(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            return number(c, sql, parameters);
        } catch (SQLException e) {
            throw failure("cannot read source history", e);
        }
    }

    private static long number(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static int execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static DigestException failure(String what, SQLException e) {
        return new DigestException("database: " + what + ": " + e.getMessage(), e);
    }
}
