package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void blankLinesLeftByLoopsShrinkToOne() {
        assertThat(PlainText.tidy("\n\nEl Resumen\n\n\n\n== Política ==  \n\n\nTítulo\t\nhttps://example.org\n\n"))
                .isEqualTo("El Resumen\n\n== Política ==\n\nTítulo\nhttps://example.org\n");
    }
}
