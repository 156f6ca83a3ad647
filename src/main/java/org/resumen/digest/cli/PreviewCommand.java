package org.resumen.digest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.resumen.digest.App;
import org.resumen.digest.render.RenderedDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code digest preview}: renders one subscriber's digest with the production renderer, sends nothing. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Render a digest without sending: the subject and plain text to the console, or HTML/text to a file.",
        footer = {"", "Examples:", "  digest preview --date 2025-12-16", "  digest preview --subscriber ana@example.org --out outbox/preview.html"})
final class PreviewCommand implements Callable<Integer> {
    @ParentCommand
    DigestCommand parent;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "edition date (default: today in newsletter.timezone)")
    LocalDate date;

    @Option(names = "--subscriber", paramLabel = "EMAIL", description = "render as this subscriber (language, topics, links); default: every topic, newsletter language")
    String subscriber;

    @Option(names = "--out", paramLabel = "FILE", description = "write the HTML (or the text, for a .txt file) to FILE")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = parent.spec.commandLine().getOut();
        try (App app = parent.open()) {
            RenderedDigest digest = app.sendEdition.preview(date, subscriber);
            if (out == null) {
                console.println("Subject: " + digest.subject());
                console.println();
                console.println(digest.text());
            } else {
                boolean text = out.getFileName().toString().endsWith(".txt");
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                Files.writeString(out, text ? digest.text() : digest.html(), StandardCharsets.UTF_8);
                console.println("Subject: " + digest.subject());
                console.println("Wrote " + out + " (" + (text ? "plain text" : "HTML") + ").");
            }
            console.flush();
            return DigestCommand.OK;
        }
    }
}
