package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.config.SourceConfig;

/**
 * Issue 5, tests: a few hundred mutated RSS/Atom feeds and Markdown files (deep nesting, NULs, bidi
 * controls, truncation, bad dates, huge fields) through the real ingest, with a fixed seed. No
 * exception escapes; every item that has to be skipped is reported by its source; every good item,
 * and every repairable bad one, arrives clean.
 */
class IngestFuzzTest {
    private static final long SEED = 20251216L;
    private static final int ROUNDS = 25;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant PUBLISHED = Instant.parse("2025-12-16T08:00:00Z");
    private static final Pattern UNCLEAN = Pattern.compile("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");

    /** What a mutation does to one item or file, and what ingest must make of it. */
    enum Mutation {
        NONE(Fate.ARRIVES), DEEP_XML(Fate.REPORTED), DEEP_ESCAPED_HTML(Fate.REPORTED), DEEP_CDATA_HTML(Fate.REPORTED),
        NUL(Fate.ARRIVES), BIDI(Fate.ARRIVES), BAD_DATE(Fate.ARRIVES), HUGE_TITLE(Fate.ARRIVES),
        HUGE_BODY(Fate.ARRIVES), NO_TITLE(Fate.REPORTED);

        final Fate fate;

        Mutation(Fate fate) {
            this.fate = fate;
        }
    }

    /** The same for Markdown files. */
    enum FileMutation {
        NONE(Fate.ARRIVES), DEEP_QUOTES(Fate.REPORTED), DEEP_LISTS(Fate.REPORTED), DEEP_EMPHASIS(Fate.REPORTED),
        DEEP_HTML(Fate.REPORTED), NUL(Fate.ARRIVES), BIDI(Fate.ARRIVES), BAD_DATE(Fate.REPORTED),
        TRUNCATED(Fate.REPORTED), HUGE_TITLE(Fate.ARRIVES), HUGE_PARAGRAPH(Fate.REPORTED);

        final Fate fate;

        FileMutation(Fate fate) {
            this.fate = fate;
        }
    }

    enum Fate { ARRIVES, REPORTED }

    private record Expected(String source, String url, String marker, Fate fate, String mutation) {
    }

    @TempDir
    Path temp;

    private final Random random = new Random(SEED);
    private Database database;
    private ArticleStore store;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:fuzz-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new ArticleStore(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void mutatedFeedsAndMarkdownNeverStopTheIngestAndEachBadItemIsReportedBySource() throws Exception {
        List<Expected> expected = new ArrayList<>();
        Set<String> truncatedSources = new HashSet<>();
        List<String> allProblems = new ArrayList<>();
        int inputs = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<SourceConfig> configs = new ArrayList<>();
            for (int feed = 0; feed < 3; feed++) {
                String name = "Diario " + round + "-" + feed;
                boolean truncate = random.nextInt(8) == 0;
                Path file = writeFeed(name, round, feed, truncate, feed == 2, expected);
                if (truncate) {
                    truncatedSources.add(name);
                }
                configs.add(new SourceConfig(name, file.toString(), null));
                inputs++;
            }
            String folderName = "Redacción " + round;
            configs.add(new SourceConfig(folderName, null, writeFolder(folderName, round, expected).toString()));
            inputs += 5;

            Ingester ingester = new Ingester(Sources.from(configs, CLOCK), store, CLOCK);
            IngestReport report = ingestWithoutEscapes(ingester);

            assertThat(report.outcomes()).hasSize(configs.size());
            for (SourceOutcome outcome : report.outcomes()) {
                assertThat(outcome.failed()).as(outcome.source() + ": " + outcome.error())
                        .isEqualTo(truncatedSources.contains(outcome.source()));
                outcome.problems().forEach(p -> assertThat(p).as("problem names its source")
                        .startsWith("source \"" + outcome.source() + "\""));
                allProblems.addAll(outcome.problems());
            }
        }

        List<Article> stored = store.publishedBetween(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        Set<String> storedUrls = new HashSet<>();
        for (Article article : stored) {
            storedUrls.add(article.url());
            for (String text : List.of(article.title(), article.summary(), String.valueOf(article.author()),
                    String.valueOf(article.section()), String.join(";", article.tags()), article.identityKey())) {
                assertThat(UNCLEAN.matcher(text).find()).as("control or bidi character in " + article.url()).isFalse();
            }
        }
        int reported = 0;
        for (Expected item : expected) {
            if (truncatedSources.contains(item.source())) {
                assertThat(storedUrls).doesNotContain(item.url());
            } else if (item.fate() == Fate.ARRIVES) {
                assertThat(storedUrls).as(item.marker() + " (" + item.mutation() + ") should arrive").contains(item.url());
            } else {
                assertThat(storedUrls).as(item.marker() + " (" + item.mutation() + ") should be skipped").doesNotContain(item.url());
                assertThat(allProblems).as(item.marker() + " should be reported")
                        .anyMatch(p -> p.startsWith("source \"" + item.source() + "\"") && p.contains(item.marker()));
                reported++;
            }
        }
        assertThat(expected).as(inputs + " files").hasSizeGreaterThan(300);
        assertThat(reported).isGreaterThan(100);
    }

    private IngestReport ingestWithoutEscapes(Ingester ingester) {
        IngestReport[] report = new IngestReport[1];
        assertThatCode(() -> report[0] = ingester.ingestAll()).doesNotThrowAnyException();
        return report[0];
    }

    private Path writeFeed(String name, int round, int feed, boolean truncate, boolean atom, List<Expected> expected)
            throws Exception {
        StringBuilder items = new StringBuilder();
        int count = 3 + random.nextInt(3);
        for (int i = 1; i <= count; i++) {
            Mutation mutation = i == 1 ? Mutation.NONE : pick(Mutation.values());
            String slug = "r" + round + "/f" + feed + "/i" + i;
            String url = "https://fuzz.example/" + slug;
            // Feed items are reported by position; the marker is what identifies them in the problem.
            expected.add(new Expected(name, url, "item " + i, mutation.fate, mutation.name()));
            items.append(atom ? atomEntry(url, mutation) : rssItem(url, mutation)).append('\n');
        }
        String xml = atom
                ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>" + name
                        + "</title><id>urn:" + round + ":" + feed + "</id>\n" + items + "</feed>\n"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + name + "</title>"
                        + "<link>https://fuzz.example/</link><description>d</description>\n" + items + "</channel></rss>\n";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (truncate) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2 + random.nextInt(bytes.length / 2 - 10));
        }
        return Files.write(temp.resolve("feed-" + round + "-" + feed + ".xml"), bytes);
    }

    private String rssItem(String url, Mutation mutation) {
        String title = mutation == Mutation.NO_TITLE ? "" : title(mutation);
        String date = mutation == Mutation.BAD_DATE ? "ayer a la tarde" : DateTimeFormatter.RFC_1123_DATE_TIME.format(
                PUBLISHED.atOffset(ZoneOffset.ofHours(-3)));
        return "<item><title>" + title + "</title><link>" + url + "</link><guid>" + url + "</guid><pubDate>" + date
                + "</pubDate><author>Redacción " + mutated(mutation) + "</author><category>Política</category>"
                + "<description>" + description(mutation) + "</description></item>";
    }

    private String atomEntry(String url, Mutation mutation) {
        String title = mutation == Mutation.NO_TITLE ? "" : title(mutation);
        String date = mutation == Mutation.BAD_DATE ? "16/12/2025" : PUBLISHED.toString();
        String content = mutation == Mutation.DEEP_XML
                ? "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + DeepNestingTest.nested("<div>",
                        "</div>", depth()) + "</div></content>"
                : "<summary type=\"html\">" + description(mutation) + "</summary>";
        return "<entry><title>" + title + "</title><id>" + url + "</id><link href=\"" + url + "\"/><updated>" + date
                + "</updated>" + content + "</entry>";
    }

    private String title(Mutation mutation) {
        return switch (mutation) {
            case NUL -> "Sesión\u0000 en el Senado";
            case BIDI -> "Votación \u202Eacitílop\u202C del \u2066día\u2069";
            case HUGE_TITLE -> "Título ".repeat(15_000);
            default -> "La Cámara aprobó el presupuesto " + random.nextInt(1000);
        };
    }

    private String mutated(Mutation mutation) {
        return switch (mutation) {
            case NUL -> "con\u0001control";
            case BIDI -> "\u202Dbidi";
            default -> "central";
        };
    }

    private String description(Mutation mutation) {
        return switch (mutation) {
            case DEEP_XML -> DeepNestingTest.nested("<a>", "</a>", depth());
            case DEEP_ESCAPED_HTML -> escape(DeepNestingTest.nested("<span>", "</span>", depth()));
            case DEEP_CDATA_HTML -> "<![CDATA[" + DeepNestingTest.nested("<b>", "</b>", depth()) + "]]>";
            case NUL -> escape("Texto con &#0; y \u0000 adentro");
            case BIDI -> escape("Texto con <b>\u202Ebidi</b> &#x2066;adentro");
            case HUGE_BODY -> escape("<p>" + "Párrafo largo. ".repeat(5_000) + "</p>");
            default -> escape("<p>El oficialismo consiguió <b>quórum</b> y «votó».</p>");
        };
    }

    private Path writeFolder(String name, int round, List<Expected> expected) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("redaccion-" + round));
        for (int i = 1; i <= 5; i++) {
            FileMutation mutation = i == 1 ? FileMutation.NONE : pick(FileMutation.values());
            String file = "nota-" + i + ".md";
            String url = "https://fuzz.example/r" + round + "/md/" + i;
            expected.add(new Expected(name, url, folder.resolve(file).toString(), mutation.fate, mutation.name()));
            Files.writeString(folder.resolve(file), markdown(url, mutation));
        }
        return folder;
    }

    private String markdown(String url, FileMutation mutation) {
        String title = switch (mutation) {
            case NUL -> "\"Nota con\\0 NUL\"";
            case BIDI -> "\"Nota \\u202Ebidi\\u202C\"";
            case HUGE_TITLE -> "\"" + "Larguísimo ".repeat(10_000) + "\"";
            default -> "\"Nota de la redacción\"";
        };
        String published = mutation == FileMutation.BAD_DATE ? "ayer" : "2025-12-16T06:30:00-03:00";
        String body = switch (mutation) {
            case DEEP_QUOTES -> "> ".repeat(depth()) + "cita";
            case DEEP_LISTS -> "- ".repeat(depth()) + "lista";
            // a run of n "*" on each side nests n/2 strong emphases
            case DEEP_EMPHASIS -> DeepNestingTest.nested("*", "*", 250 + random.nextInt(200));
            case DEEP_HTML -> DeepNestingTest.nested("<span>", "</span>", 150 + random.nextInt(150));
            case NUL -> "Cuerpo\u0000 con NUL.";
            case BIDI -> "Cuerpo \u2067con\u2069 bidi.";
            case HUGE_PARAGRAPH -> "palabra ".repeat(10_000);
            default -> "El **Senado** votó _hoy_.\n\n> Una cita.\n\n- uno\n- dos";
        };
        String text = "---\ntitle: " + title + "\nurl: " + url + "\npublished: " + published + "\n---\n" + body + "\n";
        return mutation == FileMutation.TRUNCATED ? text.substring(0, text.indexOf("published")) : text;
    }

    private int depth() {
        return 150 + random.nextInt(1_500);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String escape(String html) {
        return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
