package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.render.TemplateException;
import org.resumen.digest.testing.TestWorld;

/** The pages in templates/web/ are rendered before the server listens; a broken one names its file and line. */
class PageTemplatesIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void aPageWithAnUnknownMessageStopsTheServerBeforeItListensNamingFileAndLine() throws IOException {
        Path templates = copyOfTemplates();
        Path page = templates.resolve("web/unsubscribe.html");
        Files.writeString(page, Files.readString(page, StandardCharsets.UTF_8)
                .replace("#{web.unsubscribe.button}", "#{web.unsubscribe.botton}"), StandardCharsets.UTF_8);
        Path config = TestWorld.create(dir, greenMail.getSmtp().getPort(), TestWorld.readers("ana@example.org"));
        Files.writeString(config, Files.readString(config).replaceAll("(?m)^templates: .*$",
                "templates: \"" + templates.toAbsolutePath() + "\""));

        try (App app = TestWorld.open(config)) {
            assertThatThrownBy(() -> WebServer.start(app, "127.0.0.1", 0))
                    .isInstanceOf(TemplateException.class)
                    .hasMessageStartingWith(page + " line 13: ")
                    .hasMessageContaining("no message \"web.unsubscribe.botton\"");
        }
    }

    private Path copyOfTemplates() throws IOException {
        Path copy = dir.resolve("templates");
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(Path.of("templates").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        assertThat(copy.resolve("web/unsubscribe.html")).exists();
        return copy;
    }
}
