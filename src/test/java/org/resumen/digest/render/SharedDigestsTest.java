package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.render.RenderFixtures.articleAbout;
import static org.resumen.digest.render.RenderFixtures.copyOfTemplates;
import static org.resumen.digest.render.RenderFixtures.newsletter;
import static org.resumen.digest.render.RenderFixtures.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.article.Article;
import org.resumen.digest.subscriber.Subscriber;

/**
 * A shared render must give each subscriber byte for byte what a render of their own gives, and
 * must actually be shared for the shipped templates (otherwise it only costs a second render).
 */
class SharedDigestsTest {
    private static final List<Article> ARTICLES = List.of(articleAbout("Senado"), articleAbout("Presupuesto"),
            articleAbout("Gobernadores"));
    /** Names that an escaping or splitting mistake would show: markup characters, quotes, accents, spaces. */
    private static final List<String> NAMES = List.of("María José Núñez", "John O'Brien & \"Sons\" <Ltd>",
            "Begoña  Álvarez", "", "Ñandú…«»“”—", "No", "OFF", "Ramón\uE001", " Ana María\t",
            "María de los Ángeles Fernández de la Torre Villanueva y Echeverría Saavedra Ortúzar");

    @TempDir
    Path folder;

    @Test
    void everySubscriberGetsExactlyTheirOwnRenderFromTheShippedTemplates() {
        DigestRenderer renderer = RenderFixtures.renderer();
        SharedDigests shared = new SharedDigests(renderer);
        for (DigestRequest request : requestsFor(NAMES, "es-AR")) {
            assertThat(shared.render(request)).isEqualTo(renderer.render(request));
        }
        for (DigestRequest request : requestsFor(NAMES, "en")) {
            assertThat(shared.render(request)).isEqualTo(renderer.render(request));
        }
        RenderedDigest third = shared.render(requestsFor(NAMES, "es-AR").get(2));
        String section = ARTICLES.get(0).section();
        assertThat(third.html()).contains("href=\"https://resumen.example.org/mute/m3-" + section.length() + "\"", "Menos de " + section);
        assertThat(third.text()).contains("Menos de " + section + ": https://resumen.example.org/mute/m3-" + section.length());
    }

    @Test
    void shippedTemplatesRenderOncePerGroupNotPerSubscriber() {
        SharedDigests shared = new SharedDigests(RenderFixtures.renderer());
        List<String> names = List.of("María José Núñez", "John O'Brien & \"Sons\" <Ltd>", "Lucía", "Ramón Ibáñez");
        requestsFor(names, "es-AR").forEach(shared::render);
        requestsFor(List.of("", " "), "es-AR").forEach(shared::render);

        assertThat(shared.ownRenders()).isZero();
        assertThat(shared.sharedGroups()).as("named and unnamed greetings are two groups").isEqualTo(2);
    }

    @Test
    void twoReadersOfOneGroupShareTheSameSegmentsForAllButTheirOwnLines() {
        SharedDigests shared = new SharedDigests(RenderFixtures.renderer());
        List<DigestRequest> requests = requestsFor(List.of("María José Núñez", "John O'Brien & \"Sons\" <Ltd>"), "es-AR");
        DigestParts one = shared.renderParts(requests.get(0));
        DigestParts two = shared.renderParts(requests.get(1));

        for (List<Segment>[] part : List.of(new List[] {one.html(), two.html()}, new List[] {one.text(), two.text()})) {
            assertThat(part[0]).hasSameSizeAs(part[1]);
            int sharedChars = 0;
            int allChars = 0;
            for (int i = 0; i < part[0].size(); i++) {
                Segment a = part[0].get(i);
                allChars += a.text().length();
                if (a.shared()) {
                    assertThat(part[1].get(i)).isSameAs(a);
                    sharedChars += a.text().length();
                } else {
                    assertThat(part[1].get(i).shared()).isFalse();
                }
            }
            assertThat(sharedChars).as("most of the part is shared").isGreaterThan(allChars / 2);
        }
        assertThat(one.joined()).isEqualTo(RenderFixtures.renderer().render(requests.get(0)));
    }

    @Test
    void languageZoneAndArticlesEachMakeTheirOwnGroup() {
        SharedDigests shared = new SharedDigests(RenderFixtures.renderer());
        Subscriber ana = subscriber(1, "Ana", null);
        shared.render(request(ARTICLES, ana, "es-AR"));
        shared.render(request(ARTICLES, ana, "en"));
        shared.render(request(ARTICLES, subscriber(2, "Ana", "Europe/Madrid"), "es-AR"));
        shared.render(request(ARTICLES.subList(0, 2), ana, "es-AR"));
        shared.render(request(ARTICLES, subscriber(3, "Bea", null), "es-AR"));

        assertThat(shared.sharedGroups()).isEqualTo(4);
    }

    @Test
    void templateThatUpperCasesTheNameIsRenderedPerSubscriberAndStillRight() throws IOException {
        DigestRenderer renderer = rendererWithGreeting("${#strings.toUpperCase(subscriberName)}");
        assertRenderedPerSubscriberAndRight(renderer);
    }

    @Test
    void templateThatKeepsTheFirstNameOnlyIsRenderedPerSubscriberAndStillRight() throws IOException {
        DigestRenderer renderer = rendererWithGreeting("${#strings.substringBefore(subscriberName, ' ')}");
        assertRenderedPerSubscriberAndRight(renderer);
    }

    @Test
    void templateThatShowsTheNameLengthIsRenderedPerSubscriberAndStillRight() throws IOException {
        DigestRenderer renderer = rendererWithGreeting("${#strings.length(subscriberName)}");
        assertRenderedPerSubscriberAndRight(renderer);
    }

    @Test
    void nameWrittenUnescapedIsFilledInUnescaped() throws IOException {
        copyOfTemplates(folder);
        replace("digest.html", "<span th:text=\"${!#strings.isEmpty(subscriberName)} ? #{digest.greeting.named(${subscriberName})} : #{digest.greeting}\">",
                "<span th:utext=\"${subscriberName}\">");
        DigestRenderer renderer = new DigestRenderer(folder, newsletter());
        SharedDigests shared = new SharedDigests(renderer);
        for (DigestRequest request : requestsFor(List.of("Ana & <b>Luis</b>", "Ramón"), "es-AR")) {
            assertThat(shared.render(request)).isEqualTo(renderer.render(request));
        }
        assertThat(shared.render(requestsFor(List.of("Ana & <b>Luis</b>"), "es-AR").get(0)).html())
                .contains("Ana & <b>Luis</b>");
    }

    private void assertRenderedPerSubscriberAndRight(DigestRenderer renderer) {
        SharedDigests shared = new SharedDigests(renderer);
        List<DigestRequest> requests = requestsFor(List.of("María José Núñez", "Ana", "John O'Brien"), "es-AR");
        for (DigestRequest request : requests) {
            assertThat(shared.render(request)).isEqualTo(renderer.render(request));
        }
        assertThat(shared.ownRenders()).isEqualTo(requests.size());
    }

    private DigestRenderer rendererWithGreeting(String nameExpression) throws IOException {
        copyOfTemplates(folder);
        replace("digest.html", "#{digest.greeting.named(${subscriberName})}", "#{digest.greeting.named(" + nameExpression + ")}");
        return new DigestRenderer(folder, newsletter());
    }

    private void replace(String template, String from, String to) throws IOException {
        Path file = folder.resolve(template);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static List<DigestRequest> requestsFor(List<String> names, String languageTag) {
        long id = 1;
        List<DigestRequest> requests = new java.util.ArrayList<>();
        for (String name : names) {
            Subscriber subscriber = subscriber(id, name, null);
            long own = id;
            Links links = new Links("https://resumen.example.org/unsubscribe/tok" + id + "-Ab_9",
                    "https://resumen.example.org/editions/2025-12-16/web" + id + "?a=1&b=2",
                    "https://resumen.example.org/preferences/pref" + id,
                    Links.muteLinks("https://resumen.example.org", ARTICLES, section -> "m" + own + "-" + section.length()));
            DigestRequest base = request(ARTICLES, subscriber, languageTag);
            requests.add(new DigestRequest(base.edition(), base.articles(), subscriber, base.locale(), links));
            id++;
        }
        return requests;
    }

    private static Subscriber subscriber(long id, String name, String zone) {
        return new Subscriber(id, "lector" + id + "@example.org", name, null, Set.of(),
                zone == null ? null : java.time.ZoneId.of(zone), Subscriber.Status.ACTIVE);
    }
}
