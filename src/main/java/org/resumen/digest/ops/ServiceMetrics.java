package org.resumen.digest.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.resumen.digest.delivery.DeliveryLedger;
import org.resumen.digest.delivery.SendOptions;
import org.resumen.digest.delivery.SendReport;
import org.resumen.digest.health.SourceHealth;
import org.resumen.digest.health.SourceStatus;
import org.resumen.digest.subscriber.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of {@code GET /metrics}, in Prometheus's text format. Two kinds: what this process did
 * (messages by outcome, edition send durations, the last send's rate: counted as each send ends),
 * and what the database says at the moment of the scrape (the last edition's rows by status and
 * SMTP reply class, rows due / retrying / expired, subscribers by status — bounced and complained
 * among them —, and per source its failures and the age of its last article), so that a send run
 * by the CLI or another node shows too. Plus the JVM's own meters.
 */
public final class ServiceMetrics {
    /** The content type of the Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DeliveryLedger ledger;
    private final SourceHealth health;
    private final List<String> sources;
    private final SubscriberStore subscribers;
    private final Clock clock;
    private final Timer sendDuration;
    private final AtomicReference<Double> lastRate = new AtomicReference<>(0.0);
    private final AtomicLong databaseUp = new AtomicLong();
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong retrying = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final MultiGauge lastEditionRows;
    private final MultiGauge lastEditionReplies;
    private final MultiGauge subscriberStatuses;
    private final MultiGauge sourceFailing;
    private final MultiGauge sourceFailingFor;
    private final MultiGauge sourceArticles;
    private final MultiGauge sourceArticleAge;

    /** {@code sources}: the configured sources' names, each shown with its health. */
    public ServiceMetrics(DeliveryLedger ledger, SourceHealth health, List<String> sources, SubscriberStore subscribers,
                          Clock clock) {
        this.ledger = ledger;
        this.health = health;
        this.sources = List.copyOf(sources);
        this.subscribers = subscribers;
        this.clock = clock;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.sendDuration = Timer.builder("digest.edition.send").description("How long each send of an edition took in this process")
                .register(registry);
        Gauge.builder("digest.last.send.rate", lastRate, AtomicReference::get).baseUnit("messages.per.second")
                .description("Messages sent per second by the last send of this process").register(registry);
        Gauge.builder("digest.database.up", databaseUp, AtomicLong::get)
                .description("1 when the last scrape could read the database, else 0").register(registry);
        Gauge.builder("digest.deliveries.due", due, AtomicLong::get)
                .description("Delivery rows of any edition still to send (pending or sending)").register(registry);
        Gauge.builder("digest.deliveries.retrying", retrying, AtomicLong::get)
                .description("Delivery rows that failed for now and wait for a later attempt").register(registry);
        Gauge.builder("digest.deliveries.expired", expired, AtomicLong::get)
                .description("Delivery rows past the send deadline, never sent").register(registry);
        this.lastEditionRows = MultiGauge.builder("digest.last.edition.deliveries")
                .description("The latest edition's delivery rows by status").register(registry);
        this.lastEditionReplies = MultiGauge.builder("digest.last.edition.smtp.replies")
                .description("The latest edition's delivery rows by the class of their last SMTP reply").register(registry);
        this.subscriberStatuses = MultiGauge.builder("digest.subscribers")
                .description("Subscribers by status (active, unsubscribed, bounced, complained, …)").register(registry);
        this.sourceFailing = MultiGauge.builder("digest.source.failing")
                .description("1 while the source's last fetch failed, else 0").register(registry);
        this.sourceFailingFor = MultiGauge.builder("digest.source.failing.for").baseUnit("seconds")
                .description("Seconds since every fetch of the source has failed (0 when it works)").register(registry);
        this.sourceArticles = MultiGauge.builder("digest.source.articles.last.day")
                .description("New articles the source brought in the last 24 hours").register(registry);
        this.sourceArticleAge = MultiGauge.builder("digest.source.last.article.age").baseUnit("seconds")
                .description("Seconds since the source last brought a new article").register(registry);
    }

    /** Counts a finished send of this process; test sends and dry runs are not sends. */
    public void sendFinished(SendOptions options, SendReport report) {
        if (options.isTest() || options.dryRun()) {
            return;
        }
        count("sent", report.sent());
        count("failed", report.failed());
        count("rejected", report.rejected());
        count("skipped", report.skipped());
        sendDuration.record(report.elapsed());
        double seconds = report.elapsed().toNanos() / 1e9;
        if (report.sent() > 0 && seconds > 0) {
            lastRate.set(report.sent() / seconds);
        }
    }

    /** Reads the database's side afresh, then writes every metric in Prometheus's text format. */
    public String scrape() {
        refresh();
        return registry.scrape();
    }

    private void count(String outcome, int n) {
        Counter counter = Counter.builder("digest.messages").tag("outcome", outcome)
                .description("Deliveries finished by this process, by outcome").register(registry);
        counter.increment(n);
    }

    private void refresh() {
        try {
            DeliveryLedger.Overview overview = ledger.overview();
            due.set(overview.due());
            retrying.set(overview.retrying());
            expired.set(overview.expired());
            String edition = overview.lastEdition() == null ? "" : overview.lastEdition().toString();
            lastEditionRows.register(rows(overview.lastByStatus(), "status", edition), true);
            lastEditionReplies.register(rows(overview.lastByReplyClass(), "class", edition), true);
            subscriberStatuses.register(rows(lowerCase(subscribers.countsByStatus()), "status", null), true);
            Instant now = clock.instant();
            List<MultiGauge.Row<?>> failing = new ArrayList<>();
            List<MultiGauge.Row<?>> failingFor = new ArrayList<>();
            List<MultiGauge.Row<?>> articles = new ArrayList<>();
            List<MultiGauge.Row<?>> ages = new ArrayList<>();
            for (SourceStatus source : health.statuses(sources, now.minus(Duration.ofDays(1)))) {
                Tags tags = Tags.of("source", source.name());
                failing.add(MultiGauge.Row.of(tags, source.failing() ? 1 : 0));
                failingFor.add(MultiGauge.Row.of(tags, source.failingSince() == null ? 0
                        : Duration.between(source.failingSince(), now).toSeconds()));
                articles.add(MultiGauge.Row.of(tags, source.articlesLastDay()));
                if (source.lastArticle() != null) {
                    ages.add(MultiGauge.Row.of(tags, Duration.between(source.lastArticle(), now).toSeconds()));
                }
            }
            sourceFailing.register(failing, true);
            sourceFailingFor.register(failingFor, true);
            sourceArticles.register(articles, true);
            sourceArticleAge.register(ages, true);
            databaseUp.set(1);
        } catch (RuntimeException e) {
            // The process's own meters still answer; the database's show their last values.
            databaseUp.set(0);
            LOG.warn("metrics: cannot read the database: {}", e.getMessage());
        }
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, ? extends Number> counts, String tag, String edition) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((key, value) -> rows.add(MultiGauge.Row.of(
                edition == null ? Tags.of(tag, key) : Tags.of(tag, key, "edition", edition), value)));
        return rows;
    }

    private static Map<String, Long> lowerCase(Map<String, Long> counts) {
        Map<String, Long> lower = new java.util.TreeMap<>();
        counts.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }
}
