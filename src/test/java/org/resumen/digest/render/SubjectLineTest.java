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
}
