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

    public PageRenderer(Path templatesFolder) {
        this.templates = Objects.requireNonNull(templatesFolder, "templatesFolder");
        this.engine = engine(templatesFolder.resolve(FOLDER), new FolderMessageResolver(templatesFolder));
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
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(messages);
        return engine;
    }
}
