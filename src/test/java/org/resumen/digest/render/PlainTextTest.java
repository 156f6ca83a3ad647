package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void blankLinesLeftByLoopsShrinkToOne() {
        assertThat(PlainText.tidy("\n\nEl Resumen\n\n\n\n== Política ==  \n\n\nTítulo\t\nhttps://example.org\n\n"))
                .isEqualTo("El Resumen\n\n== Política ==\n\nTítulo\nhttps://example.org\n");
    }

    @Test
    void longLinesWrapAt78AtSpacesKeepingTheIndent() {
        String summary = "  La Cámara de Diputados aprobó en general el proyecto de ley de humedales después de una"
                + " sesión de catorce horas en la que la oposición pidió cuarto intermedio dos veces.";

        String text = PlainText.tidy("Humedales\n" + summary);

        assertThat(text.lines().skip(1)).allMatch(line -> line.length() <= 78).allMatch(line -> line.startsWith("  "));
        assertThat(text.replaceAll("\\s+", " ").strip()).isEqualTo("Humedales " + summary.strip());
        assertThat(text.lines().skip(1).toList()).first().isEqualTo("  La Cámara de Diputados aprobó en general el proyecto de ley de humedales");
    }

    @Test
    void aUrlIsNeverBrokenEvenWhenLongerThanTheLine() {
        String url = "https://diario.example.org/politica/2025/12/16/el-senado-aprobo-la-ley-de-humedales-tras-una-sesion-de-14-horas";
        String text = PlainText.tidy("Leé la nota completa en <" + url + "> y compartila con quien quieras, ¡gracias!");

        assertThat(text.lines()).contains("<" + url + ">");
        assertThat(text.lines().filter(line -> !line.contains(url))).allMatch(line -> line.length() <= 78);
    }

    @Test
    void accentsCountAsOneCharacterEach() {
        String line = "ñ".repeat(78);

        assertThat(PlainText.tidy(line)).isEqualTo(line + "\n");
    }
}
