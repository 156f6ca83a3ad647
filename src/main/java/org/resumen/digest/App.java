package org.resumen.digest;

import java.nio.file.Path;
import java.time.Clock;
import org.resumen.digest.article.ArticleStore;
import org.resumen.digest.article.Ingester;
import org.resumen.digest.article.Sources;
import org.resumen.digest.cli.DigestCommand;
import org.resumen.digest.config.Config;
import org.resumen.digest.config.SmtpConfig;
import org.resumen.digest.delivery.DeliveryLedger;
import org.resumen.digest.delivery.EmbeddedSmtp;
import org.resumen.digest.delivery.RetryPolicy;
import org.resumen.digest.delivery.SendEdition;
import org.resumen.digest.delivery.SendJobs;
import org.resumen.digest.edition.Editions;
import org.resumen.digest.render.DigestRenderer;
import org.resumen.digest.subscriber.Secret;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.Tokens;

/**
 * The composition root: reads nothing itself but the configuration it is given, and wires every
 * part by hand with constructors. One instance per command run; closing it stops the embedded SMTP
 * server and the database pool.
 */
public final class App implements AutoCloseable {
    /** Where the embedded SMTP server leaves what it receives. */
    public static final Path OUTBOX = Path.of("outbox");
    /** Where the H2 database (by default) and the generated link secret live. */
    public static final Path DATA = Path.of("data");

    public final Config config;
    public final Clock clock;
    public final Database database;
    public final EmbeddedSmtp embeddedSmtp;
    public final ArticleStore articles;
    public final Ingester ingester;
    public final SubscriberStore subscribers;
    public final DigestRenderer renderer;
    public final Editions editions;
    public final DeliveryLedger ledger;
    public final Tokens tokens;
    public final SendEdition sendEdition;
    /** Sends started from the web (console, API): the same use case on a worker thread, one per date. */
    public final SendJobs sendJobs;
    /** What serve's retry sweep runs every minute: the due deliveries of every open edition, through sendJobs. */
    public final org.resumen.digest.delivery.DueSweep dueSweep;
    /** Acts on bounces and complaints (bounce/); its VERP matcher is null without bounces.address. */
    public final org.resumen.digest.bounce.Bounces bounces;

    private App(Config given, Clock clock, RetryPolicy retry) {
        this.clock = clock;
        this.embeddedSmtp = given.smtp().embedded() ? EmbeddedSmtp.start(OUTBOX) : null;
        this.config = embeddedSmtp == null ? given : withSmtp(given, embeddedSmtp);
        this.database = openDatabase(config, embeddedSmtp);
        this.articles = new ArticleStore(database.dataSource());
        this.ingester = new Ingester(Sources.from(config.sources(), clock), articles, clock);
        this.subscribers = new SubscriberStore(database.dataSource(), clock);
        this.renderer = new DigestRenderer(config.templates(), config.newsletter());
        this.editions = new Editions(database.dataSource(), articles, config.newsletter(), clock);
        this.ledger = new DeliveryLedger(database.dataSource(), clock);
        this.tokens = new Tokens(Secret.loadOrCreate(config.secret(), DATA));
        this.sendEdition = new SendEdition(config, renderer, subscribers, ingester, editions, ledger, tokens, retry, clock,
                new org.resumen.digest.health.SourceHealth(database.dataSource()));
        this.sendJobs = new SendJobs(sendEdition, editions::today, clock);
        this.dueSweep = new org.resumen.digest.delivery.DueSweep(ledger, sendEdition, sendJobs, clock);
        this.bounces = new org.resumen.digest.bounce.Bounces(database.dataSource(), ledger, subscribers,
                config.bounces() != null && config.bounces().verp()
                        ? new org.resumen.digest.subscriber.Verp(config.bounces().address(), tokens) : null, clock);
    }

    private java.util.concurrent.ScheduledExecutorService mailboxPolling;

    /** How often serve reads the bounce and unsubscribe mailboxes ({@code bounces.poll}). */
    public java.time.Duration mailboxPoll() {
        return config.bounces() == null || config.bounces().poll() == null ? java.time.Duration.ofMinutes(5) : config.bounces().poll();
    }

    /** True when {@code bounces.mailbox} or {@code unsubscribe.mailbox} is set. */
    public boolean readsMailboxes() {
        return bounceMailbox().isPresent() || unsubscribeMailbox().isPresent();
    }

    /**
     * For serve: reads the bounce and unsubscribe mailboxes every {@link #mailboxPoll()} until
     * {@link #close()}; false when neither is set. A failed read is logged and tried again next time.
     */
    public synchronized boolean startMailboxPolling() {
        if (mailboxPolling != null || !readsMailboxes()) {
            return false;
        }
        mailboxPolling = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailbox-poll");
            t.setDaemon(true);
            return t;
        });
        mailboxPolling.scheduleWithFixedDelay(() -> {
            for (Runnable poll : new Runnable[] {this::pollBounces, this::pollUnsubscribes}) {
                try {
                    poll.run();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(App.class).warn("Mailbox read failed, trying again in {}: {}", mailboxPoll(), e.getMessage());
                }
            }
        }, 0, mailboxPoll().toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        return true;
    }

    private java.util.Optional<org.resumen.digest.config.MailboxConfig> bounceMailbox() {
        return config.bounces() == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(config.bounces().mailbox()).filter(org.resumen.digest.config.MailboxConfig::enabled);
    }

    private java.util.Optional<org.resumen.digest.config.MailboxConfig> unsubscribeMailbox() {
        return java.util.Optional.ofNullable(config.unsubscribeMailbox()).filter(org.resumen.digest.config.MailboxConfig::enabled);
    }

    /** Reads the bounce mailbox once ({@code bounces.mailbox}); empty when none is configured. */
    public java.util.Optional<org.resumen.digest.bounce.BounceMailbox.PollReport> pollBounces() {
        return bounceMailbox().map(m -> new org.resumen.digest.bounce.BounceMailbox(m, bounces).poll());
    }

    /** Reads the mailbox of the mailto: unsubscribe address once ({@code unsubscribe.mailbox}); empty when none is set. */
    public java.util.Optional<org.resumen.digest.bounce.BounceMailbox.PollReport> pollUnsubscribes() {
        return unsubscribeMailbox().map(m -> new org.resumen.digest.bounce.UnsubscribeMailbox(m, tokens, subscribers).poll());
    }

    public static App open(Config config, Clock clock) {
        return new App(config, clock, RetryPolicy.DEFAULT);
    }

    public static App open(Config config, Clock clock, RetryPolicy retry) {
        return new App(config, clock, retry);
    }

    public static void main(String[] args) {
        System.exit(DigestCommand.run(args));
    }

    private static Database openDatabase(Config config, EmbeddedSmtp smtp) {
        try {
            return Database.open(config.database());
        } catch (RuntimeException e) {
            if (smtp != null) {
                smtp.close();
            }
            throw e;
        }
    }

    private static Config withSmtp(Config c, EmbeddedSmtp smtp) {
        return c.withSmtp(new SmtpConfig(smtp.host(), smtp.port(), "", "", SmtpConfig.Tls.NONE, c.smtp().connections(),
                c.smtp().maxPerSecond(), c.smtp().helo()));
    }

    @Override
    public void close() {
        // First: a send started from the web finishes its messages in flight while SMTP and the database are still up.
        sendJobs.close();
        if (mailboxPolling != null) {
            mailboxPolling.shutdownNow();
        }
        if (embeddedSmtp != null) {
            embeddedSmtp.close();
        }
        database.close();
    }
}
