package org.resumen.digest.subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes a subscriber makes on their own pages: come back after an unsubscribe, choose topics,
 * language and time zone, pause for a while. Preferences set here outlive the subscriber files' values.
 */
public final class SubscriberChoices {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberChoices.class);

    private final DataSource dataSource;
    private final Clock clock;

    public SubscriberChoices(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Makes an UNSUBSCRIBED subscriber ACTIVE again; true when that changed their status. */
    public boolean resubscribe(long id) {
        boolean changed = update("resubscribe", "update subscribers set status = 'ACTIVE', unsubscribed_at = null,"
                + " updated_at = ? where id = ? and status = 'UNSUBSCRIBED'", now(), id) > 0;
        LOG.info("Subscriber {} {}", id, changed ? "resubscribed on the web" : "was not unsubscribed");
        return changed;
    }

    /** Stores the subscriber's own topics, language and time zone; the file sync keeps them from now on. */
    public void save(long id, Preferences preferences) {
        OffsetDateTime now = now();
        update("save preferences", "update subscribers set topics = ?, locale = ?, timezone = ?, preferences_at = ?,"
                + " updated_at = ? where id = ?",
                preferences.topics().stream().sorted().collect(Collectors.joining(";")),
                preferences.locale() == null ? null : preferences.locale().toLanguageTag(),
                preferences.timezone() == null ? null : preferences.timezone().getId(), now, now, id);
        LOG.info("Subscriber {} saved preferences ({} topics)", id, preferences.topics().size());
    }

    /** No digest until {@code until}; null resumes at once. */
    public void pauseUntil(long id, Instant until) {
        update("pause", "update subscribers set paused_until = ?, updated_at = ? where id = ?",
                until == null ? null : OffsetDateTime.ofInstant(until, java.time.ZoneOffset.UTC), now(), id);
        LOG.info("Subscriber {} {}", id, until == null ? "resumed" : "paused until " + until);
    }

    /** When the subscriber's pause ends, if they are paused now. */
    public Optional<Instant> pausedUntil(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select paused_until from subscribers where id = ? and paused_until > ?")) {
            statement.setLong(1, id);
            statement.setObject(2, now());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DigestException("subscribers: cannot read a pause: " + e.getMessage(), e);
        }
    }

    /** The ids of the subscribers who set their own preferences on the web. */
    static Set<Long> withOwnPreferences(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select id from subscribers where preferences_at is not null");
             ResultSet rs = statement.executeQuery()) {
            Set<Long> ids = new java.util.HashSet<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    private int update(String action, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DigestException("subscribers: cannot " + action + ": " + e.getMessage(), e);
        }
    }

    private OffsetDateTime now() {
        return SubscriberColumns.now(clock);
    }
}
