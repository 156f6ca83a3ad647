package org.resumen.digest.subscriber;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.resumen.digest.subscriber.Subscriber.Status;

/** How a subscriber is written to and read from the {@code subscribers} table. */
final class SubscriberColumns {
    static final String SELECT = "select id, email, name, locale, topics, timezone, status from subscribers";
    private static final String TOPIC_SEPARATOR = ";";

    private SubscriberColumns() {
    }

    static Subscriber read(ResultSet rs) throws SQLException {
        String locale = rs.getString("locale");
        String timezone = rs.getString("timezone");
        String name = rs.getString("name");
        return new Subscriber(
                rs.getLong("id"),
                rs.getString("email"),
                name == null ? "" : name,
                locale == null ? null : Locale.forLanguageTag(locale),
                topics(rs.getString("topics")),
                timezone == null ? null : ZoneId.of(timezone),
                Status.valueOf(rs.getString("status")));
    }

    /** Binds name, locale, topics and timezone of {@code row} from parameter {@code first} on. */
    static void bindProfile(PreparedStatement statement, int first, SubscriberRow row) throws SQLException {
        statement.setString(first, row.name());
        statement.setString(first + 1, row.locale() == null ? null : row.locale().toLanguageTag());
        statement.setString(first + 2, topics(row.topics()));
        statement.setString(first + 3, row.timezone() == null ? null : row.timezone().getId());
    }

    static boolean sameProfile(Subscriber subscriber, SubscriberRow row) {
        return Objects.equals(subscriber.name(), row.name())
                && Objects.equals(subscriber.locale(), row.locale())
                && subscriber.topics().equals(row.topics())
                && Objects.equals(subscriber.timezone(), row.timezone());
    }

    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String topics(Set<String> topics) {
        return topics.stream().sorted().collect(Collectors.joining(TOPIC_SEPARATOR));
    }

    private static Set<String> topics(String stored) {
        return Arrays.stream(stored.split(TOPIC_SEPARATOR))
                .filter(topic -> !topic.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
