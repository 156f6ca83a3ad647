package org.resumen.digest.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads the configuration: built-in defaults ({@link Key}), then the YAML file, then {@code DIGEST_*}
 * environment variables. Every problem names the key and where the value came from; a bad value
 * falls back to its default so that {@code digest check} can go on and report the rest.
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE = "digest.yml";
    // yes/no/on/off stay the words the user typed (YAML 1.1 would make them booleans), so that a
    // message can quote them: "smtp.tls must be none, starttls or ssl, got "yes"".
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());

    private ConfigLoader() {
    }

    /** The configuration with every problem found, for {@code digest check}. */
    public record Loaded(Config config, List<String> problems) {
        public Config orThrow() {
            if (!problems.isEmpty()) {
                throw new ConfigException(String.join("\n", problems));
            }
            return config;
        }
    }

    /**
     * Loads {@code file} when given (it must exist), else {@code digest.yml} in the working directory
     * when present, else nothing but defaults; then applies {@code environment}.
     */
    public static Loaded load(Path file, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        Map<Key, RawValue> raw = new LinkedHashMap<>();
        Path chosen = file != null ? file : (Files.isRegularFile(Path.of(DEFAULT_FILE)) ? Path.of(DEFAULT_FILE) : null);
        String origin = chosen == null ? "built-in defaults" : chosen.toString();
        if (chosen != null) {
            readFile(chosen, raw, problems);
        }
        readEnvironment(environment, raw, problems);
        Config config = new ConfigBinder(raw, problems, origin).bind();
        return new Loaded(config, List.copyOf(problems));
    }

    /** A value before parsing, with where it came from ("digest.yml" or "DIGEST_SMTP_PORT"). */
    record RawValue(JsonNode node, String origin) {
        String text() {
            return node == null || node.isNull() ? "" : node.asText();
        }
    }

    private static void readFile(Path file, Map<Key, RawValue> raw, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add("config " + file + ": file not found; expected a YAML file (see README, Configuration)");
            return;
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            problems.add("config " + file + " line " + e.getLocation().getLineNr() + ": not valid YAML: " + yamlProblem(e));
            return;
        } catch (IOException e) {
            problems.add("config " + file + ": cannot read: " + e.getMessage());
            return;
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return;
        }
        if (!root.isObject()) {
            problems.add("config " + file + ": expected a map of keys at the top level (newsletter:, sources:, smtp:, …)");
            return;
        }
        flatten("", root, file.toString(), raw, problems);
    }

    // SnakeYAML's own message quotes the offending line, which may hold a secret or a password:
    // only its description of the problem is repeated.
    private static String yamlProblem(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
                String context = marked.getContext() == null ? "" : marked.getContext() + ", ";
                int column = marked.getProblemMark() == null ? 0 : marked.getProblemMark().getColumn() + 1;
                return context + marked.getProblem() + (column > 0 ? " (column " + column + ")" : "");
            }
        }
        String message = e.getOriginalMessage();
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }

    private static void flatten(String prefix, JsonNode node, String origin, Map<Key, RawValue> raw, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            var key = Key.byPath(path);
            if (key.isPresent()) {
                raw.put(key.get(), new RawValue(field.getValue(), origin));
            } else if (field.getValue().isObject() && isSection(path)) {
                flatten(path + ".", field.getValue(), origin, raw, problems);
            } else {
                problems.add("config " + origin + ": unknown key " + path + "; expected one of " + keysUnder(prefix));
            }
        }
    }

    private static boolean isSection(String path) {
        for (Key key : Key.values()) {
            if (key.path().startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String keysUnder(String prefix) {
        TreeSet<String> names = new TreeSet<>();
        for (Key key : Key.values()) {
            if (key.path().startsWith(prefix)) {
                String rest = key.path().substring(prefix.length());
                names.add(prefix + (rest.contains(".") ? rest.substring(0, rest.indexOf('.')) + ".*" : rest));
            }
        }
        return String.join(", ", names);
    }

    private static void readEnvironment(Map<String, String> environment, Map<Key, RawValue> raw, List<String> problems) {
        new java.util.TreeMap<>(environment).forEach((name, value) -> {
            if (!name.startsWith("DIGEST_") || Key.COMMAND_VARIABLES.contains(name)) {
                return;
            }
            var key = Key.byEnvironmentName(name);
            if (key.isEmpty()) {
                problems.add("environment variable " + name + " is not a configuration key; expected one of DIGEST_NEWSLETTER_NAME, DIGEST_SMTP_HOST, … (see README, Configuration)");
                return;
            }
            raw.put(key.get(), new RawValue(environmentNode(key.get(), value, name, problems), name));
        });
    }

    private static JsonNode environmentNode(Key key, String value, String name, List<String> problems) {
        if (key == Key.NEWSLETTER_ALERTS) {
            return YAML.getNodeFactory().textNode(value);
        }
        if (key != Key.SOURCES) {
            return YAML.getNodeFactory().textNode(value);
        }
        try {
            return YAML.readTree(value);
        } catch (JsonProcessingException e) {
            problems.add("config " + name + ": sources must be a YAML list like [{name: X, feed: URL}]; " + e.getOriginalMessage());
            return null;
        }
    }
}
