package org.resumen.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 5 item 3: control characters and bidi overrides are removed in one place. */
class TextTest {
    @Test
    void aLineLosesNulC0C1AndBidiOverridesAndKeepsAccentsAndEmoji() {
        String dirty = "Pe\u0000ña\u0007 \u0085«hola»\u202Eevil\u202C \u2066aislado\u2069 \u001B[31mrojo 🇦🇷";

        assertThat(Text.line(dirty)).isEqualTo("Peña «hola»evil aislado [31mrojo 🇦🇷");
    }

    @Test
    void aLineTurnsTabsAndLineBreaksIntoSpaces() {
        assertThat(Text.line("uno\tdos\r\ntres\rcuatro\ncinco")).isEqualTo("uno dos tres cuatro cinco");
    }

    @Test
    void multilineTextKeepsTabsAndLineBreaksAsLf() {
        assertThat(Text.multiline("uno\tdos\r\ntres\rcuatro\u0000\ncinco\u202D")).isEqualTo("uno\tdos\ntres\ncuatro\ncinco");
    }

    @Test
    void loneSurrogatesGoAndPairsStay() {
        assertThat(Text.line("a\uD83Db\uDE00c\uD83D\uDE00")).isEqualTo("abc\uD83D\uDE00");
    }

    @Test
    void cleanTextAndNullComeBackAsTheyAre() {
        String clean = "El Senado aprobó «la ley» — sí…";
        assertThat(Text.line(clean)).isSameAs(clean);
        assertThat(Text.line(null)).isNull();
    }
}
