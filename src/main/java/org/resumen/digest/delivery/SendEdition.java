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
import org.resumen.digest.RefusedException;
import org.resumen.digest.article.IngestReport;
import org.resumen.digest.article.Ingester;
import org.resumen.digest.config.Config;
import org.resumen.digest.subscriber.Verp;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.edition.Editions;
import org.resumen.digest.render.DigestRenderer;
import org.resumen.digest.render.RenderedDigest;
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
    private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
        MessageBuilder builder = new MessageBuilder(config.newsletter(), clock, org.resumen.digest.mail.MessageSigner.forConfig(config.dkim()));
        Session session = SmtpSessions.create(config.smtp(), builder.from().getAddress());
        this.composer = new Composer(renderer, builder, new PersonalLinks(config.newsletter().baseUrl(), tokens),
                config.newsletter().locale(), session,
                config.bounces() != null && config.bounces().verp() ? new Verp(config.bounces().address(), tokens) : null);
        this.connections = () -> new SmtpConnection(session, config.smtp());
        this.trials = new TrialRuns(composer, subscribers, connections, retry, clock);
    }

    /** Asks a running send to stop after the messages in flight; the rest stay due for the next run. */
    public void requestStop() {
        stop.set(true);
    }

    /**
     * Sends (or, with {@code dryRun}, reports what a send would do now). Refused with a
     * {@link RefusedException} before anything is done: a date after today unless forced, and a
     * forced send of an empty edition before its scheduled cutoff, which would freeze the day's
     * edition empty and leave the schedule nothing to send.
     */
    public SendReport run(SendOptions options, Progress progress) {
        Instant started = clock.instant();
        stop.set(false);
        LocalDate date = options.date() != null ? options.date() : editions.today();
        refuseFutureDate(date, options);
        List<String> problems = prepare();
        Edition planned = editions.plan(date);
        if (options.isTest()) {
            return trials.testSend(planned, options.testAddress(), problems, started);
        }
        boolean unopenedAndEmpty = planned.id() == 0 && planned.isEmpty();
        if (unopenedAndEmpty && options.force()) {
            refuseEarlyEmptySend(planned);
        }
        if (unopenedAndEmpty && !options.force()) {
            return empty(planned, problems, started, options.dryRun());
        }
        if (options.dryRun()) {
            return dryRun(planned, problems, started);
        }
        Edition edition = planned.id() != 0 ? planned : editions.open(date);
        return deliver(edition, progress, problems, started);
    }

    private void refuseFutureDate(LocalDate date, SendOptions options) {
        LocalDate today = editions.today();
        if (date.isAfter(today) && !options.force()) {
            throw new RefusedException("the edition of " + date + " is in the future (today is " + today + " in "
                    + config.newsletter().timezone() + "); sent now it would carry today's articles under that date."
                    + " Nothing sent. Use --force to send it anyway");
        }
    }

    // The cutoff of an edition opened by hand before the schedule is the moment of that send: forced
    // while empty, the day's edition would be frozen with no article and the scheduled run would
    // find it already sent, leaving the articles of the rest of the morning to the next day.
    private void refuseEarlyEmptySend(Edition planned) {
        Instant scheduled = editions.scheduledCutoff(planned.date());
        if (clock.instant().isBefore(scheduled)) {
            throw new RefusedException("the edition of " + planned.date() + " has no article yet and the schedule closes it at "
                    + inZone(scheduled) + "; a forced send now would freeze it empty and the scheduled run would find it"
                    + " already sent. Nothing sent. Send it with --force after " + inZone(scheduled)
                    + ", or see it with digest preview or send --to EMAIL");
        }
    }

    /** What a real send would do now, without sending or recording: who is still due, and their digests rendered. */
    private SendReport dryRun(Edition edition, List<String> problems, Instant started) {
        java.util.Set<Long> settled = edition.id() == 0 ? java.util.Set.of() : ledger.settledSubscribers(edition.id());
        List<Subscriber> due = subscribers.active().stream().filter(s -> !settled.contains(s.id())).toList();
        if (due.isEmpty() && edition.id() != 0) {
            int sent = ledger.counts(edition.id()).getOrDefault(DeliveryLedger.SENT, 0);
            return SendReport.unrecorded(edition, 0, 0, 0, problems, List.of(),
                    "dry run: 0 due; " + alreadyDone(edition, sent) + ", a real send would send nothing", elapsed(started));
        }
        return trials.dryRun(edition, due, settled.size(), problems, started);
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
                        .orElseThrow(() -> new RefusedException("no subscriber \"" + email + "\" (the address is looked up"
                                + " as typed, case aside); see: digest subscribers list"));
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

    private SendReport empty(Edition edition, List<String> problems, Instant started, boolean dryRun) {
        String window = "window " + inZone(edition.windowStart()) + " to " + inZone(edition.cutoff()) + ", "
                + config.newsletter().timezone();
        String note = dryRun
                ? "dry run: 0 due; no new articles for the edition of " + edition.date() + " (" + window
                        + "), a real send would send nothing (unless --force)"
                : "no new articles for the edition of " + edition.date() + " (" + window
                        + "); nothing sent (use --force to send anyway)";
        return SendReport.unrecorded(edition, 0, 0, 0, problems, List.of(), note, elapsed(started));
    }

    /** An instant as the newsletter's readers tell time: date and time to the minute in its zone. */
    private String inZone(Instant instant) {
        return MINUTES.format(instant.atZone(config.newsletter().timezone()));
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
