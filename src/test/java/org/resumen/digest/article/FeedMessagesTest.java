package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.config.SourceConfig;

/**
 * Issue 5 item 8 (feed messages): a DNS failure was reported as "connection refused", an unsupported
 * encoding as "cannot read the feed: UTF-7", an HTML page as "declares a DOCTYPE". Each now says what
 * it is.
 */
class FeedMessagesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void aHostThatDoesNotExistIsReportedAsNotFoundNotAsConnectionRefused() {
        // .invalid never resolves (RFC 6761 section 6.4)
        String feed = "http://diario-que-no-existe.invalid/feed.xml";

        assertThatThrownBy(() -> fetch("Fantasma", feed))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Fantasma\" (" + feed + "): host \"diario-que-no-existe.invalid\" could not be found"
                        + " (DNS lookup failed); check the feed's address");
    }

    @Test
    void anUnsupportedDeclaredEncodingIsNamedAsTheEncoding() throws Exception {
        Path file = write("utf7.xml", "<?xml version=\"1.0\" encoding=\"UTF-7\"?><rss version=\"2.0\"><channel><title>t"
                + "</title></channel></rss>");

        assertThatThrownBy(() -> fetch("Siete", file.toString()))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Siete\" (" + file + "): the feed's encoding \"UTF-7\" is not supported; expected"
                        + " UTF-8 (or another encoding Java reads, such as ISO-8859-1 or UTF-16)");
    }

    @Test
    void anHtmlPageGivenAsAFeedIsCalledAnHtmlPageAndItsFeedLinkIsShown() throws Exception {
        Path file = write("portada.html", "<!DOCTYPE html>\n<html lang=\"es\"><head><title>Diario</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"https://diario.example/rss.xml\"></head>"
                + "<body><h1>Portada</h1></body></html>");

        assertThatThrownBy(() -> fetch("Portada", file.toString()))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Portada\" (" + file + "): this is an HTML page, not a feed; expected RSS or Atom;"
                        + " the page names its feed: https://diario.example/rss.xml");
    }

    @Test
    void anHtmlPageWithoutAFeedLinkSaysWhereToLook() throws Exception {
        Path file = write("pagina.html", "<!doctype html><html><body>Hola</body></html>");

        assertThatThrownBy(() -> fetch("Página", file.toString()))
                .hasMessage("source \"Página\" (" + file + "): this is an HTML page, not a feed; expected RSS or Atom"
                        + " (the page's address is not its feed's; look for an RSS or Atom link on it)");
    }

    @Test
    void anXmlFeedWithADoctypeIsStillRefusedAsADoctype() throws Exception {
        Path file = write("doctype.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");

        assertThatThrownBy(() -> fetch("Trampa", file.toString()))
                .hasMessageContaining("declares a DOCTYPE");
    }

    private Path write(String name, String text) throws Exception {
        return Files.write(temp.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static FetchResult fetch(String name, String feed) {
        return Sources.from(List.of(new SourceConfig(name, feed, null)), CLOCK).get(0).fetch();
    }
}
