package org.resumen.digest.delivery;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.resumen.digest.DigestException;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.render.SharedDigests;
import org.resumen.digest.subscriber.Emails;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through an edition's due deliveries on {@code threads} SMTP connections at once. Each worker
 * claims a small batch of rows ({@link #BATCH}), reads their subscribers in one query (an unsubscribe
 * made meanwhile is honoured), composes and sends each message with retries, and writes the batch's
 * outcomes in one commit. So at most {@code threads × BATCH} messages are ever sent but not recorded:
 * the bound on what a crash can send twice, and those rows come back as possible duplicates.
 *
 * <p>A delivery still failing for now after its tries waits {@link RetryPolicy#backoff} for a later
 * run. A throttled one goes back to the due pool untouched. When the run's {@link ErrorBudget} is
 * spent (or the connection failed too often in a row) the run pauses: no more claims, and what is
 * claimed but not tried goes back to the pool, due for the next run or serve's retry sweep.
 */
final class DeliveryRun {
    /** Rows per claim and per group commit. */
    static final int BATCH = 16;
    private static final Logger log = LoggerFactory.getLogger(DeliveryRun.class);
    /** One line per send with the delivery phase's rate: what src/bench/run-bench.sh reads. */
    private static final Logger throughput = LoggerFactory.getLogger("org.resumen.digest.delivery.throughput");

    private final Composer composer;
    private final SharedDigests digests;
    private final DeliveryLedger ledger;
    private final Claims claims;
    private final SubscriberStore subscribers;
    private final Supplier<MailConnection> connections;
    private final Attempts attempts;
    private final RetryPolicy retry;
    private final ErrorBudget budget = new ErrorBudget();
    private final java.time.Clock clock;
    private final int threads;
    private final AtomicBoolean stop;
    private final AtomicLong cursor = new AtomicLong();

    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    /** Rows taken over after another process's lease ran out: the server may already have them. */
    final AtomicInteger retaken = new AtomicInteger();
    /** Deliveries given back to the due pool after the server throttled them {@link Attempts#MAX_THROTTLES} times. */
    final AtomicInteger requeued = new AtomicInteger();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** Why a worker stopped early (e.g. the database failed), leaving deliveries due; null when none did. */
    final AtomicReference<String> workerError = new AtomicReference<>();
    private final AtomicInteger connectionFailuresInARow = new AtomicInteger();
    /** Why the run paused, leaving the rest due ("error budget: …"); null while it goes on. */
    final AtomicReference<String> paused = new AtomicReference<>();

    DeliveryRun(Composer composer, DeliveryLedger ledger, Claims claims, SubscriberStore subscribers,
                Supplier<MailConnection> connections, RetryPolicy retry, RateLimiter limiter, int threads, AtomicBoolean stop,
                java.time.Clock clock) {
        this.composer = composer;
        this.digests = composer.newSend();
        this.ledger = ledger;
        this.claims = claims;
        this.subscribers = subscribers;
        this.connections = connections;
        this.attempts = new Attempts(retry, limiter, budget);
        this.retry = retry;
        this.clock = clock;
        this.threads = threads;
        this.stop = stop;
    }

    /** Sends until no due row is left (or a stop is requested); {@code total}: rows due at the start, for progress. */
    void run(Edition edition, int total, Progress progress) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> work(edition, progress, total));
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                progress.update(done(), sent.get(), failed.get(), rejected.get(), total);
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
        }
        progress.update(done(), sent.get(), failed.get(), rejected.get(), total);
        log.info("edition {} rendered: {}", edition.date(), digests.stats());
        double seconds = (System.nanoTime() - started) / 1e9;
        throughput.info(String.format(java.util.Locale.ROOT, "delivered %d messages in %.2f s (%.1f msg/s)",
                done(), seconds, done() / Math.max(seconds, 1e-9)));
    }

    private void work(Edition edition, Progress progress, int total) {
        try (MailConnection connection = connections.get()) {
            while (!stop.get() && paused.get() == null) {
                List<Claims.Claim> batch = claims.claim(edition.id(), cursor.get(), BATCH);
                if (batch.isEmpty()) {
                    return;
                }
                cursor.accumulateAndGet(batch.get(batch.size() - 1).id(), Math::max);
                deliverBatch(edition, batch, connection);
                progress.update(done(), sent.get(), failed.get(), rejected.get(), total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("delivery worker stopped: {}", e.getMessage(), e);
            workerError.compareAndSet(null, e.getMessage());
        }
    }

    private void deliverBatch(Edition edition, List<Claims.Claim> batch, MailConnection connection) throws InterruptedException {
        Map<Long, Subscriber> active = subscribers.activeAmong(batch.stream().map(Claims.Claim::subscriberId).toList());
        List<Done> done = new ArrayList<>(batch.size());
        List<Long> giveBack = new ArrayList<>();
        long leaseCheck = System.nanoTime() + Claims.LEASE.toNanos() / 2;
        int next = 0;
        try {
            for (; next < batch.size() && !stop.get() && paused.get() == null; next++) {
                if (System.nanoTime() > leaseCheck) {
                    claims.extend(batch.subList(next, batch.size()).stream().map(Claims.Claim::id).toList());
                    leaseCheck = System.nanoTime() + Claims.LEASE.toNanos() / 2;
                }
                Claims.Claim claim = batch.get(next);
                Done one = deliverOne(edition, claim, active.get(claim.subscriberId()), connection);
                if (one.recorded() == null) {
                    giveBack.add(claim.id());
                } else {
                    done.add(one);
                }
            }
        } finally {
            ledger.recordAll(done.stream().map(Done::recorded).toList(), claims.node());
            done.forEach(this::tally);
            requeued.addAndGet(giveBack.size());
            batch.subList(next, batch.size()).forEach(claim -> giveBack.add(claim.id()));
            claims.release(giveBack);
        }
    }

    /**
     * One message's outcome, and the line the report shows when it did not go out; {@code recorded}
     * is null for a delivery that goes back to the due pool as it was (throttled).
     */
    private record Done(DeliveryLedger.Recorded recorded, String failure, boolean retaken) {
    }

    private Done deliverOne(Edition edition, Claims.Claim claim, Subscriber subscriber, MailConnection connection)
            throws InterruptedException {
        if (subscriber == null) {
            return skip(claim, "unsubscribed or removed before this message was sent");
        }
        String who = Emails.mask(subscriber.email());
        Optional<MimeMessage> message;
        try {
            message = composer.compose(edition, subscriber, digests);
        } catch (DigestException e) {
            return fail(claim, subscriber.email(), "not sent: " + e.getMessage());
        }
        if (message.isEmpty()) {
            return skip(claim, "no article of this edition in the subscriber's topics " + subscriber.topics());
        }
        Outcome outcome = attempts.deliver(connection, message.get());
        if (outcome instanceof Outcome.Throttled t) {
            log.debug("delivery {} to {}: throttled {} times, back to the due pool: {}", claim.id(), who, Attempts.MAX_THROTTLES, t.reply());
            return new Done(null, null, false);
        }
        budget.exhausted().ifPresent(reason -> paused.compareAndSet(null, reason));
        if (outcome instanceof Outcome.Rejected r && userUnknown(r.reply())) {
            // a synchronous "user unknown" is a hard bounce: no more mail until an admin lifts it
            subscribers.stop(subscriber.id(), org.resumen.digest.subscriber.Subscriber.Status.BOUNCED);
        }
        log.debug("delivery {} to {}: {}", claim.id(), who, outcome.getClass().getSimpleName().toLowerCase());
        return new Done(DeliveryLedger.Recorded.of(claim.id(), outcome, retryAt(claim)), failureLine(subscriber.email(), outcome),
                claim.possibleDuplicate());
    }

    private java.time.Instant retryAt(Claims.Claim claim) {
        return clock.instant().plus(RetryPolicy.backoff(claim.failedRuns()));
    }

    /** 550 (not a 5.7.x policy refusal) or an enhanced 5.1.1/5.1.2 status: the mailbox does not exist. */
    static boolean userUnknown(String reply) {
        if (reply == null) {
            return false;
        }
        String r = reply.trim();
        return r.startsWith("550") && !r.contains(" 5.7.") || r.matches("^5\\d\\d[ -]5\\.1\\.[12]\\b.*");
    }

    // The report is read on the operator's terminal, which shows addresses in full; the log keeps them masked.
    private String failureLine(String email, Outcome outcome) {
        if (outcome instanceof Outcome.Sent) {
            connectionFailuresInARow.set(0);
            return null;
        }
        if (outcome instanceof Outcome.Rejected r) {
            return email + ": rejected: " + r.reply();
        }
        Outcome.Failed f = (Outcome.Failed) outcome;
        if (f.serverWide() && connectionFailuresInARow.incrementAndGet() >= retry.maxConnectionFailuresInARow()) {
            paused.compareAndSet(null, retry.maxConnectionFailuresInARow()
                    + " server failures in a row (no connection or sender refused), last: " + f.reply());
        }
        return email + ": failed after " + f.attempts() + " attempts: " + f.reply();
    }

    private void tally(Done done) {
        switch (done.recorded().status()) {
            case DeliveryLedger.SENT -> sent.incrementAndGet();
            case DeliveryLedger.REJECTED -> rejected.incrementAndGet();
            case DeliveryLedger.SKIPPED -> skipped.incrementAndGet();
            default -> failed.incrementAndGet();
        }
        if (done.failure() != null) {
            failures.add(done.failure());
        }
        if (done.retaken()) {
            retaken.incrementAndGet();
        }
    }

    private static Done skip(Claims.Claim claim, String reason) {
        return new Done(new DeliveryLedger.Recorded(claim.id(), DeliveryLedger.SKIPPED, 0, reason, null), null,
                claim.possibleDuplicate());
    }

    private Done fail(Claims.Claim claim, String email, String reason) {
        return new Done(new DeliveryLedger.Recorded(claim.id(), DeliveryLedger.FAILED, 0, reason, null, retryAt(claim)),
                email + ": " + reason, claim.possibleDuplicate());
    }

    private int done() {
        return sent.get() + failed.get() + rejected.get() + skipped.get();
    }
}
