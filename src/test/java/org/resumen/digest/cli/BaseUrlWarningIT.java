package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.DemoFiles;
import org.resumen.digest.testing.TestWorld;

/** {@code digest check} warns, without failing, about an http: base-url that is not this machine (RFC 8058 needs https). */
class BaseUrlWarningIT {
    @TempDir
    Path dir;

    @Test
    void anHttpBaseUrlOnAPublicHostIsAWarningAndTheCheckStillPasses() throws IOException {
        Cli.Run run = checkWith("http://resumen.example.net");

        assertThat(run.out()).contains("warning: newsletter.base-url is http://resumen.example.net: plain http on a host"
                + " other than localhost; RFC 8058 one-click unsubscribe needs https");
        assertThat(run.out()).contains("Everything checks out");
        assertThat(run.exit()).isZero();
    }

    @Test
    void localhostAndHttpsGetNoWarning() throws IOException {
        assertThat(checkWith("http://localhost:8080").out()).doesNotContain("warning:");
        assertThat(checkWith("http://127.0.0.1:8080").out()).doesNotContain("warning:");
        assertThat(checkWith("https://resumen.example.net").out()).doesNotContain("warning:");
    }

    private Cli.Run checkWith(String baseUrl) throws IOException {
        Path config = TestWorld.create(dir, 2525, List.of("ana@example.org,Ana,es-AR,"));
        String text = Files.readString(config, StandardCharsets.UTF_8);
        assertThat(text).contains(DemoFiles.BASE_URL);
        Files.writeString(config, text.replace(DemoFiles.BASE_URL, baseUrl), StandardCharsets.UTF_8);
        return Cli.digest(TestWorld.CLOCK, "check", "--config", config.toString());
    }
}
