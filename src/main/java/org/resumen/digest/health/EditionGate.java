package org.resumen.digest.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.resumen.digest.article.IngestReport;
import org.resumen.digest.article.SourceOutcome;

/**
 * Whether an edition goes out: sources that fail at edition time are pulled again with backoff for up
 * to {@code newsletter.source-grace}; then healthy and nothing new is a skip, some failing is a send
 * without them and an alert, and every source failing (or under a third of the usual edition while
 * a source fails or is stale) is a hold.
 */
public final class EditionGate {
    /** The first wait before a failing source is pulled again; each next wait doubles. */
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Waits between attempts; tests advance their clock instead of waiting. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What the gate decided. */
    public enum Verdict { SKIP, SEND, SEND_AND_ALERT, HOLD }

    /** A source that still failed after the grace: its name, why, and since when. */
    public record Failing(String source, String error, Instant since) {
    }

    /** The verdict, the sources still failing, those stale, and the reason in one line. */
    public record Decision(Verdict verdict, List<Failing> failing, List<String> stale, String reason) {
        public Decision {
            failing = List.copyOf(failing);
            stale = List.copyOf(stale);
        }
    }

    private final Supplier<IngestReport> ingest;
    private final SourceHealth health;
    private final Duration grace;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ZoneId zone;

    public EditionGate(Supplier<IngestReport> ingest, SourceHealth health, Duration grace, Clock clock, Sleeper sleeper,
                       ZoneId zone) {
        this.ingest = ingest;
        this.health = health;
        this.grace = grace;
        this.clock = clock;
        this.sleeper = sleeper;
        this.zone = zone;
    }

    /**
     * Pulls every source, and again (1 min, 2 min, 4 min… later, the last wait cut to end at the grace) while some fail and the grace lasts;
     * every attempt goes into the sources' history. Returns the last attempt's report.
     */
    public IngestReport ingest() {
        Instant giveUp = clock.instant().plus(grace);
        IngestReport report = attempt();
        Duration wait = FIRST_BACKOFF;
        while (!report.ok() && clock.instant().isBefore(giveUp)) {
            Duration left = Duration.between(clock.instant(), giveUp);
            try {
                sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
            report = attempt();
            wait = wait.multipliedBy(2);
        }
        return report;
    }

    /** Pulls every source once (a preview, a test send, a re-run of an edition already frozen), recorded in the history. */
    public IngestReport ingestOnce() {
        return attempt();
    }

    private IngestReport attempt() {
        IngestReport report = ingest.get();
        Instant now = clock.instant();
        health.record(report, now, LocalDate.ofInstant(now, zone));
        return report;
    }

    /** The verdict for an edition of {@code articles} articles after {@code report}, the last ingest. */
    public Decision decide(int articles, IngestReport report, String newsletter) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Failing> failing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (SourceOutcome outcome : report.outcomes()) {
            if (outcome.failed()) {
                failing.add(new Failing(outcome.source(), outcome.error(),
                        health.failingSince(outcome.source()).orElse(now)));
            } else if (health.stale(outcome.source(), now, today)) {
                stale.add(outcome.source());
            }
        }
        double usual = health.usualEditionSize(newsletter);
        boolean allFailing = !report.outcomes().isEmpty() && failing.size() == report.outcomes().size();
        boolean thin = usual > 0 && articles < usual / 3;
        if (allFailing) {
            return new Decision(Verdict.HOLD, failing, stale, "every source failed; the edition is held");
        }
        if (thin && (!failing.isEmpty() || !stale.isEmpty())) {
            return new Decision(Verdict.HOLD, failing, stale, "the edition has " + articles + " articles, under a third"
                    + " of the usual " + Math.round(usual) + ", while " + troubled(failing, stale) + "; the edition is held");
        }
        if (!failing.isEmpty()) {
            return new Decision(Verdict.SEND_AND_ALERT, failing, stale, "sent without " + names(failing));
        }
        return new Decision(articles == 0 ? Verdict.SKIP : Verdict.SEND, failing, stale,
                articles == 0 ? "no news" : "every source read");
    }

    /** The alert's text: what failed and since when, in the newsletter's time zone. */
    public String alertText(Decision decision, LocalDate edition) {
        StringBuilder text = new StringBuilder("Edition of " + edition + ": " + decision.reason() + ".\n\n");
        for (Failing f : decision.failing()) {
            text.append("- source \"").append(f.source()).append("\" failing since ")
                    .append(MINUTES.format(f.since().atZone(zone))).append(" (").append(zone).append("): ")
                    .append(f.error()).append('\n');
        }
        for (String source : decision.stale()) {
            text.append("- source \"").append(source).append("\" brought no new article for three times its usual interval\n");
        }
        return text.toString();
    }

    private static String troubled(List<Failing> failing, List<String> stale) {
        List<String> parts = new ArrayList<>();
        if (!failing.isEmpty()) {
            parts.add(names(failing) + (failing.size() == 1 ? " fails" : " fail"));
        }
        if (!stale.isEmpty()) {
            parts.add(String.join(", ", stale.stream().map(s -> "\"" + s + "\"").toList())
                    + (stale.size() == 1 ? " is stale" : " are stale"));
        }
        return String.join(" and ", parts);
    }

    private static String names(List<Failing> failing) {
        return String.join(", ", failing.stream().map(f -> "\"" + f.source() + "\"").toList());
    }
}
