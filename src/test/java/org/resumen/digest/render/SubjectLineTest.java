package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectLineTest {
    @Test
    void lineBreaksTabsAndRepeatedSpacesBecomeOneSpace() {
        assertThat(SubjectLine.clean("\n  El Resumen —\r\n martes\t16 \u2028«Título»\n"))
                .isEqualTo("El Resumen — martes 16 «Título»");
    }

    @Test
    void shortSubjectIsKeptAsIs() {
        assertThat(SubjectLine.clean("El Resumen — martes 16 de diciembre: «Ñandúes en la ruta…»"))
                .isEqualTo("El Resumen — martes 16 de diciembre: «Ñandúes en la ruta…»");
    }

    @Test
    void longSubjectIsCutAtAWordWithAnEllipsis() {
        String subject = SubjectLine.clean("palabra ".repeat(40));

        assertThat(subject).hasSizeLessThanOrEqualTo(150).endsWith("palabra…");
    }

    @Test
    void longSubjectWithoutSpacesIsCutWithoutSplittingACharacter() {
        String subject = SubjectLine.clean("😀".repeat(100));

        assertThat(subject).hasSizeLessThanOrEqualTo(150).endsWith("😀…");
    }

    @Test
    void aQuoteTheCutLeavesOpenIsClosedAfterTheEllipsis() {
        String subject = SubjectLine.clean("Resumen Político — martes 16 de diciembre: «Gobernadores del norte piden una reunión"
                + " urgente con el Ministerio del Interior por los fondos coparticipables y la obra pública paralizada»");

        assertThat(subject).hasSizeLessThanOrEqualTo(150)
                .isEqualTo("Resumen Político — martes 16 de diciembre: «Gobernadores del norte piden una reunión urgente"
                        + " con el Ministerio del Interior por los fondos…»");
    }

    @Test
    void nestedQuotesAreClosedInnermostFirst() {
        String subject = SubjectLine.clean("El Resumen: «La ministra dijo “no vamos a negociar con quienes bloquean las rutas"
                + " del país ni con quienes amenazan a los productores de la región pampeana” y se retiró»");

        assertThat(subject).hasSizeLessThanOrEqualTo(150).endsWith("…”»");
        assertThat(subject).startsWith("El Resumen: «La ministra dijo “no vamos a negociar");
    }

    @Test
    void aQuoteClosedBeforeTheCutNeedsNothing() {
        String subject = SubjectLine.clean("El Resumen: «Humedales» y otras noticias " + "del día, ".repeat(20));

        assertThat(subject).hasSizeLessThanOrEqualTo(150).endsWith("del día…").contains("«Humedales»");
    }

    @Test
    void theCutNeverEndsOnACommaOrAnOpeningQuote() {
        String subject = SubjectLine.clean("a".repeat(145) + ", «ñandú»");

        assertThat(subject).isEqualTo("a".repeat(145) + "…");
    }
}
