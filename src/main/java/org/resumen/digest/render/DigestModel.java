package org.resumen.digest.render;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.resumen.digest.article.Article;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.subscriber.Subscriber;
import org.thymeleaf.context.Context;

/**
 * The variables every template sees, computed here so the templates only loop and display. The
 * same model feeds subject.txt, digest.html and digest.txt.
 */
final class DigestModel {
    /** What a template may use; quoted in the error for an expression that cannot be evaluated. */
    static final String VARIABLES = "lang, newsletterName, editionDate, subjectDate, preheader, subscriberName,"
            + " articleCount, topHeadline, links (unsubscribe, webVersion, preferences), sections (each: name,"
            + " articles; each article: title, url, source, time, author, summary, readingMinutes)";
    private static final int PREHEADER_HEADLINES = 3;

    /** One article as displayed: text fields as plain text, the time already in the reader's zone. */
    record ArticleView(String title, String url, String source, String time, String author, String summary,
            int readingMinutes) {
        // Bean getters: OGNL finds them through its cached introspection; a record's own accessors
        // are looked up by scanning every method on each access (measured: ~45% of render time).
        public String getTitle() {
            return title;
        }

        public String getUrl() {
            return url;
        }

        public String getSource() {
            return source;
        }

        public String getTime() {
            return time;
        }

        public String getAuthor() {
            return author;
        }

        public String getSummary() {
            return summary;
        }

        public int getReadingMinutes() {
            return readingMinutes;
        }
    }

    /** A section of the digest; {@code name} is null for the articles without one ("Otras noticias"). */
    record SectionView(String name, List<ArticleView> articles) {
        public String getName() {
            return name;
        }

        public List<ArticleView> getArticles() {
            return articles;
        }
    }

    private DigestModel() {
    }

    static Context context(DigestRequest request, NewsletterConfig newsletter) {
        Locale locale = request.locale();
        Context context = new Context(locale);
        context.setVariable("lang", locale.toLanguageTag());
        context.setVariable("newsletterName", newsletter.name());
        context.setVariable("editionDate", LocalFormats.fullDate(request.edition().date(), locale));
        context.setVariable("subjectDate", LocalFormats.shortDate(request.edition().date(), locale));
        context.setVariable("preheader", preheader(request.articles()));
        context.setVariable("subscriberName", subscriberName(request.subscriber()));
        context.setVariable("articleCount", request.articles().size());
        context.setVariable("topHeadline", request.articles().isEmpty() ? null : request.articles().get(0).title());
        context.setVariable("links", request.links());
        context.setVariable("sections", sections(request.articles(), zoneOf(request.subscriber(), newsletter)));
        return context;
    }

    /**
     * Groups the articles by section in the order they come; the articles without a section go
     * last, in a section with a null name.
     */
    static List<SectionView> sections(List<Article> articles, ZoneId zone) {
        Map<String, List<ArticleView>> bySection = new LinkedHashMap<>();
        List<ArticleView> others = new ArrayList<>();
        for (Article article : articles) {
            String section = blankToNull(article.section());
            List<ArticleView> group = section == null ? others
                    : bySection.computeIfAbsent(section, s -> new ArrayList<>());
            group.add(view(article, zone));
        }
        List<SectionView> sections = new ArrayList<>();
        bySection.forEach((name, group) -> sections.add(new SectionView(name, List.copyOf(group))));
        if (!others.isEmpty()) {
            sections.add(new SectionView(null, List.copyOf(others)));
        }
        return List.copyOf(sections);
    }

    static ZoneId zoneOf(Subscriber subscriber, NewsletterConfig newsletter) {
        return subscriber != null && subscriber.timezone() != null ? subscriber.timezone() : newsletter.timezone();
    }

    private static ArticleView view(Article article, ZoneId zone) {
        Instant when = article.published() != null ? article.published() : article.firstSeen();
        return new ArticleView(article.title(), webUrl(article.url()), article.sourceName(),
                when == null ? null : LocalFormats.time(when, zone), blankToNull(article.author()),
                blankToNull(article.summary()), article.readingMinutes());
    }

    private static String preheader(List<Article> articles) {
        if (articles.isEmpty()) {
            return null;
        }
        return articles.stream().limit(PREHEADER_HEADLINES).map(Article::title).collect(Collectors.joining(" · "));
    }

    static String subscriberName(Subscriber subscriber) {
        return subscriber == null ? null : blankToNull(subscriber.name());
    }

    // Only web links go into href: a javascript: or data: URL from a feed must not become clickable.
    private static String webUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
