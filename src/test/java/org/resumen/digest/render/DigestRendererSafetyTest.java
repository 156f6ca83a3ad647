package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.render.RenderFixtures.article;
import static org.resumen.digest.render.RenderFixtures.articleAbout;
import static org.resumen.digest.render.RenderFixtures.resource;
import static org.resumen.digest.render.RenderFixtures.spanish;
import static org.resumen.digest.render.RenderFixtures.subscriber;
import static org.resumen.digest.render.RenderFixtures.titled;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.resumen.digest.article.Article;
import org.resumen.digest.subscriber.Subscriber;

class DigestRendererSafetyTest {
    private final DigestRenderer renderer = RenderFixtures.renderer();

    @Test
    void markupInTitlesAndSummariesIsShownAsTextInHtml() {
        Article hostile = article("Política", "Ley <script>alert(1)</script> & “Tom & Jerry”",
                "Cuerpo con <b>negrita</b> & <img src=x onerror=alert(1)>", "2025-12-16T10:30:00Z");

        RenderedDigest digest = renderer.render(spanish(List.of(hostile), subscriber("ana@example.org")));

        assertThat(digest.html())
                .contains("Ley &lt;script&gt;alert(1)&lt;/script&gt; &amp; “Tom &amp; Jerry”",
                        "Cuerpo con &lt;b&gt;negrita&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>", "<b>negrita", "<img src=x");
        assertThat(digest.text()).contains("Ley <script>alert(1)</script> & “Tom & Jerry”");
    }

    @Test
    void subscriberNameIsEscapedInTheGreeting() {
        Article senado = articleAbout("Senado");
        RenderedDigest digest = renderer.render(spanish(List.of(senado), new Subscriber(3, "x@example.org", "<i>Ana</i>",
                null, Set.of(), null, Subscriber.Status.ACTIVE)));

        assertThat(digest.html()).contains("Hola, &lt;i&gt;Ana&lt;/i&gt;:").doesNotContain("<i>Ana</i>");
    }

    @Test
    void articleUrlThatIsNotAWebLinkIsNotClickable() {
        Article sneaky = new Article(0, "url:x", "Diario del Plata", "javascript:alert(1)", "Nota trampa", "", "",
                "Política", List.of(), RenderFixtures.CUTOFF, RenderFixtures.CUTOFF, 2);

        RenderedDigest digest = renderer.render(spanish(List.of(sneaky), subscriber("ana@example.org")));

        assertThat(digest.html()).contains("Nota trampa").doesNotContain("javascript:");
        assertThat(digest.text()).doesNotContain("javascript:");
    }

    @Test
    void subjectStaysOnOneLineWhenTheHeadlineHasLineBreaks() {
        RenderedDigest digest = renderer.render(spanish(List.of(titled("Primera línea\r\nBcc: x@example.org\n  y más")),
                subscriber("ana@example.org")));

        assertThat(digest.subject())
                .isEqualTo("El Resumen — martes 16 de diciembre: «Primera línea Bcc: x@example.org y más»")
                .doesNotContain("\r", "\n");
    }

    @Test
    void longHeadlineIsCutToAShortSubjectWithAnEllipsis() {
        String headline = "Crónica de una sesión interminable ".repeat(10).strip();

        String subject = renderer.render(spanish(List.of(titled(headline)), subscriber("ana@example.org"))).subject();

        assertThat(subject).startsWith("El Resumen — martes 16 de diciembre: «Crónica de una sesión").endsWith("…»");
        assertThat(subject.length()).isLessThanOrEqualTo(150);
    }

    @Test
    void htmlWithTwentyLongArticlesStaysUnderGmailsClippingSize() {
        String summary = resource("long-summary-es.txt");
        List<Article> articles = IntStream.range(0, 20)
                .mapToObj(i -> article(i % 2 == 0 ? "Política" : "Economía",
                        "Nota " + i + ": el Senado discute «en general» el presupuesto y la oposición pide más fondos para"
                                + " las provincias del norte — “no alcanza”, dicen",
                        summary, "2025-12-16T0" + (i % 10) + ":15:00Z"))
                .toList();

        RenderedDigest digest = renderer.render(spanish(articles, subscriber("ana@example.org")));

        assertThat(summary).hasSizeGreaterThan(900);
        assertThat(digest.html()).contains("Nota 19:", "artículo por artículo");
        assertThat(digest.html().getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
    }

    @Test
    void rendersFromSeveralThreadsAtOnceGiveTheSameDigest() throws Exception {
        DigestRequest request = spanish(List.of(articleAbout("Senado"), articleAbout("Puerto")), subscriber("ana@example.org"));
        RenderedDigest expected = renderer.render(request);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RenderedDigest>> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                jobs.add(() -> renderer.render(request));
            }
            for (Future<RenderedDigest> result : pool.invokeAll(jobs)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void firstRendersOnAFreshRendererRaceSafely() throws Exception {
        DigestRenderer fresh = RenderFixtures.renderer();
        DigestRequest request = spanish(List.of(articleAbout("Senado")), subscriber("ana@example.org"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<RenderedDigest>> jobs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                jobs.add(() -> fresh.render(request));
            }
            List<RenderedDigest> results = new ArrayList<>();
            for (Future<RenderedDigest> result : pool.invokeAll(jobs)) {
                results.add(result.get());
            }
            assertThat(results).containsOnly(renderer.render(request));
        } finally {
            pool.shutdownNow();
        }
    }
}
