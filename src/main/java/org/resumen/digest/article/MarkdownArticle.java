package org.resumen.digest.article;

import java.net.URI;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.resumen.digest.Text;

/** One Markdown article file: YAML front matter between "---" lines, then the Markdown body. */
final class MarkdownArticle {
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    private final FrontMatter frontMatter;
    private final String bodyHtml;

    private MarkdownArticle(FrontMatter frontMatter, String bodyHtml) {
        this.frontMatter = frontMatter;
        this.bodyHtml = bodyHtml;
    }

    /** Splits and validates the file's text. */
    static MarkdownArticle parse(String text) throws InvalidArticle {
        // Controls go before YAML and commonmark see them (commonmark would show a NUL as U+FFFD).
        List<String> lines = Text.multiline(text.replace("\uFEFF", "")).lines().toList();
        if (lines.isEmpty() || !isFence(lines.get(0))) {
            throw new InvalidArticle("no front matter; expected the file to start with a line \"---\", "
                    + "then the fields (title, url, published, …), then another \"---\" line");
        }
        int close = 1;
        while (close < lines.size() && !isFence(lines.get(close))) {
            close++;
        }
        if (close == lines.size()) {
            throw new InvalidArticle("front matter not closed; expected a line \"---\" after the fields");
        }
        FrontMatter frontMatter = FrontMatter.parse(String.join("\n", lines.subList(1, close)), 2);
        String markdown = String.join("\n", lines.subList(close + 1, lines.size()));
        MarkdownLimits.check(markdown, close + 2);
        Node body = MARKDOWN.parse(markdown);
        if (MarkdownLimits.tooDeep(body)) {
            throw MarkdownLimits.tooDeepProblem(0);
        }
        return new MarkdownArticle(frontMatter, HTML.render(body));
    }

    /** The name shown for the article: front-matter {@code source} when set, else the configured one. */
    String sourceName(String configured) {
        return frontMatter.source() == null ? configured : frontMatter.source();
    }

    /** The front matter's {@code image}, relative ones read against the article's {@code url}. */
    LeadImage.Choice image() {
        if (frontMatter.image() == null) {
            return new LeadImage.Choice(null, null);
        }
        return LeadImage.choose(List.of(new LeadImage.Candidate(frontMatter.image(), frontMatter.imageAlt())),
                URI.create(frontMatter.url().replace(" ", "%20")));
    }

    Draft draft(LeadImage.Choice image) {
        return new Draft(null, frontMatter.url(), null, frontMatter.title(), null, bodyHtml, frontMatter.summary(),
                frontMatter.author(), frontMatter.section(), frontMatter.tags(), frontMatter.published(), image.image());
    }

    private static boolean isFence(String line) {
        return line.strip().equals("---");
    }
}
