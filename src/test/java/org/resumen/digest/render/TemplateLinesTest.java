package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateLinesTest {
    @Test
    void linesAfterAMultiLineHtmlCommentAreShiftedBackByItsHeight() {
        String html = "<!DOCTYPE html>\n<!--/* one\ntwo\nthree */-->\n<p>a</p>\n<p>b</p>\n";

        assertThat(TemplateLines.lineInFile(html, "digest.html", 1)).isEqualTo(1);
        assertThat(TemplateLines.lineInFile(html, "digest.html", 3)).isEqualTo(5);
        assertThat(TemplateLines.lineInFile(html, "digest.html", 4)).isEqualTo(6);
    }

    @Test
    void prototypeOnlyCommentsKeepTheirLines() {
        String html = "<table>\n<!--/*/ <th:block>\n/*/-->\n<tr th:text=\"${x}\">\n";

        assertThat(TemplateLines.lineInFile(html, "digest.html", 4)).isEqualTo(4);
    }

    @Test
    void textCommentsAreCountedTheSameWay() {
        String text = "/*[- a\nb\nc -]*/\n[(${newsletterName})]\n[(${broken)]\n";

        assertThat(TemplateLines.lineInFile(text, "digest.txt", 3)).isEqualTo(5);
    }

    @Test
    void htmlCommentMarkersMeanNothingInText() {
        String text = "<!--/* a\nb */-->\nline three\n";

        assertThat(TemplateLines.lineInFile(text, "digest.txt", 3)).isEqualTo(3);
    }
}
