package org.resumen.digest.render;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.story.StoryClusterer;
import org.resumen.digest.subscriber.Subscriber;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders each subscriber's digest (subject, HTML, plain text) from the user-editable templates
 * folder with one shared, thread-safe Thymeleaf engine; {@link #validate()} proves the templates
 * work before any mail goes out.
 */
public final class DigestRenderer {
    static final String SUBJECT = "subject.txt";
    static final String HTML = "digest.html";
    static final String TEXT = "digest.txt";
    private static final List<String> TEMPLATES = List.of(SUBJECT, HTML, TEXT);

    private final Path folder;
    private final NewsletterConfig newsletter;
    private final FolderMessageResolver messages;
    private final TemplateEngine engine;
    private final StoryClusterer clusterer = new StoryClusterer();

    public DigestRenderer(Path templatesFolder, NewsletterConfig newsletter) {
        this.folder = Objects.requireNonNull(templatesFolder, "templatesFolder");
        this.newsletter = Objects.requireNonNull(newsletter, "newsletter");
        this.messages = new FolderMessageResolver(templatesFolder);
        this.engine = engine(templatesFolder, messages);
    }

    /**
     * Compiles the three templates and renders them with sample digests in Spanish and English;
     * throws {@link TemplateException} naming the file and line of the first problem.
     */
    public void validate() {
        for (String template : TEMPLATES) {
            requireFile(template);
        }
        messages.requireDefaultFile();
        for (DigestRequest sample : SampleDigests.all(newsletter)) {
            requireEssentials(sample, render(sample));
        }
    }

    /** Renders one subscriber's digest; a template that fails throws {@link TemplateException}. */
    public RenderedDigest render(DigestRequest request) {
        return finish(renderRaw(request));
    }

    /** The three templates' output as Thymeleaf wrote it, before {@link #finish} tidies it. */
    RenderedDigest renderRaw(DigestRequest request) {
        Objects.requireNonNull(request, "request");
        Context context = DigestModel.context(withUsableLocale(request), newsletter, clusterer);
        return new RenderedDigest(process(SUBJECT, context), process(HTML, context), process(TEXT, context));
    }

    /** One header-safe subject line and a tidy plain text. */
    static RenderedDigest finish(RenderedDigest raw) {
        return new RenderedDigest(SubjectLine.clean(raw.subject()), raw.html(), PlainText.tidy(raw.text()));
    }

    ZoneId zoneOf(Subscriber subscriber) {
        return DigestModel.zoneOf(subscriber, newsletter);
    }

    private String process(String template, Context context) {
        try {
            return engine.process(template, context);
        } catch (RuntimeException e) {
            throw TemplateErrors.translate(folder, template, e);
        }
    }

    // Thymeleaf cannot resolve messages for a locale without a language; fall back to the newsletter's.
    DigestRequest withUsableLocale(DigestRequest request) {
        if (request.locale() != null && !request.locale().getLanguage().isEmpty()) {
            return request;
        }
        return new DigestRequest(request.edition(), request.articles(), request.subscriber(), newsletter.locale(),
                request.links());
    }

    private void requireFile(String template) {
        if (!Files.isRegularFile(folder.resolve(template))) {
            throw new TemplateException(folder.resolve(template) + " not found; expected the " + purpose(template)
                    + " in the templates folder " + folder, null);
        }
    }

    // Bulk-sender rules (Gmail, Yahoo) want a visible unsubscribe link in every message, and the
    // web version is how readers with a broken mail client get the digest at all.
    private void requireEssentials(DigestRequest sample, RenderedDigest digest) {
        if (digest.subject().isEmpty()) {
            throw new TemplateException(folder.resolve(SUBJECT) + ": renders an empty subject; expected the"
                    + " newsletter name, the date and the top headline", null);
        }
        requireLink(HTML, digest.html(), sample.links().unsubscribe(), "links.unsubscribe");
        requireLink(HTML, digest.html(), sample.links().webVersion(), "links.webVersion");
        requireLink(TEXT, digest.text(), sample.links().unsubscribe(), "links.unsubscribe");
        requireLink(TEXT, digest.text(), sample.links().webVersion(), "links.webVersion");
    }

    private void requireLink(String template, String rendered, String url, String variable) {
        if (!rendered.contains(url)) {
            throw new TemplateException(folder.resolve(template) + ": the rendered digest does not show ${" + variable
                    + "}; every digest must carry the unsubscribe and web-version links", null);
        }
    }

    private static String purpose(String template) {
        return switch (template) {
            case SUBJECT -> "subject line template (TEXT mode)";
            case HTML -> "HTML digest template";
            default -> "plain-text digest template (TEXT mode)";
        };
    }

    private static TemplateEngine engine(Path folder, FolderMessageResolver messages) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(folder.toAbsolutePath() + File.separator);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(messages);
        return engine;
    }
}
