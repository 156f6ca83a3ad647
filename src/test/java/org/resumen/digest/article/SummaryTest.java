package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTest {
    private static final String SENTENCE = "La senadora Peña Arbó dijo que «no hay sesión sin planillas». ";

    @Test
    void shortTextIsKeptWhole() {
        assertThat(Summary.cut("Breve y completo.", 300)).isEqualTo("Breve y completo.");
    }

    @Test
    void longTextIsCutAtTheLastSentenceThatFitsAndEndsWithAnEllipsis() {
        String text = SENTENCE.repeat(6).strip();

        String summary = Summary.cut(text, 300);

        assertThat(summary).hasSizeLessThanOrEqualTo(300)
                .endsWith("«no hay sesión sin planillas»…")
                .startsWith("La senadora Peña Arbó");
        assertThat(text).startsWith(summary.substring(0, summary.length() - 1));
    }

    @Test
    void textWithoutSentenceEndsIsCutBetweenWordsWithAnEllipsis() {
        String text = "palabra, ".repeat(60).strip();

        String summary = Summary.cut(text, 300);

        assertThat(summary).hasSizeLessThanOrEqualTo(300).endsWith("palabra…").doesNotContain(",…");
    }

    @Test
    void readingTimeIsWordsOverTwoHundredAndAtLeastOneMinute() {
        assertThat(Summary.readingMinutes("")).isEqualTo(1);
        assertThat(Summary.readingMinutes("una nota corta")).isEqualTo(1);
        assertThat(Summary.readingMinutes("palabra ".repeat(600))).isEqualTo(3);
    }
}
