package org.resumen.digest.article;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.resumen.digest.DigestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls every source and stores the new articles; one failing source never stops the others.
 * Sources are read in parallel ({@link #PARALLEL} at a time) and the whole ingest ends by a deadline
 * ({@link #DEADLINE}), so slow feeds cost one timeout, not one each.
 *
 * <p>Problems are logged at INFO only: the CLI and {@code serve} print each one from the report, and a
 * WARN line on the console would show it twice.
 */
public final class Ingester {
    /** Sources read at the same time. */
    static final int PARALLEL = 8;
    /** How long one ingest may take in all: a little over one feed's request timeout (30 s). */
    static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

    private final List<ArticleSource> sources;
    private final ArticleStore store;
    private final Clock clock;
    private final Duration deadline;

    public Ingester(List<ArticleSource> sources, ArticleStore store, Clock clock) {
        this(sources, store, clock, DEADLINE);
    }

    Ingester(List<ArticleSource> sources, ArticleStore store, Clock clock, Duration deadline) {
        this.sources = List.copyOf(sources);
        this.store = store;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** Fetches and stores every source now, recording each fetch in the {@code sources} table. */
    public IngestReport ingestAll() {
        if (sources.isEmpty()) {
            return new IngestReport(List.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, sources.size()), new Workers());
        try {
            List<SourceRun> runs = sources.stream().map(SourceRun::new).toList();
            runs.forEach(run -> run.future = pool.submit(run::ingest));
            long end = System.nanoTime() + deadline.toNanos();
            List<SourceOutcome> outcomes = new ArrayList<>();
            for (SourceRun run : runs) {
                outcomes.add(run.outcomeBy(end));
            }
            return new IngestReport(outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One source's ingest; whichever settles it first (the worker, or the deadline) records it. */
    private final class SourceRun {
        private final ArticleSource source;
        private final AtomicBoolean settled = new AtomicBoolean();
        private Future<SourceOutcome> future;

        SourceRun(ArticleSource source) {
            this.source = source;
        }

        SourceOutcome ingest() {
            try {
                FetchResult result = source.fetch(store.validators(source.name()));
                int added = store.saveNew(result.articles()).size();
                if (!settled.compareAndSet(false, true)) {
                    return null;
                }
                store.recordRead(source.name(), source.location(), clock.instant(), result.validators());
                LOG.info("source \"{}\": fetched {}, added {}", source.name(), result.articles().size(), added);
                result.problems().forEach(problem -> LOG.info("{}", problem));
                return new SourceOutcome(source.name(), result.articles().size(), added, result.problems());
            } catch (SourceException e) {
                return settle(e.getMessage(), e);
            } catch (DigestException e) {
                return settle(prefix() + e.getMessage(), e);
            } catch (RuntimeException | StackOverflowError e) {
                // Last resort: a bug must cost this source only, never the ingest.
                return settle(prefix() + "unexpected failure: " + e, e);
            }
        }

        private SourceOutcome settle(String error, Throwable cause) {
            return settled.compareAndSet(false, true) ? failed(error, cause) : null;
        }

        SourceOutcome outcomeBy(long endNanos) {
            try {
                return future.get(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (settled.compareAndSet(false, true)) {
                    future.cancel(true);
                    return failed(prefix() + "not finished within " + deadline.toSeconds()
                            + " s, the deadline of one ingest; skipped this time", null);
                }
                return finished();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return SourceOutcome.failure(source.name(), prefix() + "interrupted");
            } catch (ExecutionException e) {
                return SourceOutcome.failure(source.name(), prefix() + "unexpected failure: " + e.getCause());
            }
        }

        // The worker settled it just as the deadline passed; it is only recording the outcome now.
        private SourceOutcome finished() {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SourceOutcome.failure(source.name(), prefix() + "interrupted");
            } catch (ExecutionException e) {
                return SourceOutcome.failure(source.name(), prefix() + "unexpected failure: " + e.getCause());
            }
        }

        private SourceOutcome failed(String error, Throwable cause) {
            if (cause != null && !(cause instanceof DigestException)) {
                LOG.info("{}", error, cause);
            } else {
                LOG.info("{}", error);
            }
            try {
                store.recordFetch(source.name(), source.location(), clock.instant(), error);
            } catch (RuntimeException e) {
                LOG.info("source \"{}\": {}", source.name(), e.getMessage());
            }
            return SourceOutcome.failure(source.name(), error);
        }

        private String prefix() {
            return "source \"" + source.name() + "\" (" + source.location() + "): ";
        }
    }

    /** Daemon threads, so a feed stuck past the deadline never keeps the process alive. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "ingest-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
