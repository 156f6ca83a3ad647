package org.resumen.digest.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.edition.Cutoff;
import org.resumen.digest.edition.Edition;

/**
 * When each delivery of an edition falls due ({@code newsletter.delivery}). With {@code edition}
 * every row is due at the edition's cutoff: at once. With {@code local} a row is due at the
 * schedule's time of day on the edition's date in the subscriber's own zone (the newsletter's when
 * the subscriber has none), whatever that zone's offset is on that date (daylight saving included);
 * when that moment came before the edition was frozen at its cutoff (a zone east of the
 * newsletter's), the same local time on the next day, so that every reader gets each edition once,
 * at their own hour, and never before it exists.
 */
final class DueTimes {
    private final boolean local;
    private final Edition edition;
    private final ZoneId newsletterZone;
    private final LocalTime timeOfDay;

    private DueTimes(boolean local, Edition edition, ZoneId newsletterZone, LocalTime timeOfDay) {
        this.local = local;
        this.edition = edition;
        this.newsletterZone = newsletterZone;
        this.timeOfDay = timeOfDay;
    }

    static DueTimes of(NewsletterConfig newsletter, Edition edition) {
        boolean local = newsletter.delivery() == NewsletterConfig.Delivery.LOCAL;
        return new DueTimes(local, edition, newsletter.timezone(),
                local ? scheduleTimeOfDay(newsletter, edition.date()) : LocalTime.MIDNIGHT);
    }

    /** True when rows fall due at their subscriber's local hour rather than all at the cutoff. */
    boolean local() {
        return local;
    }

    /** The zone a subscriber with {@code zone} (null: none given) is sent in. */
    private ZoneId zoneOf(ZoneId zone) {
        return zone == null ? newsletterZone : zone;
    }

    /** When the delivery of a subscriber in {@code zone} (null: none given) falls due. */
    Instant dueIn(ZoneId zone) {
        if (!local) {
            return edition.cutoff();
        }
        LocalDate date = edition.date();
        // ZonedDateTime.of moves a local time that a spring-forward gap skips to after the gap, and
        // takes the earlier offset of an hour that an autumn change repeats.
        Instant due = date.atTime(timeOfDay).atZone(zoneOf(zone)).toInstant();
        return due.isBefore(edition.cutoff()) ? date.plusDays(1).atTime(timeOfDay).atZone(zoneOf(zone)).toInstant() : due;
    }

    // The time of the schedule's first fire on the edition's date, in the newsletter's zone; on a day the
    // schedule skips (a manual send on a weekend of a weekdays cron) the time of its next fire.
    private static LocalTime scheduleTimeOfDay(NewsletterConfig newsletter, LocalDate date) {
        Cutoff cutoff = new Cutoff(newsletter.schedule(), newsletter.timezone());
        Instant first = cutoff.nextAfter(date.atStartOfDay(newsletter.timezone()).toInstant().minusMillis(1));
        return first == null ? LocalTime.MIDNIGHT : first.atZone(newsletter.timezone()).toLocalTime();
    }
}
