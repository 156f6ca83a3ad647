package org.resumen.digest.delivery;

import jakarta.mail.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.resumen.digest.article.IngestReport;
import org.resumen.digest.article.Ingester;
import org.resumen.digest.config.Config;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.edition.Editions;
import org.resumen.digest.render.DigestRenderer;
import org.resumen.digest.render.RenderedDigest;
import org.resumen.digest.subscriber.Emails;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one send use case, whatever triggers it (the schedule, the CLI, later the web console):
 * validate the templates, sync subscribers, pull every source, open the frozen edition, add a
 * delivery row per subscriber, and send to everyone without a sent delivery.
 */
public final class SendEdition {
    private static final Logger log = LoggerFactory.getLogger(SendEdition.class);

    private final Config config;
    private final DigestRenderer renderer;
    private final SubscriberStore subscribers;
    private final Ingester ingester;
    private final Editions editions;
    private final DeliveryLedger ledger;
    private final Composer composer;
    private final Supplier<MailConnection> connections;
    private final TrialRuns trials;
    private final RetryPolicy retry;
    private final Clock clock;
    private final AtomicBoolean stop = new AtomicBoolean();

    public SendEdition(Config config, DigestRenderer renderer, SubscriberStore subscribers, Ingester ingester,
                       Editions editions, DeliveryLedger ledger, Tokens tokens, RetryPolicy retry, Clock clock) {
        this.config = config;
        this.renderer = renderer;
        this.subscribers = subscribers;
        this.ingester = ingester;
        this.editions = editions;
        this.ledger = ledger;
        this.retry = retry;
        this.clock = clock;
        MessageBuilder builder = new MessageBuilder(config.newsletter(), clock);
        Session session = SmtpSessions.create(config.smtp(), builder.from().getAddress());
        this.composer = new Composer(renderer, builder, new PersonalLinks(config.newsletter().baseUrl(), tokens),
                config.newsletter().locale(), session);
        this.connections = () -> new SmtpConnection(session, config.smtp());
        this.trials = new TrialRuns(composer, subscribers, connections, retry, clock);
    }

    /** Asks a running send to stop after the messages in flight; the rest stay due for the next run. */
    public void requestStop() {
        stop.set(true);
    }

    public SendReport run(SendOptions options, Progress progress) {
        Instant started = clock.instant();
        stop.set(false);
        List<String> problems = prepare();
        LocalDate date = options.date() != null ? options.date() : editions.today();
        Edition planned = editions.plan(date);
        if (options.isTest()) {
            return trials.testSend(planned, options.testAddress(), problems, started);
        }
        if (options.dryRun()) {
            return trials.dryRun(planned, problems, started);
        }
        if (planned.id() == 0 && planned.isEmpty() && !options.force()) {
            return empty(planned, problems, started);
        }
        Edition edition = planned.id() != 0 ? planned : editions.open(date);
        return deliver(edition, progress, problems, started);
    }

    /**
     * What {@code email} (or, without one, a subscriber with the newsletter's defaults and every
     * topic) would get in the edition of {@code date}: the production renderer, nothing sent.
     */
    public RenderedDigest preview(LocalDate date, String email) {
        prepare();
        Edition edition = editions.plan(date != null ? date : editions.today());
        Subscriber subscriber = email == null
                ? new Subscriber(0, "preview@example.org", null, null, java.util.Set.of(), null, Subscriber.Status.ACTIVE)
                : subscribers.byEmail(email.trim().toLowerCase())
                        .orElseThrow(() -> new DeliveryException("no subscriber " + Emails.mask(email) + "; see: digest subscribers list"));
        return composer.render(edition, subscriber, composer.newSend());
    }

    private SendReport deliver(Edition edition, Progress progress, List<String> problems, Instant started) {
        ledger.fanOut(edition.id());
        Claims claims = ledger.claims(Nodes.runId());
        int due = claims.countDue(edition.id());
        int sentBefore = ledger.counts(edition.id()).getOrDefault(DeliveryLedger.SENT, 0);
        DeliveryRun run = new DeliveryRun(composer, ledger, claims, subscribers, connections, retry,
                new RateLimiter(config.smtp().maxPerSecond()), config.smtp().connections(), stop);
        run.run(edition, due, progress);
        if (run.workerError.get() != null) {
            problems.add("sending stopped early, the rest stays due for the next run: " + run.workerError.get());
        }
        if (run.retaken.get() > 0) {
            log.warn("edition {}: {} deliveries retaken after another process's lease ran out (possible duplicates)",
                    edition.date(), run.retaken.get());
        }
        String note = due == 0 && run.sent.get() == 0
                ? alreadyDone(edition, sentBefore)
                : (stop.get() ? "stopped on request; the rest stays due for the next run" : "");
        log.info("edition {}: {} due, {} sent, {} failed, {} rejected, {} skipped, {} retaken", edition.date(), due,
                run.sent.get(), run.failed.get(), run.rejected.get(), run.skipped.get(), run.retaken.get());
        return new SendReport(edition.date(), edition.articles().size(), due, run.sent.get(), run.failed.get(),
                run.rejected.get(), run.skipped.get(), sentBefore, problems, run.failures, note, elapsed(started));
    }

    private String alreadyDone(Edition edition, int sent) {
        Map<String, Integer> counts = ledger.counts(edition.id());
        int rejected = counts.getOrDefault(DeliveryLedger.REJECTED, 0);
        int skipped = counts.getOrDefault(DeliveryLedger.SKIPPED, 0);
        String prefix = "the edition of " + edition.date() + " was already sent to ";
        if (rejected + skipped == 0) {
            return prefix + "all " + sent + " subscribers; nothing new to send";
        }
        return prefix + sent + " of " + (sent + rejected + skipped) + " subscribers (" + rejected + " rejected, "
                + skipped + " skipped, not retried); nothing new to send";
    }

    private SendReport empty(Edition edition, List<String> problems, Instant started) {
        return SendReport.unrecorded(edition, 0, 0, 0, problems, List.of(), "no new articles for the edition of " + edition.date()
                + " (window " + edition.windowStart() + " to " + edition.cutoff() + "); nothing sent (use --force to send anyway)",
                elapsed(started));
    }

    /**
     * What every run does first: templates checked before any mail, subscriber files synced, every
     * source pulled. Returns the file and source problems (they do not stop the run).
     */
    private List<String> prepare() {
        renderer.validate();
        List<String> problems = new ArrayList<>(subscribers.syncFolder(config.subscribers()).files().problems());
        IngestReport report = ingester.ingestAll();
        report.outcomes().forEach(o -> problems.addAll(o.problems()));
        return problems;
    }

    private Duration elapsed(Instant started) {
        return Duration.between(started, clock.instant());
    }
}
