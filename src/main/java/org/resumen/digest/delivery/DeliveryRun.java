package org.resumen.digest.delivery;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Works through an edition's due deliveries on {@code threads} SMTP connections at once: checks the
 * subscriber is still subscribed, composes, sends with retries, and records each outcome at once.
 */
final class DeliveryRun {
    private static final Logger log = LoggerFactory.getLogger(DeliveryRun.class);
    /** One line per send with the delivery phase's rate: what src/bench/run-bench.sh reads. */
    private static final Logger throughput = LoggerFactory.getLogger("org.resumen.digest.delivery.throughput");

    private final Composer composer;
    private final SharedDigests digests;
    private final DeliveryLedger ledger;
    private final SubscriberStore subscribers;
    private final Supplier<MailConnection> connections;
    private final Attempts attempts;
    private final RetryPolicy retry;
    private final RateLimiter limiter;
    private final int threads;
    private final AtomicBoolean stop;

    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** Why a worker stopped early (e.g. the database failed), leaving deliveries due; null when none did. */
    final AtomicReference<String> workerError = new AtomicReference<>();
    private final AtomicInteger connectionFailuresInARow = new AtomicInteger();
    private final AtomicReference<String> abortReason = new AtomicReference<>();

    DeliveryRun(Composer composer, DeliveryLedger ledger, SubscriberStore subscribers, Supplier<MailConnection> connections,
                RetryPolicy retry, RateLimiter limiter, int threads, AtomicBoolean stop) {
        this.composer = composer;
        this.digests = composer.newSend();
        this.ledger = ledger;
        this.subscribers = subscribers;
        this.connections = connections;
        this.attempts = new Attempts(retry);
        this.retry = retry;
        this.limiter = limiter;
        this.threads = threads;
        this.stop = stop;
    }

    void run(Edition edition, List<DeliveryLedger.Due> due, Progress progress) {
        long started = System.nanoTime();
        Queue<DeliveryLedger.Due> queue = new ConcurrentLinkedQueue<>(due);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, due.size())));
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> work(edition, queue, progress, due.size()));
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                progress.update(done(), sent.get(), failed.get(), rejected.get(), due.size());
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
        }
        progress.update(done(), sent.get(), failed.get(), rejected.get(), due.size());
        log.info("edition {} rendered: {}", edition.date(), digests.stats());
        double seconds = (System.nanoTime() - started) / 1e9;
        throughput.info(String.format(java.util.Locale.ROOT, "delivered %d messages in %.2f s (%.1f msg/s)",
                done(), seconds, done() / Math.max(seconds, 1e-9)));
    }

    private void work(Edition edition, Queue<DeliveryLedger.Due> queue, Progress progress, int total) {
        try (MailConnection connection = connections.get()) {
            DeliveryLedger.Due next;
            while (!stop.get() && (next = queue.poll()) != null) {
                deliverOne(edition, next, connection);
                progress.update(done(), sent.get(), failed.get(), rejected.get(), total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("delivery worker stopped: {}", e.getMessage(), e);
            workerError.compareAndSet(null, e.getMessage());
        }
    }

    private void deliverOne(Edition edition, DeliveryLedger.Due due, MailConnection connection) throws InterruptedException {
        Optional<Subscriber> subscriber = subscribers.byId(due.subscriberId()).filter(Subscriber::active);
        if (subscriber.isEmpty()) {
            skip(due, "unsubscribed or removed before this message was sent");
            return;
        }
        String who = Emails.mask(subscriber.get().email());
        // The report is read on the operator's terminal, which shows addresses in full; the log keeps them masked.
        String email = subscriber.get().email();
        if (abortReason.get() != null) {
            fail(due, email, "not attempted: " + abortReason.get());
            return;
        }
        Optional<MimeMessage> message;
        try {
            message = composer.compose(edition, subscriber.get(), digests);
        } catch (DigestException e) {
            fail(due, email, "not sent: " + e.getMessage());
            return;
        }
        if (message.isEmpty()) {
            skip(due, "no article of this edition in the subscriber's topics " + subscriber.get().topics());
            return;
        }
        limiter.acquire();
        record(due, who, subscriber.get().email(), attempts.deliver(connection, message.get()));
    }

    private void record(DeliveryLedger.Due due, String who, String email, Outcome outcome) {
        ledger.record(due.id(), outcome);
        if (outcome instanceof Outcome.Sent) {
            sent.incrementAndGet();
            connectionFailuresInARow.set(0);
        } else if (outcome instanceof Outcome.Rejected r) {
            rejected.incrementAndGet();
            failures.add(email + ": rejected: " + r.reply());
        } else if (outcome instanceof Outcome.Failed f) {
            failed.incrementAndGet();
            failures.add(email + ": failed after " + f.attempts() + " attempts: " + f.reply());
            if (f.serverWide() && connectionFailuresInARow.incrementAndGet() >= retry.maxConnectionFailuresInARow()) {
                abortReason.compareAndSet(null, retry.maxConnectionFailuresInARow()
                        + " server failures in a row (no connection or sender refused), last: " + f.reply());
            }
        }
        log.info("delivery {} to {}: {}", due.id(), who, outcome.getClass().getSimpleName().toLowerCase());
    }

    private void skip(DeliveryLedger.Due due, String reason) {
        ledger.recordSkipped(due.id(), reason);
        skipped.incrementAndGet();
    }

    private void fail(DeliveryLedger.Due due, String email, String reason) {
        ledger.recordFailure(due.id(), reason);
        failed.incrementAndGet();
        failures.add(email + ": " + reason);
    }

    private int done() {
        return sent.get() + failed.get() + rejected.get() + skipped.get();
    }
}
