package org.resumen.digest.delivery;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.render.SharedDigests;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberStore;

/**
 * Runs of the send that leave the ledger alone: a test send to one address and a dry run that
 * renders every digest. Both use the production composer, so they show exactly what would go out.
 */
final class TrialRuns {
    private final Composer composer;
    private final SubscriberStore subscribers;
    private final Supplier<MailConnection> connections;
    private final RetryPolicy retry;
    private final Clock clock;

    TrialRuns(Composer composer, SubscriberStore subscribers, Supplier<MailConnection> connections, RetryPolicy retry, Clock clock) {
        this.composer = composer;
        this.subscribers = subscribers;
        this.connections = connections;
        this.retry = retry;
        this.clock = clock;
    }

    /** Sends the edition to {@code address} only, as that subscriber sees it (or with the defaults); not recorded. */
    SendReport testSend(Edition edition, String address, List<String> problems, Instant started) {
        String email = address.trim().toLowerCase();
        // The operator typed this address: the report shows it as typed (logs mask addresses).
        String who = email;
        Subscriber known = subscribers.byEmail(email)
                .orElse(new Subscriber(0, email, null, null, Set.of(), null, Subscriber.Status.ACTIVE));
        // An editor may test with an address that unsubscribed: the test shows what it would get.
        Subscriber recipient = new Subscriber(known.id(), known.email(), known.name(), known.locale(), known.topics(),
                known.timezone(), Subscriber.Status.ACTIVE);
        Optional<MimeMessage> message = composer.compose(edition, recipient, composer.newSend());
        if (message.isEmpty()) {
            return SendReport.unrecorded(edition, 1, 0, 1, problems, List.of(),
                    "no article of this edition in the topics of " + who, elapsed(started));
        }
        try (MailConnection connection = connections.get()) {
            Outcome outcome = new Attempts(retry).deliver(connection, message.get());
            boolean sent = outcome instanceof Outcome.Sent;
            return SendReport.unrecorded(edition, 1, sent ? 1 : 0, 0, problems,
                    sent ? List.of() : List.of(who + ": " + outcome.reply()),
                    "test send to " + who + " (not recorded as a delivery of the edition)", elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("test send interrupted", e);
        }
    }

    /**
     * Renders the digest of every subscriber still {@code due} and reports the largest; sends nothing.
     * {@code settled} subscribers already have their outcome and would not be sent again; {@code waitingForLocalHour}
     * fall due later (newsletter.delivery local).
     */
    SendReport dryRun(Edition edition, List<Subscriber> due, int settled, int waitingForLocalHour, List<String> problems,
                      Instant started) {
        int rendered = 0;
        int skipped = 0;
        long largest = 0;
        SharedDigests digests = composer.newSend();
        for (Subscriber subscriber : due) {
            if (!edition.isEmpty() && composer.articlesFor(edition, subscriber).isEmpty()) {
                skipped++;
                continue;
            }
            largest = Math.max(largest, composer.render(edition, subscriber, digests).html().getBytes(StandardCharsets.UTF_8).length);
            rendered++;
        }
        return SendReport.unrecorded(edition, rendered + skipped, 0, skipped, problems, List.of(),
                "dry run: " + (rendered + skipped) + " due" + (settled > 0 ? " (" + settled + " already done by earlier runs)" : "")
                        + ", " + rendered + " digests rendered (largest HTML " + largest / 1024 + " KB)"
                        + (skipped > 0 ? ", " + skipped + " with no article in their topics" : "")
                        + (waitingForLocalHour > 0 ? ", " + waitingForLocalHour + " not due yet (their local hour is later)" : "")
                        + "; nothing sent", elapsed(started));
    }

    private Duration elapsed(Instant started) {
        return Duration.between(started, clock.instant());
    }
}
