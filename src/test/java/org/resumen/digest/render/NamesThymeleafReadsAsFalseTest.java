package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.render.RenderFixtures.article;
import static org.resumen.digest.render.RenderFixtures.byAuthor;
import static org.resumen.digest.render.RenderFixtures.spanish;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumen.digest.article.Article;
import org.resumen.digest.subscriber.Subscriber;

/**
 * Issue 5 item 10: Thymeleaf reads the strings "no", "off" and "false" as false in a condition, so
 * the shipped templates test text for emptiness: a reader called "No" is greeted by name, and an
 * author, summary or headline that reads "no" still shows.
 */
class NamesThymeleafReadsAsFalseTest {
    private final DigestRenderer renderer = RenderFixtures.renderer();

    private static Subscriber named(String name) {
        return new Subscriber(7, "lector@example.org", name, null, Set.of(), null, Subscriber.Status.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "off", "false", "No", "FALSE", "Off"})
    void aSubscriberNamedLikeAFalseWordIsGreetedByName(String name) {
        RenderedDigest digest = renderer.render(spanish(List.of(RenderFixtures.articleAbout("Senado")), named(name)));
        assertThat(digest.html()).contains("Hola, " + name + ":");
        assertThat(digest.text()).contains("Hola, " + name + ":");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "off", "false"})
    void theSharedRenderGreetsThemByNameToo(String name) {
        SharedDigests shared = new SharedDigests(renderer);
        RenderedDigest digest = shared.render(spanish(List.of(RenderFixtures.articleAbout("Senado")), named(name)));
        assertThat(digest.text()).contains("Hola, " + name + ":");
    }

    @Test
    void anAuthorSummaryAndHeadlineThatReadNoStillShow() {
        Article no = byAuthor(article("Política", "No", "no", "2025-12-16T10:30:00Z"), "off");
        RenderedDigest digest = renderer.render(spanish(List.of(no), named("Ana")));
        assertThat(digest.subject()).isEqualTo("El Resumen — martes 16 de diciembre: «No»");
        assertThat(digest.text()).contains("por off", "\nno\n");
        assertThat(digest.html()).contains("por off");
    }

    @Test
    void anEmptyNameStillGetsTheGreetingWithoutAName() {
        RenderedDigest digest = renderer.render(spanish(List.of(RenderFixtures.articleAbout("Senado")), named("")));
        assertThat(digest.text()).contains("Hola:\n");
    }
}
