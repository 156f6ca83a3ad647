package org.resumen.digest.render;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Resolves {@code #{key}} from {@code messages_<lang>_<COUNTRY>.properties}, then
 * {@code messages_<lang>.properties}, then {@code messages.properties} in the templates folder, read
 * as UTF-8 (never in the platform charset, as class-path bundles would be). A message is formatted
 * with {@link MessageFormat} only when the template passes it arguments, so only those messages
 * need {@code ''} for an apostrophe. A key found in none of the files is an error, not "??key??".
 */
final class FolderMessageResolver implements IMessageResolver {
    static final String DEFAULT_FILE = "messages.properties";

    private final Path folder;
    private final ConcurrentMap<String, Optional<Properties>> files = new ConcurrentHashMap<>();

    FolderMessageResolver(Path folder) {
        this.folder = folder;
    }

    @Override
    public String getName() {
        return "templates folder messages";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
        Locale locale = context.getLocale();
        String message = find(locale, key);
        if (message == null) {
            throw new TemplateException("no message \"" + key + "\" in " + String.join(", ", displayNames(locale))
                    + "; expected a line " + key + "=… in " + display(DEFAULT_FILE), null);
        }
        return arguments == null || arguments.length == 0 ? message : format(message, locale, key, arguments);
    }

    @Override
    public String createAbsentMessageRepresentation(
            ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
        return "??" + key + "??";
    }

    /** Loads the default messages file now, so a missing or unreadable one fails validation. */
    void requireDefaultFile() {
        load(DEFAULT_FILE);
    }

    String find(Locale locale, String key) {
        for (String fileName : fileNames(locale)) {
            Optional<Properties> messages = load(fileName);
            if (messages.isPresent() && messages.get().containsKey(key)) {
                return messages.get().getProperty(key);
            }
        }
        return null;
    }

    private String format(String message, Locale locale, String key, Object[] arguments) {
        try {
            return new MessageFormat(message, locale).format(arguments);
        } catch (IllegalArgumentException e) {
            throw new TemplateException("message \"" + key + "\" is not a valid MessageFormat pattern ("
                    + e.getMessage() + "); write '' for an apostrophe and {0} for the argument", e);
        }
    }

    private Optional<Properties> load(String fileName) {
        return files.computeIfAbsent(fileName, this::read);
    }

    private Optional<Properties> read(String fileName) {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(folder.resolve(fileName), StandardCharsets.UTF_8)) {
            messages.load(reader);
            return Optional.of(messages);
        } catch (NoSuchFileException e) {
            if (fileName.equals(DEFAULT_FILE)) {
                throw new TemplateException(display(fileName) + " not found; expected the default messages"
                        + " (UTF-8 key=value lines) next to the templates", e);
            }
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new TemplateException(display(fileName) + " is not valid UTF-8; save it as UTF-8", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new TemplateException(display(fileName) + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<String> fileNames(Locale locale) {
        List<String> names = new ArrayList<>();
        if (!locale.getCountry().isEmpty()) {
            names.add("messages_" + locale.getLanguage() + "_" + locale.getCountry() + ".properties");
        }
        if (!locale.getLanguage().isEmpty()) {
            names.add("messages_" + locale.getLanguage() + ".properties");
        }
        names.add(DEFAULT_FILE);
        return names;
    }

    private List<String> displayNames(Locale locale) {
        return fileNames(locale).stream().map(this::display).toList();
    }

    private String display(String fileName) {
        return folder.resolve(fileName).toString();
    }
}
