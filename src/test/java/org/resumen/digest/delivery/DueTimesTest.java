package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.edition.Cutoff;
import org.resumen.digest.edition.Edition;

/**
 * When a delivery falls due: with {@code newsletter.delivery: local} at the schedule's hour (07:00) in the
 * subscriber's own zone, across zones and daylight-saving changes; with {@code edition} at the cutoff.
 */
class DueTimesTest {
    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aLocalEditionFallsDueAtSevenInEachZoneNeverBeforeTheCutoff() {
        DueTimes due = DueTimes.of(newsletter(BUENOS_AIRES, NewsletterConfig.Delivery.LOCAL), scheduled(BUENOS_AIRES, "2025-12-16"));

        // The cutoff is 07:00 in Buenos Aires, 10:00 UTC.
        assertThat(due.dueIn(BUENOS_AIRES)).isEqualTo("2025-12-16T10:00:00Z");
        assertThat(due.dueIn(null)).as("no zone: the newsletter's").isEqualTo("2025-12-16T10:00:00Z");
        assertThat(due.dueIn(NEW_YORK)).as("07:00 EST, later that day").isEqualTo("2025-12-16T12:00:00Z");
        // 07:00 of the 16th in Madrid (06:00 UTC) and Tokyo (22:00 UTC the day before) came before the edition
        // was frozen: their readers get it at their next 07:00.
        assertThat(due.dueIn(MADRID)).isEqualTo("2025-12-17T06:00:00Z");
        assertThat(due.dueIn(TOKYO)).isEqualTo("2025-12-16T22:00:00Z");
    }

    @Test
    void onTheSpringChangeInMadridTheDueTimeIsStillSevenLocalAnHourEarlierInUtc() {
        NewsletterConfig madrid = newsletter(MADRID, NewsletterConfig.Delivery.LOCAL);

        // Sunday 2026-03-29 at 02:00 Madrid moves to 03:00 (CET +01:00 -> CEST +02:00).
        assertThat(DueTimes.of(madrid, scheduled(MADRID, "2026-03-28")).dueIn(MADRID)).isEqualTo("2026-03-28T06:00:00Z");
        assertThat(DueTimes.of(madrid, scheduled(MADRID, "2026-03-29")).dueIn(MADRID)).isEqualTo("2026-03-29T05:00:00Z");
        assertThat(DueTimes.of(madrid, scheduled(MADRID, "2026-03-29")).dueIn(null)).isEqualTo("2026-03-29T05:00:00Z");
        // Buenos Aires has no daylight saving: 07:00 there is 10:00 UTC on both days.
        assertThat(DueTimes.of(madrid, scheduled(MADRID, "2026-03-29")).dueIn(BUENOS_AIRES)).isEqualTo("2026-03-29T10:00:00Z");
    }

    @Test
    void onTheAutumnChangeInMadridTheDueTimeIsStillSevenLocalAnHourLaterInUtc() {
        NewsletterConfig buenosAires = newsletter(BUENOS_AIRES, NewsletterConfig.Delivery.LOCAL);

        // Sunday 2025-10-26 at 03:00 Madrid goes back to 02:00 (CEST -> CET). Madrid is east of the
        // newsletter, so the edition of the 25th reaches Madrid at 07:00 of the 26th.
        assertThat(DueTimes.of(buenosAires, scheduled(BUENOS_AIRES, "2025-10-24")).dueIn(MADRID)).isEqualTo("2025-10-25T05:00:00Z");
        assertThat(DueTimes.of(buenosAires, scheduled(BUENOS_AIRES, "2025-10-25")).dueIn(MADRID)).isEqualTo("2025-10-26T06:00:00Z");
    }

    @Test
    void aScheduleHourThatTheSubscribersSpringChangeSkipsFallsDueRightAfterTheGap() {
        NewsletterConfig halfPastTwo = withSchedule(newsletter(BUENOS_AIRES, NewsletterConfig.Delivery.LOCAL), "0 30 2 * * ?");

        // The edition of the 28th reaches Madrid at 02:30 of the 29th, an hour that does not exist there: 03:30 CEST.
        assertThat(DueTimes.of(halfPastTwo, scheduled(halfPastTwo, "2026-03-28")).dueIn(MADRID)).isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void withEditionDeliveryEveryRowIsDueAtTheCutoffWhateverItsZone() {
        Edition edition = scheduled(BUENOS_AIRES, "2025-12-16");
        DueTimes due = DueTimes.of(newsletter(BUENOS_AIRES, NewsletterConfig.Delivery.EDITION), edition);

        assertThat(List.of(due.dueIn(TOKYO), due.dueIn(MADRID), due.dueIn(null))).containsOnly(edition.cutoff());
        assertThat(due.local()).isFalse();
    }

    @Test
    void aManualSendBeforeTheScheduleLeavesTheNewsletterZoneWaitingForItsHour() {
        NewsletterConfig newsletter = newsletter(BUENOS_AIRES, NewsletterConfig.Delivery.LOCAL);
        Instant fiveInTheMorning = Instant.parse("2025-12-16T08:00:00Z");
        Edition early = new Edition(1, newsletter.name(), LocalDate.parse("2025-12-16"), fiveInTheMorning,
                fiveInTheMorning.minus(Duration.ofHours(36)), List.of());

        assertThat(DueTimes.of(newsletter, early).dueIn(null)).isEqualTo("2025-12-16T10:00:00Z");
    }

    private static NewsletterConfig newsletter(ZoneId zone, NewsletterConfig.Delivery delivery) {
        return new NewsletterConfig("El Resumen", "El Resumen <resumen@example.org>", zone, Locale.forLanguageTag("es-AR"),
                "0 0 7 * * ?", "https://resumen.example.net", 20, Duration.ofHours(36), Duration.ofHours(6), delivery,
                true, true, Duration.ofMinutes(20), List.of());
    }

    private static NewsletterConfig withSchedule(NewsletterConfig n, String cron) {
        return new NewsletterConfig(n.name(), n.from(), n.timezone(), n.locale(), cron, n.baseUrl(), n.maxArticles(), n.maxAge(),
                n.sendDeadline(), n.delivery(), n.cluster(), n.images(), n.sourceGrace(), n.alerts());
    }

    private static Edition scheduled(ZoneId zone, String date) {
        return scheduled(newsletter(zone, NewsletterConfig.Delivery.LOCAL), date);
    }

    // The edition as the schedule freezes it: cut off at the schedule's fire time on its date.
    private static Edition scheduled(NewsletterConfig newsletter, String date) {
        Instant cutoff = new Cutoff(newsletter.schedule(), newsletter.timezone()).scheduledOn(LocalDate.parse(date));
        return new Edition(1, newsletter.name(), LocalDate.parse(date), cutoff, cutoff.minus(newsletter.maxAge()), List.of());
    }
}
