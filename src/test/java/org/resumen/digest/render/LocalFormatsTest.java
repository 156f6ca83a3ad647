package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalFormatsTest {
    private static final LocalDate DATE = LocalDate.of(2025, 12, 16);
    private static final Locale SPANISH = Locale.forLanguageTag("es-AR");
    private static final Locale ENGLISH = Locale.forLanguageTag("en");

    @Test
    void spanishDateIsWrittenInLowerCaseWithoutComma() {
        assertThat(LocalFormats.fullDate(DATE, SPANISH)).isEqualTo("martes 16 de diciembre de 2025");
        assertThat(LocalFormats.fullDate(DATE, Locale.forLanguageTag("es"))).isEqualTo("martes 16 de diciembre de 2025");
        assertThat(LocalFormats.shortDate(DATE, SPANISH)).isEqualTo("martes 16 de diciembre");
    }

    @Test
    void englishDateIsWrittenTheAmericanWay() {
        assertThat(LocalFormats.fullDate(DATE, ENGLISH)).isEqualTo("Tuesday, December 16, 2025");
        assertThat(LocalFormats.shortDate(DATE, ENGLISH)).isEqualTo("Tuesday, December 16");
    }

    @Test
    void spanishDayOfMonthHasNoLeadingZero() {
        assertThat(LocalFormats.fullDate(LocalDate.of(2026, 1, 3), SPANISH)).isEqualTo("sábado 3 de enero de 2026");
    }

    @Test
    void otherLanguagesGetTheirOwnFullDate() {
        assertThat(LocalFormats.fullDate(DATE, Locale.forLanguageTag("pt-BR"))).isEqualTo("terça-feira, 16 de dezembro de 2025");
    }

    @Test
    void timeIsHoursAndMinutesInTheGivenZone() {
        Instant instant = Instant.parse("2025-12-16T02:05:00Z");

        assertThat(LocalFormats.time(instant, ZoneId.of("America/Argentina/Buenos_Aires"))).isEqualTo("23:05");
        assertThat(LocalFormats.time(instant, ZoneId.of("Europe/Madrid"))).isEqualTo("03:05");
    }
}
