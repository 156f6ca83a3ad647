package org.resumen.digest.edition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.resumen.digest.article.Article;
import org.resumen.digest.article.ArticleStore;
import org.resumen.digest.config.NewsletterConfig;

/**
 * The edition use case: find the frozen edition of a date, or select its articles by the rule of
 * DESIGN.md (uncarried, in (cutoff - max-age, cutoff], widened to the previous day's cutoff on a 25-hour day, newest max-articles, grouped by section)
 * and freeze them.
 */
public final class Editions {
    private final EditionStore store;
    private final ArticleStore articles;
    private final NewsletterConfig newsletter;
    private final Cutoff cutoff;
    private final Clock clock;

    public Editions(DataSource dataSource, ArticleStore articles, NewsletterConfig newsletter, Clock clock) {
        this.store = new EditionStore(dataSource, articles);
        this.articles = articles;
        this.newsletter = newsletter;
        this.cutoff = new Cutoff(newsletter.schedule(), newsletter.timezone());
        this.clock = clock;
    }

    /** Today's date in the newsletter's time zone. */
    public LocalDate today() {
        return cutoff.dateOf(clock.instant());
    }

    /** The scheduled fire time the schedule is at when it fires at {@code now} (a late fire catches up on it). */
    public Instant scheduledFireAtOrBefore(Instant now) {
        return cutoff.latestScheduledAtOrBefore(now);
    }

    /** When the schedule closes the edition of {@code date} (the end of the day when it does not fire that day). */
    public Instant scheduledCutoff(LocalDate date) {
        return cutoff.scheduledOn(date);
    }

    /**
     * Until when the edition may be sent: {@code newsletter.send-deadline} after its cutoff, or after
     * the moment it was opened when that is later (an edition opened by hand for a past date gets the
     * whole deadline from that moment); past it, deliveries still due expire.
     */
    public Instant sendDeadline(Edition edition) {
        Instant opened = edition.id() == 0 ? clock.instant() : store.openedAt(edition.id()).orElse(clock.instant());
        Instant from = opened.isAfter(edition.cutoff()) ? opened : edition.cutoff();
        return from.plus(newsletter.sendDeadline());
    }

    /** {@code newsletter.send-deadline}: how long after its scheduled time a fire may still send. */
    public java.time.Duration sendDeadlineAfterCutoff() {
        return newsletter.sendDeadline();
    }

    /** When the schedule next fires after now (null when the cron expression never fires again). */
    public Instant nextScheduled() {
        return cutoff.nextAfter(clock.instant());
    }

    /** The date of the edition a scheduled fire at {@code fireTime} sends. */
    public LocalDate dateOf(Instant fireTime) {
        return cutoff.dateOf(fireTime);
    }

    public Optional<Edition> find(LocalDate date) {
        return store.find(newsletter.name(), date);
    }

    /** The stored edition of {@code date}, or what it would carry if created now, without storing it. */
    public Edition plan(LocalDate date) {
        return find(date).orElseGet(() -> select(date));
    }

    /** The stored edition of {@code date}; when there is none, selects and stores it now. */
    public Edition open(LocalDate date) {
        return find(date).orElseGet(() -> store.create(select(date), clock.instant()));
    }

    /**
     * The window never starts after the previous day's scheduled cutoff, so a max-age shorter than a
     * 25-hour daylight-saving day cannot open a gap between two editions.
     */
    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public List<LocalDate> dates() {
        return store.dates(newsletter.name());
    }

    private Edition select(LocalDate date) {
        Instant closes = cutoff.manualOn(date, clock.instant());
        Instant opens = earliest(closes.minus(newsletter.maxAge()), cutoff.scheduledOn(date.minusDays(1)));
        List<Article> candidates = articles.publishedBetween(opens, closes);
        List<Article> chosen = Selection.select(candidates, store.carriedArticleIds(newsletter.name(), date), newsletter.maxArticles());
        return new Edition(0, newsletter.name(), date, closes, opens, chosen);
    }
}
