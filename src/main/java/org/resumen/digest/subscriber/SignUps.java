package org.resumen.digest.subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.resumen.digest.subscriber.Subscriber.Origin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Double opt-in: a sign-up leaves the address PENDING (it gets nothing) until its confirmation link
 * is opened. An address already getting the digest is left as it is, and nothing here tells a
 * visitor which case happened.
 */
public final class SignUps {
    private static final Logger LOG = LoggerFactory.getLogger(SignUps.class);

    private final DataSource dataSource;
    private final Clock clock;

    public SignUps(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What a sign-up asks for: {@code email} checked with {@link Emails#problem}, topics empty for everything. */
    public record Request(String email, String name, Locale locale, java.util.Set<String> topics, Origin origin) {
    }

    /**
     * Records the sign-up and returns the id to send a confirmation link to, or empty when the
     * address already gets the digest (no mail then: it is already confirmed). An address that left
     * (unsubscribed or removed) becomes PENDING again: only the confirmation brings it back.
     */
    public OptionalLong request(Request request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        return SubscriberSql.inTransaction(dataSource, "record a sign-up", connection -> {
            Optional<Subscriber> current = find(connection, email);
            if (current.isPresent() && current.get().active()) {
                LOG.info("Sign-up of {}: already subscribed, nothing to confirm", Emails.mask(email));
                return OptionalLong.empty();
            }
            long id = current.isPresent() ? repending(connection, current.get().id(), request) : insert(connection, email, request);
            LOG.info("Sign-up of {} ({}): pending until confirmed", Emails.mask(email), request.origin());
            return OptionalLong.of(id);
        });
    }

    /** Makes a PENDING subscriber ACTIVE; true when that changed their status (a second click changes nothing). */
    public boolean confirm(long id) {
        boolean changed = SubscriberSql.inTransaction(dataSource, "confirm a sign-up", connection -> {
            try (PreparedStatement update = connection.prepareStatement("update subscribers set status = 'ACTIVE',"
                    + " confirmed_at = ?, unsubscribed_at = null, updated_at = ? where id = ? and status = 'PENDING'")) {
                OffsetDateTime now = SubscriberColumns.now(clock);
                update.setObject(1, now);
                update.setObject(2, now);
                update.setLong(3, id);
                return update.executeUpdate() > 0;
            }
        });
        LOG.info("Subscriber {} {}", id, changed ? "confirmed their sign-up" : "was not pending");
        return changed;
    }

    private long insert(Connection connection, String email, Request request) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into subscribers (email, name, locale, topics,"
                + " timezone, status, origin, preferences_at, created_at, updated_at) values (?, ?, ?, ?, null, 'PENDING', ?, ?, ?, ?)",
                new String[] {"id"})) {
            OffsetDateTime now = SubscriberColumns.now(clock);
            insert.setString(1, email);
            bindChoices(insert, 2, request);
            insert.setString(5, request.origin().name().toLowerCase(Locale.ROOT));
            insert.setObject(6, now);
            insert.setObject(7, now);
            insert.setObject(8, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    // The address left once: what they ask for now replaces what they had, and the file sync keeps it.
    private long repending(Connection connection, long id, Request request) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update subscribers set name = ?, locale = ?, topics = ?,"
                + " status = 'PENDING', origin = ?, preferences_at = ?, updated_at = ? where id = ?")) {
            OffsetDateTime now = SubscriberColumns.now(clock);
            bindChoices(update, 1, request);
            update.setString(4, request.origin().name().toLowerCase(Locale.ROOT));
            update.setObject(5, now);
            update.setObject(6, now);
            update.setLong(7, id);
            update.executeUpdate();
            return id;
        }
    }

    private static void bindChoices(PreparedStatement statement, int first, Request request) throws SQLException {
        statement.setString(first, request.name() == null || request.name().isBlank() ? null : request.name().trim());
        statement.setString(first + 1, request.locale() == null ? null : request.locale().toLanguageTag());
        statement.setString(first + 2, request.topics().stream().sorted().collect(Collectors.joining(";")));
    }

    private static Optional<Subscriber> find(Connection connection, String email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SubscriberColumns.SELECT + " where email = ?")) {
            select.setString(1, email);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(SubscriberColumns.read(rs)) : Optional.empty();
            }
        }
    }
}
