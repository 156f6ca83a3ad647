package org.resumen.digest.article;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Times ingesting deeply nested input (issue 5 item 1); a benchmark run by hand, not a test:
 * {@code java -cp target/digest.jar:target/test-classes org.resumen.digest.article.NestingBench}.
 */
public final class NestingBench {
    private NestingBench() {
    }

    public static void main(String[] args) throws Exception {
        int levels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path folder = Files.createTempDirectory("nesting-bench");
        String frontMatter = "---\ntitle: Nota\nurl: https://elresumen.example/n\npublished: 2025-12-16T06:30:00-03:00\n---\n";
        Files.writeString(folder.resolve("citas.md"), frontMatter + "> ".repeat(levels) + "x\n");
        Files.writeString(folder.resolve("listas.md"), frontMatter + "- ".repeat(levels) + "x\n");
        Files.writeString(folder.resolve("asteriscos.md"), frontMatter + "*".repeat(levels) + "\n");
        for (int round = 1; round <= 3; round++) {
            time("round " + round + ": RSS item, " + levels + " nested <a> in XML", () -> feed(
                    DeepNestingTest.nested("<a>", "</a>", levels)));
            time("round " + round + ": RSS item, " + levels + " nested <span> escaped", () -> feed(
                    DeepNestingTest.nested("<span>", "</span>", levels).replace("<", "&lt;").replace(">", "&gt;")));
            time("round " + round + ": 3 Markdown files, " + levels + " levels each", () ->
                    new MarkdownFolderSource("Redacción", folder, Clock.systemUTC()).fetch().problems().size() + " problems");
        }
    }

    private static String feed(String description) {
        String xml = DeepNestingTest.rss(DeepNestingTest.item("Honda", "honda", description));
        FeedSource source = new FeedSource("Diario", "bench.xml",
                previous -> new FeedDocument(xml.getBytes(StandardCharsets.UTF_8), null, URI.create("file:///bench.xml")),
                Clock.systemUTC());
        return source.fetch().problems().size() + " problems";
    }

    private static void time(String what, Supplier<String> run) {
        long start = System.nanoTime();
        String result = run.get();
        System.out.printf("%s: %s, %d ms%n", what, result, (System.nanoTime() - start) / 1_000_000);
    }
}
