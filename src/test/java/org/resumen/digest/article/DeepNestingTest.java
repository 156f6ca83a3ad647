package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 item 1: a feed item or a Markdown body nested thousands deep threw StackOverflowError, which
 * nothing caught, so every ingest and send stopped; now that item or file is reported with the source's
 * name and skipped, and the rest arrives.
 */
class DeepNestingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC);
    private static final String FRONT_MATTER = "---\ntitle: Nota anidada\nurl: https://elresumen.example/notas/anidada\n"
            + "published: 2025-12-16T06:30:00-03:00\n---\n";

    @TempDir
    Path temp;

    static String nested(String open, String close, int levels) {
        return open.repeat(levels) + "x" + close.repeat(levels);
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n"
                + "<title>Diario</title><link>https://diario.example/</link><description>Noticias</description>\n"
                + String.join("\n", items) + "\n</channel></rss>\n";
    }

    static String item(String title, String slug, String description) {
        return "<item><title>" + title + "</title><link>https://diario.example/" + slug + "</link>"
                + "<description>" + description + "</description></item>";
    }

    @Test
    void aFeedItemWhoseDescriptionNests5000ElementsIsReportedAndSkippedAndTheOthersArrive() {
        String feed = rss(item("Primera", "primera", "Bien."), item("Anidada", "anidada", nested("<a>", "</a>", 5000)),
                item("Última", "ultima", "También bien."));

        FetchResult result = feedSource("Diario Hondo", feed).fetch();

        assertThat(result.articles()).extracting(Article::title).containsExactly("Primera", "Última");
        assertThat(result.problems()).containsExactly("source \"Diario Hondo\" (hondo.xml): item 2: elements nested more"
                + " than 100 levels deep; expected at most 100; skipped");
    }

    @Test
    void itemsAfterACutItemKeepTheirPositionInMessages() {
        String feed = rss(item("Anidada", "anidada", nested("<div>", "</div>", 200)), item("", "sin-titulo", "x"));

        FetchResult result = feedSource("Diario Hondo", feed).fetch();

        assertThat(result.problems()).containsExactly(
                "source \"Diario Hondo\" (hondo.xml): item 1: elements nested more than 100 levels deep; expected at most 100; skipped",
                "source \"Diario Hondo\" (hondo.xml): item 2 (https://diario.example/sin-titulo): no title;"
                        + " expected a headline for every article; skipped");
    }

    @Test
    void anAtomEntryWithDeepXhtmlContentIsSkippedLikeAnRssItem() {
        String feed = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<entry><title>Honda</title><id>urn:honda</id><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + nested("<div>", "</div>", 5000) + "</div></content></entry>"
                + "<entry><title>Llana</title><id>urn:llana</id><link href=\"https://diario.example/llana\"/></entry></feed>";

        FetchResult result = feedSource("Crónica", feed).fetch();

        assertThat(result.articles()).extracting(Article::title).containsExactly("Llana");
        assertThat(result.problems()).singleElement().asString().startsWith("source \"Crónica\" (hondo.xml): item 1: elements nested");
    }

    @Test
    void deepNestingOutsideAnyItemRefusesTheFeedWithTheLine() {
        String feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title>\n<description>"
                + nested("<b>", "</b>", 5000) + "</description></channel></rss>";

        assertThatThrownBy(() -> feedSource("Diario Hondo", feed).fetch())
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Diario Hondo\" (hondo.xml): refused at line 3: elements nested more than 100 levels"
                        + " deep outside any item; expected at most 100");
    }

    @Test
    void escapedHtmlNested100000DeepIsReportedAndSkippedBeforeRomeOrJsoupReadIt() {
        String deep = nested("<span>", "</span>", 100_000).replace("<", "&lt;").replace(">", "&gt;");
        String fine = "<p>Uno<p>Dos<br><img src=x>" + "<li>punto".repeat(500);

        FetchResult result = feedSource("Diario Hondo", rss(item("Escapada", "escapada", deep),
                item("Sin cerrar", "sin-cerrar", fine.replace("<", "&lt;").replace(">", "&gt;")),
                item("En CDATA", "cdata", "<![CDATA[" + nested("<b>", "</b>", 100_000) + "]]>"))).fetch();

        assertThat(result.articles()).extracting(Article::title).containsExactly("Sin cerrar");
        assertThat(result.problems()).containsExactly(
                "source \"Diario Hondo\" (hondo.xml): item 1: HTML elements nested more than 100 levels deep;"
                        + " expected at most 100; skipped",
                "source \"Diario Hondo\" (hondo.xml): item 3: HTML elements nested more than 100 levels deep;"
                        + " expected at most 100; skipped");
    }

    @Test
    void markdownWith10000BlockQuotesIsReportedWithTheSourceAndFileAndTheOtherFilesArrive() throws Exception {
        write("a-buena.md", FRONT_MATTER.replace("anidada", "buena") + "Texto con **negrita** y > cita.\n");
        write("b-citas.md", FRONT_MATTER + "> ".repeat(10_000) + "x\n");
        write("c-listas.md", FRONT_MATTER.replace("anidada", "listas") + "- ".repeat(10_000) + "x\n");
        write("d-asteriscos.md", FRONT_MATTER.replace("anidada", "asteriscos") + "*".repeat(100_000) + "\n");
        write("e-enfasis.md", FRONT_MATTER.replace("anidada", "enfasis") + nested("*", "*", 400) + "\n");

        FetchResult result = new MarkdownFolderSource("Redacción", temp, CLOCK).fetch();

        assertThat(result.articles()).extracting(Article::url).containsExactly("https://elresumen.example/notas/buena");
        assertThat(result.problems()).containsExactly(
                "source \"Redacción\": " + temp.resolve("b-citas.md") + ":6: the Markdown nests block quotes, lists or"
                        + " emphasis more than 100 levels deep; expected at most 100",
                "source \"Redacción\": " + temp.resolve("c-listas.md") + ":6: the Markdown nests block quotes, lists or"
                        + " emphasis more than 100 levels deep; expected at most 100",
                "source \"Redacción\": " + temp.resolve("d-asteriscos.md") + ":6: a paragraph of the Markdown is longer"
                        + " than 50000 characters; expected shorter paragraphs, with blank lines between them",
                "source \"Redacción\": " + temp.resolve("e-enfasis.md") + ": the Markdown nests block quotes, lists or"
                        + " emphasis more than 100 levels deep; expected at most 100");
    }

    @Test
    void markdownIndentedIntoAListAThousandLevelsDeepIsRefusedAtTheLineThatGoesTooDeep() throws Exception {
        StringBuilder lists = new StringBuilder(FRONT_MATTER);
        for (int level = 0; level < 1000; level++) {
            lists.append("  ".repeat(level)).append("- nivel ").append(level).append('\n');
        }
        write("sangria.md", lists.toString());

        FetchResult result = new MarkdownFolderSource("Redacción", temp, CLOCK).fetch();

        assertThat(result.articles()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .startsWith("source \"Redacción\": " + temp.resolve("sangria.md") + ":106: the Markdown nests");
    }

    @Test
    void ordinaryMarkdownWithQuotesListsAndEmphasisIsUntouched() throws Exception {
        write("normal.md", FRONT_MATTER + "> Dijo: «*no* vamos a **ceder**».\n\n- uno\n  - dos\n    - tres\n\n"
                + "1. [enlace](https://elresumen.example) y `código`\n");

        FetchResult result = new MarkdownFolderSource("Redacción", temp, CLOCK).fetch();

        assertThat(result.problems()).isEmpty();
        assertThat(result.articles()).singleElement().extracting(Article::summary)
                .isEqualTo("Dijo: «no vamos a ceder». uno dos tres enlace y código");
    }

    private FeedSource feedSource(String name, String xml) {
        return new FeedSource(name, "hondo.xml",
                previous -> new FeedDocument(xml.getBytes(StandardCharsets.UTF_8), null, URI.create("file:///hondo.xml")),
                CLOCK);
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(temp.resolve(name), text);
    }
}
