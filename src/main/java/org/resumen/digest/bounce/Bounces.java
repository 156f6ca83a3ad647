package org.resumen.digest.bounce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;
import org.resumen.digest.delivery.DeliveryLedger;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.Verp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on a bounce: HARD -> subscriber BOUNCED; SOFT is recorded and the third soft bounce in a row,
 * on three different editions, makes them BOUNCED; DELAYED is recorded only; COMPLAINT -> COMPLAINED
 * (no more mail, like an unsubscribe). The subscriber is found by the VERP token of any address the
 * bounce carries, else by the original Message-ID in the delivery log.
 */
public final class Bounces {
    static final int SOFT_LIMIT = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Bounces.class);
    private final DataSource dataSource;
    private final SubscriberStore subscribers;
    private final Verp verp;
    private final Clock clock;
    private final DeliveryLedger ledger;

    public Bounces(DataSource dataSource, DeliveryLedger ledger, SubscriberStore subscribers, Verp verp, Clock clock) {
        this.ledger = ledger;
        this.dataSource = dataSource;
        this.subscribers = subscribers;
        this.verp = verp;
        this.clock = clock;
    }

    /** The delivery a bounce is about. {@code editionKey} tells editions apart for soft bounces. */
    private record Target(long subscriberId, String editionKey) {
    }

    /** True when the bounce named a subscriber and was acted on; false leaves the message where it is. */
    boolean handle(Bounce bounce) {
        if (bounce.kind() == Bounce.Kind.UNKNOWN) {
            return false;
        }
        Optional<Target> target = target(bounce);
        if (target.isEmpty()) {
            return false;
        }
        long id = target.get().subscriberId();
        record(id, bounce, target.get().editionKey());
        switch (bounce.kind()) {
            case HARD -> subscribers.stop(id, Subscriber.Status.BOUNCED);
            case COMPLAINT -> subscribers.stop(id, Subscriber.Status.COMPLAINED);
            case SOFT -> {
                if (softInARow(id)) {
                    LOG.info("Subscriber {}: {} soft bounces in a row on different editions", id, SOFT_LIMIT);
                    subscribers.stop(id, Subscriber.Status.BOUNCED);
                }
            }
            default -> {
            }
        }
        return true;
    }

    private Optional<Target> target(Bounce bounce) {
        OptionalLong byToken = OptionalLong.empty();
        if (verp != null) {
            for (String address : bounce.addresses()) {
                byToken = verp.match(address);
                if (byToken.isPresent()) {
                    break;
                }
            }
        }
        Optional<Target> byMessageId = bounce.originalMessageId() == null ? Optional.empty() : delivery(bounce.originalMessageId());
        if (byToken.isPresent()) {
            long id = byToken.getAsLong();
            String key = byMessageId.filter(t -> t.subscriberId() == id).map(Target::editionKey)
                    .orElse(bounce.originalMessageId() != null ? bounce.originalMessageId() : "day:" + clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
            return Optional.of(new Target(id, key));
        }
        return byMessageId;
    }

    // The ledger is the delivery package's: asked through its use case, never by SQL here.
    private Optional<Target> delivery(String messageId) {
        return ledger.byMessageId(messageId).map(sent -> new Target(sent.subscriberId(), "edition:" + sent.editionId()));
    }

    private void record(long id, Bounce bounce, String editionKey) {
        sql("record a bounce", c -> {
            try (PreparedStatement s = c.prepareStatement("insert into bounce_events"
                    + " (subscriber_id, kind, status_code, diagnostic, edition_key, received_at) values (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, id);
                s.setString(2, bounce.kind().name());
                s.setString(3, bounce.status());
                s.setString(4, bounce.diagnostic() == null ? null : truncate(bounce.diagnostic(), 1000));
                s.setString(5, truncate(editionKey, 200));
                s.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                return s.executeUpdate();
            }
        });
    }

    /** The latest failures (HARD/SOFT, not DELAYED) are SOFT_LIMIT soft ones on as many editions. */
    private boolean softInARow(long id) {
        List<String> keys = sql("count soft bounces", c -> {
            try (PreparedStatement s = c.prepareStatement("select kind, edition_key from bounce_events where subscriber_id = ?"
                    + " and kind in ('SOFT', 'HARD') order by id desc")) {
                s.setLong(1, id);
                List<String> soft = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next() && soft.size() < SOFT_LIMIT && rs.getString(1).equals("SOFT")) {
                        soft.add(rs.getString(2));
                    }
                }
                return soft;
            }
        });
        return keys.size() == SOFT_LIMIT && new HashSet<>(keys).size() == SOFT_LIMIT;
    }

    /** Soft bounces recorded for a subscriber (status output and tests). */
    public int softBounces(long subscriberId) {
        return sql("count soft bounces", c -> {
            try (PreparedStatement s = c.prepareStatement("select count(*) from bounce_events where subscriber_id = ? and kind = 'SOFT'")) {
                s.setLong(1, subscriberId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T sql(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DigestException("could not " + what + ": " + e.getMessage(), e);
        }
    }
}
