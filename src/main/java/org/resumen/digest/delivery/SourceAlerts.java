package org.resumen.digest.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.resumen.digest.config.Config;
import org.resumen.digest.health.EditionGate;
import org.resumen.digest.health.SourceHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert an edition's gate raises when sources fail (sent without them) or the edition is held:
 * one mail to each address of {@code newsletter.alerts} through the digests' own mail path, naming
 * what failed, why and since when; at most one per source per day (a held edition retried all
 * morning alerts once). With no address configured it is only logged.
 */
final class SourceAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(SourceAlerts.class);

    private final Config config;
    private final SourceHealth health;
    private final NoticeMail mail;
    private final Clock clock;

    SourceAlerts(Config config, SourceHealth health, NoticeMail mail, Clock clock) {
        this.config = config;
        this.health = health;
        this.mail = mail;
        this.clock = clock;
    }

    /** Alerts about the sources of {@code decision} not yet alerted today; a hold with none new alerts once a day too. */
    void send(EditionGate gate, EditionGate.Decision decision, LocalDate edition) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, config.newsletter().timezone());
        List<String> sources = new java.util.ArrayList<>();
        decision.failing().forEach(f -> sources.add(f.source()));
        sources.addAll(decision.stale());
        boolean fresh = false;
        for (String source : sources) {
            fresh |= health.claimAlert(source, today, now);
        }
        if (decision.verdict() == EditionGate.Verdict.HOLD) {
            fresh |= health.claimAlert("(edition " + edition + " held)", today, now);
        }
        if (!fresh) {
            return;
        }
        String text = gate.alertText(decision, edition);
        String subject = config.newsletter().name() + ": " + (decision.verdict() == EditionGate.Verdict.HOLD
                ? "edition of " + edition + " held" : "edition of " + edition + " sent without failing sources");
        LOG.warn("alert: {}", text.replace('\n', ' ').trim());
        for (String address : config.newsletter().alerts()) {
            try {
                mail.send(address, "", subject, "<pre>" + escape(text) + "</pre>", text);
            } catch (DeliveryException e) {
                LOG.error("alert: {}", e.getMessage());
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
