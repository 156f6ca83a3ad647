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
import org.resumen.digest.health.EditionGate;
import org.resumen.digest.health.SourceHealth;
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
    private final EditionGate gate;
    private final SourceAlerts alerts;
    private volatile EditionGate.Sleeper sleeper = this::sleepUnlessStopped;
    private final List<java.util.function.BiConsumer<SendOptions, SendReport>> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Editions (by date) this process is sending right now, with how many runs of each. */
    private final Map<LocalDate, Integer> delivering = new java.util.concurrent.ConcurrentHashMap<>();

    public SendEdition(Config config, DigestRenderer renderer, SubscriberStore subscribers, Ingester ingester,
                       Editions editions, DeliveryLedger ledger, Tokens tokens, RetryPolicy retry, Clock clock,
                       SourceHealth health) {
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
        this.gate = new EditionGate(ingester::ingestAll, health, config.newsletter().sourceGrace(), clock,
                duration -> sleeper.sleep(duration), config.newsletter().timezone());
        this.alerts = new SourceAlerts(config, health, new NoticeMail(config, clock), clock);
    }

    /** How the grace's waits between source pulls pass; tests move their clock instead of waiting. */
    public void sleepWith(EditionGate.Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    // Waits, but wakes within half a second of a stop request (the stop ends the grace at once).
    private void sleepUnlessStopped(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (!stop.get()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(500, Math.max(1, left / 1_000_000)));
        }
        throw new InterruptedException("stopped");
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
        SendReport report = send(options, progress);
        finished.forEach(listener -> listener.accept(options, report));
        return report;
    }

    /** Tells {@code listener} of every finished run (from the thread that ran it), e.g. for the service's metrics. */
    public void onFinished(java.util.function.BiConsumer<SendOptions, SendReport> listener) {
        finished.add(listener);
    }

    private SendReport send(SendOptions options, Progress progress) {
        Instant started = clock.instant();
        stop.set(false);
        LocalDate date = options.date() != null ? options.date() : editions.today();
        refuseFutureDate(date, options);
        // An edition not frozen yet goes through the source-health gate: failing sources are pulled
        // again for up to newsletter.source-grace, then it is sent, sent with an alert, or held.
        boolean gated = !options.isTest() && !options.dryRun() && editions.find(date).isEmpty();
        List<String> problems = syncFiles();
        IngestReport ingest = gated && options.waitForSources() ? gate.ingest() : gate.ingestOnce();
        ingest.outcomes().forEach(o -> problems.addAll(o.problems()));
        Edition planned = editions.plan(date);
        if (options.isTest()) {
            return trials.testSend(planned, options.testAddress(), problems, started);
        }
        if (gated && stop.get()) {
            return SendReport.unrecorded(planned, 0, 0, 0, problems, List.of(),
                    "stopped on request while waiting for failing sources; nothing sent", elapsed(started));
        }
        if (gated) {
            EditionGate.Decision decision = gate.decide(planned.articles().size(), ingest, config.newsletter().name());
            if (decision.verdict() == EditionGate.Verdict.SEND_AND_ALERT || decision.verdict() == EditionGate.Verdict.HOLD) {
                alerts.send(gate, decision, date);
            }
            if (decision.verdict() == EditionGate.Verdict.HOLD && !options.release()) {
                return held(planned, decision, problems, started);
            }
            if (decision.verdict() == EditionGate.Verdict.HOLD) {
                log.warn("edition {}: released by hand although {}", date, decision.reason());
            }
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
        return deliver(edition, progress, problems, started, true);
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
        List<Subscriber> unsettled = subscribers.active().stream().filter(s -> !settled.contains(s.id())).toList();
        DueTimes times = DueTimes.of(config.newsletter(), edition);
        List<Subscriber> due = unsettled.stream().filter(s -> !times.dueIn(s.timezone()).isAfter(clock.instant())).toList();
        int waiting = unsettled.size() - due.size();
        if (due.isEmpty() && waiting == 0 && edition.id() != 0) {
            int sent = ledger.counts(edition.id()).getOrDefault(DeliveryLedger.SENT, 0);
            return SendReport.unrecorded(edition, 0, 0, 0, problems, List.of(),
                    "dry run: 0 due; " + alreadyDone(edition, sent) + ", a real send would send nothing", elapsed(started));
        }
        return trials.dryRun(edition, due, settled.size(), waiting, problems, started);
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

    /**
     * Works the due deliveries of the edition of {@code date}, already opened, through the same claims
     * as every send, without syncing files, pulling sources or adding rows for subscribers who joined
     * since (a send does that): what serve's retry sweep calls (see
     * {@link DueSweep}). Past the send deadline what is still due expires. Empty when the edition
     * was never opened: only a send opens one.
     */
    public java.util.Optional<SendReport> resume(LocalDate date, Progress progress) {
        Instant started = clock.instant();
        stop.set(false);
        java.util.Optional<Edition> edition = editions.find(date);
        if (edition.isEmpty()) {
            return java.util.Optional.empty();
        }
        renderer.validate();
        SendReport report = deliver(edition.get(), progress, new ArrayList<>(), started, false);
        finished.forEach(listener -> listener.accept(SendOptions.scheduled(date), report));
        return java.util.Optional.of(report);
    }

    private SendReport deliver(Edition edition, Progress progress, List<String> problems, Instant started, boolean fanOut) {
        // Checked before the fan-out: nobody who subscribed since is given a row of an edition that can no longer go out.
        // With local delivery the edition's deadline is the earliest a row's can be: rows due later keep theirs.
        Instant deadline = editions.sendDeadline(edition);
        int expiredFirst = 0;
        if (clock.instant().isAfter(deadline)) {
            expiredFirst = expirePastTheirDeadline(edition, deadline);
            if (!localDelivery() || nothingLeftToSend(edition)) {
                return pastDeadline(edition, deadline, expiredFirst, problems, started);
            }
            fanOut = false;
        }
        delivering.merge(edition.date(), 1, Integer::sum);
        try {
            return deliverDue(edition, progress, problems, started, deadline, fanOut, expiredFirst);
        } finally {
            delivering.computeIfPresent(edition.date(), (date, runs) -> runs == 1 ? null : runs - 1);
        }
    }

    /** True while a run of this process sends the edition of {@code date} (so serve's sweep need not start another). */
    public boolean delivering(LocalDate date) {
        return delivering.containsKey(date);
    }

    private boolean localDelivery() {
        return config.newsletter().delivery() == org.resumen.digest.config.NewsletterConfig.Delivery.LOCAL;
    }

    private boolean nothingLeftToSend(Edition edition) {
        Map<String, Integer> counts = ledger.counts(edition.id());
        return counts.getOrDefault(DeliveryLedger.PENDING, 0) + counts.getOrDefault(DeliveryLedger.FAILED, 0) == 0;
    }

    /**
     * Past the edition's deadline ({@code deadline}): expires what is still due and whose own deadline
     * passed, every due row with edition delivery, the rows due more than newsletter.send-deadline ago
     * with local delivery (a row in Tokyo expires that long after its own hour). Returns how many.
     */
    private int expirePastTheirDeadline(Edition edition, Instant deadline) {
        Instant now = clock.instant();
        if (!localDelivery()) {
            return ledger.expire(edition.id(), expiryReason(deadline), now);
        }
        String reason = "expired: not sent within newsletter.send-deadline " + human(config.newsletter().sendDeadline())
                + " of its due time (the subscriber's local hour, newsletter.delivery local)";
        return ledger.expire(edition.id(), reason, now.minus(config.newsletter().sendDeadline()));
    }

    private SendReport deliverDue(Edition edition, Progress progress, List<String> problems, Instant started, Instant deadline,
                                  boolean fanOut, int expiredFirst) {
        if (fanOut) {
            ledger.fanOut(edition.id(), DueTimes.of(config.newsletter(), edition));
        }
        Claims claims = ledger.claims(Nodes.runId());
        int due = claims.countDue(edition.id());
        int sentBefore = ledger.counts(edition.id()).getOrDefault(DeliveryLedger.SENT, 0);
        RateLimiter limiter = new RateLimiter(config.smtp().maxPerSecond());
        DeliveryRun run = new DeliveryRun(composer, ledger, claims, subscribers, connections, retry,
                limiter, config.smtp().connections(), stop, clock);
        run.run(edition, due, progress);
        if (run.workerError.get() != null) {
            problems.add("sending stopped early, the rest stays due for the next run: " + run.workerError.get());
        }
        if (run.retaken.get() > 0) {
            log.warn("edition {}: {} deliveries retaken after another process's lease ran out (possible duplicates)",
                    edition.date(), run.retaken.get());
        }
        SendReport.Pacing pacing = new SendReport.Pacing(limiter.throttles(), limiter.slowest(), run.requeued.get(),
                run.paused.get() == null ? "" : run.paused.get());
        String note = due == 0 && run.sent.get() == 0
                ? nothingDue(edition, sentBefore)
                : (stop.get() ? "stopped on request; the rest stays due for the next run" : paused(pacing));
        // A run that ends past the deadline leaves nothing for a later one: what is still due expires now.
        int expired = expiredFirst + (clock.instant().isAfter(deadline) ? expirePastTheirDeadline(edition, deadline) : 0);
        int waiting = ledger.counts(edition.id()).getOrDefault(DeliveryLedger.FAILED, 0);
        Instant nextRetry = waiting == 0 ? null : ledger.nextRetry(edition.id()).orElse(null);
        DeliveryLedger.Waiting local = localDelivery() ? ledger.waitingForTheirHour(edition.id()) : new DeliveryLedger.Waiting(0, null);
        log.info("edition {}: {} due, {} sent, {} failed, {} rejected, {} skipped, {} retaken, {} expired, {} waiting for a retry"
                        + " (next at {}), {} waiting for their local hour (next at {}), {} throttling replies{}", edition.date(), due,
                run.sent.get(), run.failed.get(), run.rejected.get(), run.skipped.get(), run.retaken.get(), expired, waiting,
                nextRetry, local.count(), local.nextDue(), pacing.throttled(), pacing.isPaused() ? ", paused: " + pacing.paused() : "");
        return new SendReport(edition.date(), edition.articles().size(), due, run.sent.get(), run.failed.get(),
                run.rejected.get(), run.skipped.get(), sentBefore, problems, run.failures, note, elapsed(started),
                run.retaken.get(), waiting, expired, false, nextRetry, pacing, local.count(), local.nextDue());
    }

    private static String paused(SendReport.Pacing pacing) {
        return pacing.isPaused() ? "paused: " + pacing.paused() + "; the rest stays due, and the next digest send (or serve's"
                + " retry sweep, 5 minutes later) resumes it" : "";
    }

    // Nothing was due: all settled, or what is left waits for its local hour or its retry time.
    private String nothingDue(Edition edition, int sentBefore) {
        int waiting = ledger.counts(edition.id()).getOrDefault(DeliveryLedger.FAILED, 0);
        DeliveryLedger.Waiting local = localDelivery() ? ledger.waitingForTheirHour(edition.id()) : new DeliveryLedger.Waiting(0, null);
        if (local.count() > 0) {
            return "nothing due now: " + local.count() + " deliveries of the edition of " + edition.date() + " wait for their"
                    + " subscribers' local hour (newsletter.delivery local; the first at " + inZone(local.nextDue()) + ", "
                    + config.newsletter().timezone() + ")" + (waiting > 0 ? ", " + waiting + " for their retry time" : "")
                    + "; " + sentBefore + " already sent";
        }
        if (waiting == 0) {
            return alreadyDone(edition, sentBefore);
        }
        return "nothing due now: " + waiting + " deliveries of the edition of " + edition.date() + " failed for now and wait"
                + " for their retry time (the first at " + ledger.nextRetry(edition.id()).map(this::inZone).orElse("?") + ", "
                + config.newsletter().timezone() + "); " + sentBefore + " already sent";
    }

    // listmonk #1801 is the bug to avoid: an edition resumed after downtime going out a day late.
    private SendReport pastDeadline(Edition edition, Instant deadline, int expired, List<String> problems, Instant started) {
        int sentBefore = ledger.counts(edition.id()).getOrDefault(DeliveryLedger.SENT, 0);
        log.warn("edition {}: past its send deadline {}; {} deliveries still due expired, nothing sent", edition.date(),
                deadline, expired);
        String deadlines = localDelivery()
                ? "the send deadline of every delivery still due (newsletter.send-deadline " + human(config.newsletter().sendDeadline())
                        + " after each one's local hour)"
                : "its send deadline (" + inZone(deadline) + ", " + config.newsletter().timezone() + "; newsletter.send-deadline "
                        + human(config.newsletter().sendDeadline()) + " after its cutoff or its opening)";
        String note = expired == 0 ? alreadyDone(edition, sentBefore)
                : "the edition of " + edition.date() + " is past " + deadlines + "; " + expired + " deliveries still due expired,"
                        + " nothing sent";
        return new SendReport(edition.date(), edition.articles().size(), 0, 0, 0, 0, 0, sentBefore, problems, List.of(),
                note, elapsed(started), 0, 0, expired, false);
    }

    private String expiryReason(Instant deadline) {
        return "expired: not sent by the send deadline " + inZone(deadline) + " " + config.newsletter().timezone()
                + " (newsletter.send-deadline " + human(config.newsletter().sendDeadline()) + ")";
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private SendReport held(Edition planned, EditionGate.Decision decision, List<String> problems, Instant started) {
        log.warn("edition {}: held: {}", planned.date(), decision.reason());
        String note = "held: " + decision.reason() + " (not sent, not frozen); serve tries it again until the send deadline,"
                + " or send it anyway with digest send --date " + planned.date() + " --release";
        return new SendReport(planned.date(), planned.articles().size(), 0, 0, 0, 0, 0, 0, problems, List.of(), note,
                elapsed(started), 0, 0, 0, true);
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
        List<String> problems = syncFiles();
        gate.ingestOnce().outcomes().forEach(o -> problems.addAll(o.problems()));
        return problems;
    }

    // Templates checked before any mail; the subscriber files' problems returned (they do not stop the run).
    private List<String> syncFiles() {
        renderer.validate();
        return new ArrayList<>(subscribers.syncFolder(config.subscribers()).problems());
    }

    private Duration elapsed(Instant started) {
        return Duration.between(started, clock.instant());
    }
}
