package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.resumen.digest.DigestException;
import org.resumen.digest.article.ArticleSource;
import org.resumen.digest.article.FetchResult;
import org.resumen.digest.article.Sources;
import org.resumen.digest.config.Config;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.mail.MessageSigner;
import org.resumen.digest.render.DigestRenderer;
import org.resumen.digest.subscriber.SubscriberFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code digest check}: the validation a send runs first (config, templates, subscriber files,
 * sources), reporting every problem with its file/line or key; sends nothing, writes nothing.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate config, templates, subscriber files and sources; send nothing. Exits 2 on a configuration problem, 1 on any other problem.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    DigestCommand parent;

    @Override
    public Integer call() {
        PrintWriter out = parent.spec.commandLine().getOut();
        ConfigLoader.Loaded loaded = ConfigLoader.load(parent.configFile, System.getenv());
        Config config = loaded.config();
        List<String> problems = new ArrayList<>(loaded.problems());
        problems.addAll(templates(config));
        problems.addAll(subscriberFiles(config));
        problems.addAll(dkimKey(config));
        problems.addAll(sources(config, out));
        baseUrlWarning(config.newsletter().baseUrl()).ifPresent(w -> out.println("warning: " + w));
        problems.forEach(p -> out.println("problem: " + p));
        out.println(problems.isEmpty() ? "Everything checks out: config (" + config.origin() + "), templates, subscribers, "
                + config.sources().size() + " sources." : problems.size() + " problem(s) found.");
        out.flush();
        // A configuration problem is one the user must fix before any command can run, as for send and serve.
        return !loaded.problems().isEmpty() ? DigestCommand.USAGE : problems.isEmpty() ? DigestCommand.OK : DigestCommand.FAILED;
    }

    /**
     * A warning, not a problem: an http: base-url works for links, but mailbox providers make the
     * one-click unsubscribe POST only to https URLs (RFC 8058 section 3), so it is fine on this machine only.
     */
    static java.util.Optional<String> baseUrlWarning(String baseUrl) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (!"http".equalsIgnoreCase(uri.getScheme()) || host.equals("localhost") || host.equals("127.0.0.1")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("newsletter.base-url is " + baseUrl + ": plain http on a host other than localhost;"
                + " RFC 8058 one-click unsubscribe needs https, so mailbox providers will not offer it."
                + " Expected an https:// URL (e.g. behind a TLS proxy)");
    }

    private static List<String> templates(Config config) {
        try {
            new DigestRenderer(config.templates(), config.newsletter()).validate();
            return List.of();
        } catch (DigestException e) {
            return List.of(e.getMessage());
        }
    }

    /** The DKIM key is read and checked as a send reads it: unreadable, not PKCS#8 RSA, or under 2048 bits. */
    private static List<String> dkimKey(Config config) {
        if (!config.dkim().enabled()) {
            return List.of();
        }
        try {
            MessageSigner.forConfig(config.dkim());
            return List.of();
        } catch (DigestException e) {
            return List.of(e.getMessage());
        }
    }

    private static List<String> subscriberFiles(Config config) {
        try {
            return SubscriberFiles.readFolder(config.subscribers()).problems();
        } catch (DigestException e) {
            return List.of(e.getMessage());
        }
    }

    private List<String> sources(Config config, PrintWriter out) {
        List<String> problems = new ArrayList<>();
        for (ArticleSource source : Sources.from(config.sources(), parent.clock())) {
            try {
                FetchResult result = source.fetch();
                out.printf("source \"%s\": %d articles%n", source.name(), result.articles().size());
                problems.addAll(result.problems());
            } catch (DigestException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }
}
