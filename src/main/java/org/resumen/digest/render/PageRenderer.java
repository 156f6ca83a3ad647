package org.resumen.digest.render;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the web pages ({@code templates/web/*.html}) with one shared Thymeleaf engine and the
 * digest's own messages files, so a text is translated once for mail and web; errors name the
 * page's file and line as the digest's do.
 */
public final class PageRenderer {
    /** Where the pages live inside the templates folder. */
    public static final String FOLDER = "web";

    private final Path templates;
    private final TemplateEngine engine;
    private final TemplateEngine mailEngine;

    public PageRenderer(Path templatesFolder) {
        this.templates = Objects.requireNonNull(templatesFolder, "templatesFolder");
        FolderMessageResolver messages = new FolderMessageResolver(templatesFolder);
        this.engine = engine(templatesFolder.resolve(FOLDER), messages);
        this.mailEngine = engine(templatesFolder, messages);
    }

    /** A message the web side sends that is not a digest: its HTML and plain-text parts. */
    public record Mail(String html, String text) {
    }

    /**
     * Renders {@code templates/{name}.html} and {@code templates/{name}.txt} ("confirm" for the
     * sign-up confirmation) in {@code locale}; a template that fails names its file and line.
     */
    public Mail renderMail(String name, Locale locale, Map<String, ?> variables) {
        Context context = new Context(Objects.requireNonNull(locale, "locale"));
        variables.forEach(context::setVariable);
        return new Mail(process(mailEngine, templates, name + ".html", context), process(mailEngine, templates, name + ".txt", context));
    }

    private static String process(TemplateEngine engine, Path folder, String file, Context context) {
        if (!Files.isRegularFile(folder.resolve(file))) {
            throw new TemplateException(folder.resolve(file) + " not found; expected it in " + folder, null);
        }
        try {
            return engine.process(file, context);
        } catch (RuntimeException e) {
            throw TemplateErrors.translate(folder, file, e);
        }
    }

    /** The folder the pages are read from ({@code templates/web}). */
    public Path folder() {
        return templates.resolve(FOLDER);
    }

    /**
     * Renders {@code page} ("unsubscribe" for {@code templates/web/unsubscribe.html}) in {@code locale}
     * with the variables given; a page that fails throws {@link TemplateException} naming file and line.
     */
    public String render(String page, Locale locale, Map<String, ?> variables) {
        Locale usable = Objects.requireNonNull(locale, "locale");
        Context context = new Context(usable);
        variables.forEach(context::setVariable);
        String file = page + ".html";
        if (!Files.isRegularFile(folder().resolve(file))) {
            throw new TemplateException(folder().resolve(file) + " not found; expected the " + page
                    + " page in " + folder(), null);
        }
        try {
            return engine.process(file, context);
        } catch (RuntimeException e) {
            throw TemplateErrors.translate(folder(), file, e);
        }
    }

    private static TemplateEngine engine(Path folder, FolderMessageResolver messages) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(folder.toAbsolutePath() + File.separator);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.getTextTemplateModePatternSpec().addPattern("*.txt");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(messages);
        return engine;
    }
}
