package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.render.RenderFixtures.anonymous;
import static org.resumen.digest.render.RenderFixtures.article;
import static org.resumen.digest.render.RenderFixtures.articleAbout;
import static org.resumen.digest.render.RenderFixtures.byAuthor;
import static org.resumen.digest.render.RenderFixtures.english;
import static org.resumen.digest.render.RenderFixtures.inZone;
import static org.resumen.digest.render.RenderFixtures.spanish;
import static org.resumen.digest.render.RenderFixtures.subscriber;
import static org.resumen.digest.render.RenderFixtures.titled;
import static org.resumen.digest.render.RenderFixtures.withoutSection;

import java.util.List;
import org.resumen.digest.article.Article;
import org.junit.jupiter.api.Test;

class DigestRendererTest {
    private static final String SPANISH_TITLE = "Ñandú, “comillas” y «el acuerdo» — ¿se firma mañana…?";
    private static final String SPANISH_SUMMARY = "La sesión siguió a las 23:40 — “sin quórum”, según la oposición…";

    private final DigestRenderer renderer = RenderFixtures.renderer();

    @Test
    void spanishDigestKeepsAccentsAndTypographyInSubjectHtmlAndText() {
        RenderedDigest digest = renderer.render(spanish(
                List.of(article("Política", SPANISH_TITLE, SPANISH_SUMMARY, "2025-12-16T10:30:00Z")),
                subscriber("ana@example.org")));

        assertThat(digest.subject()).isEqualTo("El Resumen — martes 16 de diciembre: «" + SPANISH_TITLE + "»");
        assertThat(digest.html()).contains(SPANISH_TITLE, SPANISH_SUMMARY, "Política", "Hola, Ana:",
                "martes 16 de diciembre de 2025", "3 min de lectura", "Ver en el navegador", "Darse de baja",
                "Esta es la noticia del día.").doesNotContain("??");
        assertThat(digest.text()).contains(SPANISH_TITLE, SPANISH_SUMMARY, "== Política ==",
                "martes 16 de diciembre de 2025", "Diario del Plata · 07:30 · 3 min de lectura");
    }

    @Test
    void englishDigestHasEnglishDateAndLabels() {
        RenderedDigest digest = renderer.render(english(List.of(titled("Senate passes the budget")),
                subscriber("ana@example.org")));

        assertThat(digest.subject()).isEqualTo("El Resumen — Tuesday, December 16: \"Senate passes the budget\"");
        assertThat(digest.html()).contains("lang=\"en\"", "Tuesday, December 16, 2025", "Hi Ana,", "3 min read",
                "View in your browser", "Unsubscribe", "Preferences").doesNotContain("de lectura", "Darse de baja");
        assertThat(digest.text()).contains("Tuesday, December 16, 2025", "3 min read",
                "You're receiving this email because you subscribed to El Resumen.");
    }

    @Test
    void htmlDeclaresTheSubscribersLanguage() {
        RenderedDigest digest = renderer.render(spanish(List.of(articleAbout("Senado")), subscriber("ana@example.org")));

        assertThat(digest.html()).contains("<html lang=\"es-AR\">", "<meta charset=\"UTF-8\">")
                .doesNotContain("th:text", "th:each", "xmlns:th");
    }

    @Test
    void articleTimeIsInTheNewsletterZoneWhenTheSubscriberHasNone() {
        RenderedDigest digest = renderer.render(spanish(
                List.of(article("Política", "Sesión nocturna", "", "2025-12-16T02:15:00Z")), subscriber("ana@example.org")));

        assertThat(digest.text()).contains("Diario del Plata · 23:15 ·");
        assertThat(digest.html()).contains(" · 23:15");
    }

    @Test
    void articleTimeIsInTheSubscribersOwnZone() {
        RenderedDigest digest = renderer.render(spanish(
                List.of(article("Política", "Sesión nocturna", "", "2025-12-16T02:15:00Z")),
                inZone(subscriber("ana@example.org"), "Europe/Madrid")));

        assertThat(digest.text()).contains("Diario del Plata · 03:15 ·").doesNotContain("23:15");
    }

    @Test
    void articlesWithoutSectionGoUnderOtherNewsAfterTheSections() {
        List<Article> articles = List.of(withoutSection(articleAbout("Puente")), articleAbout("Senado"),
                article("Economía", "Sube el dólar", "", "2025-12-16T09:00:00Z"));

        String spanishText = renderer.render(spanish(articles, subscriber("ana@example.org"))).text();
        String englishHtml = renderer.render(english(articles, subscriber("ana@example.org"))).html();

        assertThat(spanishText).containsSubsequence("== Política ==", "Senado", "== Economía ==", "Sube el dólar",
                "== Otras noticias ==", "Puente");
        assertThat(englishHtml).containsSubsequence("Política", "Economía", "More news", "Puente");
    }

    @Test
    void authorIsShownOnlyWhenKnown() {
        RenderedDigest digest = renderer.render(spanish(
                List.of(byAuthor(articleAbout("Senado"), "Martina Ibáñez"), articleAbout("Puerto")),
                subscriber("ana@example.org")));

        assertThat(digest.text()).contains("Diario del Plata · 07:30 · por Martina Ibáñez · 3 min de lectura",
                "Diario del Plata · 07:30 · 3 min de lectura");
    }

    @Test
    void emptyListSaysNothingInYourTopicsToday() {
        RenderedDigest spanishDigest = renderer.render(spanish(List.of(), subscriber("ana@example.org")));
        RenderedDigest englishDigest = renderer.render(english(List.of(), anonymous("bob@example.org")));

        assertThat(spanishDigest.subject()).isEqualTo("El Resumen — martes 16 de diciembre: hoy no hay noticias sobre tus temas");
        assertThat(spanishDigest.html()).contains("Hoy no hay noticias sobre tus temas.").doesNotContain("Otras noticias");
        assertThat(spanishDigest.text()).contains("Hoy no hay noticias sobre tus temas.");
        assertThat(englishDigest.text()).contains("Hi,\nNothing in your topics today.");
    }

    @Test
    void unsubscribeAndWebVersionLinksAppearInHtmlAndText() {
        RenderedDigest digest = renderer.render(spanish(List.of(articleAbout("Senado")), subscriber("ana@example.org")));

        assertThat(digest.html()).contains("href=\"http://localhost:8080/unsubscribe/tok-ana-7f3a\"",
                "href=\"http://localhost:8080/web/tok-ana-7f3a\"", "href=\"http://localhost:8080/preferences/tok-ana-7f3a\"");
        assertThat(digest.text()).contains("Darse de baja: http://localhost:8080/unsubscribe/tok-ana-7f3a",
                "Ver en el navegador: http://localhost:8080/web/tok-ana-7f3a");
    }

    @Test
    void articleUrlStandsOnItsOwnLineInText() {
        Article senado = articleAbout("Senado");
        RenderedDigest digest = renderer.render(spanish(List.of(senado), subscriber("ana@example.org")));

        assertThat(digest.text().lines()).contains(senado.url());
    }

    @Test
    void preheaderCarriesTheTopHeadlinesRightAfterBody() {
        RenderedDigest digest = renderer.render(spanish(List.of(articleAbout("Senado"), articleAbout("Puerto"),
                articleAbout("Tren"), articleAbout("Clima")), subscriber("ana@example.org")));

        String afterBody = digest.html().substring(digest.html().indexOf("<body"));
        String preheader = afterBody.substring(afterBody.indexOf("<div"), afterBody.indexOf("</div>"));
        assertThat(preheader).contains("display:none", "Senado", "Puerto", "Tren").doesNotContain("Clima");
    }

    @Test
    void previewWithoutASubscriberGreetsEveryoneInTheNewslettersZone() {
        RenderedDigest digest = renderer.render(spanish(
                List.of(article("Política", "Sesión nocturna", "", "2025-12-16T02:15:00Z")), null));

        assertThat(digest.text()).contains("Hola:\n", "Diario del Plata · 23:15 ·");
    }

    @Test
    void requestWithoutALocaleIsWrittenInTheNewslettersLanguage() {
        DigestRequest spanishRequest = spanish(List.of(articleAbout("Senado")), subscriber("ana@example.org"));
        DigestRequest noLocale = new DigestRequest(spanishRequest.edition(), spanishRequest.articles(),
                spanishRequest.subscriber(), null, spanishRequest.links());

        assertThat(renderer.render(noLocale).html()).contains("lang=\"es-AR\"", "martes 16 de diciembre de 2025");
    }
}
