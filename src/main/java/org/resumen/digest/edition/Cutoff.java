package org.resumen.digest.edition;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When an edition closes: the schedule's fire time on the edition's date in the newsletter's time
 * zone, or the moment of a manual send made earlier than that. Days on which the schedule does not
 * fire close at the end of the day.
 */
public final class Cutoff {
    private final CronExpression schedule;
    private final ZoneId zone;

    public Cutoff(String cron, ZoneId zone) {
        try {
            this.schedule = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid cron expression \"" + cron + "\"", e);
        }
        this.schedule.setTimeZone(TimeZone.getTimeZone(zone));
        this.zone = zone;
    }

    /** The first scheduled fire time on {@code date}, or the end of that day when the schedule skips it. */
    public Instant scheduledOn(LocalDate date) {
        Instant startOfDay = date.atStartOfDay(zone).toInstant();
        Instant endOfDay = date.plusDays(1).atStartOfDay(zone).toInstant();
        Date next = schedule.getNextValidTimeAfter(Date.from(startOfDay.minusMillis(1)));
        if (next == null || !next.toInstant().isBefore(endOfDay)) {
            return endOfDay.minusMillis(1);
        }
        return next.toInstant();
    }

    /** Cutoff of a manual send made at {@code now}: the scheduled time, or now when that is earlier. */
    public Instant manualOn(LocalDate date, Instant now) {
        Instant scheduled = scheduledOn(date);
        return now.isBefore(scheduled) ? now : scheduled;
    }

    /**
     * The latest scheduled fire at or before {@code now} (looking back a week): what a late or
     * misfired trigger is catching up on.
     */
    public Instant latestScheduledAtOrBefore(Instant now) {
        LocalDate day = dateOf(now);
        for (int i = 0; i < 8; i++, day = day.minusDays(1)) {
            Instant scheduled = scheduledOn(day);
            if (!scheduled.isAfter(now)) {
                return scheduled;
            }
        }
        return now;
    }

    /** The first scheduled fire strictly after {@code instant}: when the next edition goes out. */
    public Instant nextAfter(Instant instant) {
        Date next = schedule.getNextValidTimeAfter(Date.from(instant));
        return next == null ? null : next.toInstant();
    }

    /** The edition date a fire at {@code instant} belongs to. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
