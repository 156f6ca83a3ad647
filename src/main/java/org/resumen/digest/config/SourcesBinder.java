package org.resumen.digest.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads the {@code sources} list: each entry a map with a unique name and exactly one of feed or directory. */
final class SourcesBinder {
    private static final Set<String> FIELDS = Set.of("name", "feed", "directory");

    private SourcesBinder() {
    }

    static List<SourceConfig> bind(JsonNode node, String origin, List<String> problems) {
        List<SourceConfig> sources = new ArrayList<>();
        if (!node.isArray()) {
            problems.add("config " + origin + ": sources must be a list of {name: …, feed: URL} or {name: …, directory: folder}");
            return sources;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            SourceConfig source = entry(node.get(i), "sources[" + i + "]", origin, problems);
            if (source != null && !names.add(source.name())) {
                problems.add("config " + origin + ": sources[" + i + "].name \"" + source.name() + "\" is used twice; expected unique names");
            } else if (source != null) {
                sources.add(source);
            }
        }
        return sources;
    }

    private static SourceConfig entry(JsonNode entry, String path, String origin, List<String> problems) {
        if (!entry.isObject()) {
            problems.add("config " + origin + ": " + path + " must be a map like {name: X, feed: URL}");
            return null;
        }
        int before = problems.size();
        Iterator<String> fields = entry.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!FIELDS.contains(field)) {
                problems.add("config " + origin + ": unknown key " + path + "." + field + "; expected name, feed or directory");
            }
        }
        String name = text(entry, "name");
        String feed = text(entry, "feed");
        String directory = text(entry, "directory");
        if (name == null) {
            problems.add("config " + origin + ": " + path + ".name is missing; every source needs a name");
        }
        if ((feed == null) == (directory == null)) {
            problems.add("config " + origin + ": " + path + " must have exactly one of feed or directory");
        }
        return problems.size() == before ? new SourceConfig(name, feed, directory) : null;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }
}
