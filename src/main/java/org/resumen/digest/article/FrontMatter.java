package org.resumen.digest.article;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The YAML fields at the top of a Markdown article, validated: title, url and published are required. */
record FrontMatter(String title, String url, Instant published, String source, String section, List<String> tags,
        String author, String summary, String image, String imageAlt) {
    static final Set<String> FIELDS = Set.of("title", "url", "published", "source", "section", "tags", "author", "summary",
            "image", "image-alt");
    private static final String FIELD_LIST = "title, url, published, source, section, tags, author, summary, image, image-alt";
    private static final ObjectMapper YAML = new YAMLMapper();

    /**
     * Reads the fields.
     *
     * @param firstLine the file line the YAML starts on, so errors point into the file
     */
    static FrontMatter parse(String yaml, int firstLine) throws InvalidArticle {
        Map<String, Object> fields = read(yaml, firstLine);
        for (String key : fields.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new InvalidArticle("unknown front matter field \"" + key + "\"; expected one of " + FIELD_LIST);
            }
        }
        return new FrontMatter(required(fields, "title", "the article's headline, like title: \"El Senado aprobó…\""),
                url(required(fields, "url", "the article's address, like url: https://elresumen.example/notas/senado")),
                published(fields), text(fields, "source"), text(fields, "section"), tags(fields.get("tags")),
                text(fields, "author"), text(fields, "summary"), text(fields, "image"), text(fields, "image-alt"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String yaml, int firstLine) throws InvalidArticle {
        Object parsed;
        try {
            parsed = yaml.isBlank() ? Map.of() : YAML.readValue(yaml, Object.class);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : firstLine + e.getLocation().getLineNr() - 1;
            // SnakeYAML adds indented lines with positions inside the YAML alone; the file line says it better.
            String detail = e.getOriginalMessage().lines()
                    .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                    .collect(Collectors.joining("; "));
            throw new InvalidArticle(line, "front matter is not valid YAML: " + detail, e);
        }
        if (!(parsed instanceof Map)) {
            throw new InvalidArticle(firstLine, "front matter must be \"field: value\" lines (" + FIELD_LIST + ")", null);
        }
        return (Map<String, Object>) parsed;
    }

    private static String required(Map<String, Object> fields, String field, String expected) throws InvalidArticle {
        String value = text(fields, field);
        if (value == null) {
            throw new InvalidArticle("front matter \"" + field + "\" is missing; expected " + expected);
        }
        return value;
    }

    private static String text(Map<String, Object> fields, String field) throws InvalidArticle {
        Object value = fields.get(field);
        if (value instanceof Map || value instanceof List) {
            throw new InvalidArticle("front matter \"" + field + "\" must be text; got " + value);
        }
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String url(String url) throws InvalidArticle {
        try {
            URI uri = URI.create(url.replace(" ", "%20"));
            if (uri.getHost() != null && (url.startsWith("https://") || url.startsWith("http://"))) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the value
        }
        throw new InvalidArticle("front matter \"url\" must be an absolute http(s) URL, like "
                + "https://elresumen.example/notas/senado; got \"" + url + "\"");
    }

    private static Instant published(Map<String, Object> fields) throws InvalidArticle {
        String expected = "ISO-8601 with offset, like 2025-12-16T06:30:00-03:00";
        String value = required(fields, "published", expected);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArticle("front matter \"published\" must be " + expected + "; got \"" + value + "\"");
        }
    }

    private static List<String> tags(Object value) throws InvalidArticle {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().noneMatch(t -> t instanceof Map || t instanceof List)) {
            return list.stream().filter(t -> t != null).map(Object::toString).toList();
        }
        if (!(value instanceof Map)) {
            return Arrays.stream(value.toString().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        }
        throw new InvalidArticle("front matter \"tags\" must be a list like [senado, presupuesto] "
                + "or a comma-separated text like \"senado, presupuesto\"; got " + value);
    }
}
