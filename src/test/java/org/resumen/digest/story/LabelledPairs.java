package org.resumen.digest.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.resumen.digest.article.Article;

/** The labelled pairs of src/test/resources/story/pairs.yml as articles. */
final class LabelledPairs {
    static final String FILE = "/story/pairs.yml";
    private static final Instant MORNING = Instant.parse("2026-11-10T09:00:00Z");

    record Pair(String id, boolean same, boolean heldOut, Article a, Article b) {
    }

    private LabelledPairs() {
    }

    static List<Pair> load() {
        try (InputStream in = LabelledPairs.class.getResourceAsStream(FILE)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Pair> pairs = new ArrayList<>();
            for (JsonNode node : root.get("pairs")) {
                String id = node.get("id").asText();
                String label = node.get("label").asText();
                if (!label.equals("same") && !label.equals("different")) {
                    throw new IllegalStateException(FILE + " " + id + ": label must be same or different, got " + label);
                }
                pairs.add(new Pair(id, label.equals("same"), node.get("split").asText().equals("held"),
                        article(id + "-a", node.get("a"), 0), article(id + "-b", node.get("b"), 1)));
            }
            return List.copyOf(pairs);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE, e);
        }
    }

    static List<Article> allArticles(List<Pair> pairs) {
        List<Article> articles = new ArrayList<>();
        for (Pair pair : pairs) {
            articles.add(pair.a());
            articles.add(pair.b());
        }
        return articles;
    }

    private static Article article(String id, JsonNode node, int minutes) {
        String source = node.get("source").asText();
        return new Article(0, "url:" + id, source, "https://example.org/" + id, node.get("title").asText(),
                node.get("summary").asText(), null, null, List.of(), MORNING.plusSeconds(60L * minutes), null, 0);
    }
}
