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
import org.resumen.digest.article.ArticleImage;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.story.Story;
import org.resumen.digest.story.StoryClusterer;
import org.resumen.digest.story.StoryRanking;
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
            + " articles; each article: title, url, source, time, author, summary, readingMinutes, image (url, alt;"
            + " on the lead story of a section only), alsoIn (each: source, url))";
    private static final int PREHEADER_HEADLINES = 3;

    /** Another source that tells the same story ("También en"); {@code url} is null when not a web link. */
    record AlsoInView(String source, String url) {
        public String getSource() {
            return source;
        }

        public String getUrl() {
            return url;
        }
    }

    /** The picture of a section's lead story: an https URL and its alt text. */
    record ImageView(String url, String alt) {
        public String getUrl() {
            return url;
        }

        public String getAlt() {
            return alt;
        }
    }

    /**
     * One story as displayed: its lead article's text fields as plain text, the time already in the
     * reader's zone, the other sources that tell it (empty when only one does), and its picture
     * (null except on the first story of a section with {@code newsletter.images}).
     */
    record ArticleView(String title, String url, String source, String time, String author, String summary,
            int readingMinutes, List<AlsoInView> alsoIn, ImageView image) {
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

        public List<AlsoInView> getAlsoIn() {
            return alsoIn;
        }

        public ImageView getImage() {
            return image;
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

    static Context context(DigestRequest request, NewsletterConfig newsletter, StoryClusterer clusterer) {
        Locale locale = request.locale();
        List<Story> stories = stories(request.articles(), newsletter, clusterer);
        Context context = new Context(locale);
        context.setVariable("lang", locale.toLanguageTag());
        context.setVariable("newsletterName", newsletter.name());
        context.setVariable("editionDate", LocalFormats.fullDate(request.edition().date(), locale));
        context.setVariable("subjectDate", LocalFormats.shortDate(request.edition().date(), locale));
        context.setVariable("preheader", preheader(stories));
        context.setVariable("subscriberName", subscriberName(request.subscriber()));
        context.setVariable("articleCount", stories.size());
        context.setVariable("topHeadline", topHeadline(stories, newsletter));
        context.setVariable("links", request.links());
        context.setVariable("sections", sections(stories, zoneOf(request.subscriber(), newsletter), newsletter.images()));
        return context;
    }

    /**
     * With {@code newsletter.cluster}, the articles about one event are one story, ranked within
     * their section by how many sources tell them, then newer; without it, one story per article
     * in edition order.
     */
    static List<Story> stories(List<Article> articles, NewsletterConfig newsletter, StoryClusterer clusterer) {
        if (!newsletter.cluster()) {
            return articles.stream().map(Story::of).toList();
        }
        return StoryRanking.withinSections(clusterer.cluster(articles));
    }

    // The subject leads with the story most sources tell among this subscriber's own selection.
    private static String topHeadline(List<Story> stories, NewsletterConfig newsletter) {
        if (stories.isEmpty()) {
            return null;
        }
        return (newsletter.cluster() ? StoryRanking.mostCovered(stories) : stories.get(0)).lead().title();
    }

    /**
     * Groups the articles by section in the order they come; the articles without a section go
     * last, in a section with a null name.
     */
    static List<SectionView> sections(List<Story> stories, ZoneId zone, boolean images) {
        Map<String, List<ArticleView>> bySection = new LinkedHashMap<>();
        List<ArticleView> others = new ArrayList<>();
        for (Story story : stories) {
            String section = blankToNull(story.lead().section());
            List<ArticleView> group = section == null ? others
                    : bySection.computeIfAbsent(section, s -> new ArrayList<>());
            group.add(view(story, zone, images && group.isEmpty()));
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

    private static ArticleView view(Story story, ZoneId zone, boolean withImage) {
        Article article = story.lead();
        Instant when = article.published() != null ? article.published() : article.firstSeen();
        List<AlsoInView> alsoIn = story.alsoIn().stream()
                .map(other -> new AlsoInView(other.sourceName(), webUrl(other.url()))).toList();
        return new ArticleView(article.title(), webUrl(article.url()), article.sourceName(),
                when == null ? null : LocalFormats.time(when, zone), blankToNull(article.author()),
                blankToNull(article.summary()), article.readingMinutes(), alsoIn,
                withImage ? image(article.image()) : null);
    }

    // Stored images are https already (LeadImage); checked again so no other kind reaches an <img>.
    private static ImageView image(ArticleImage image) {
        if (image == null || !image.url().toLowerCase(Locale.ROOT).startsWith("https://")) {
            return null;
        }
        return new ImageView(image.url(), image.alt());
    }

    private static String preheader(List<Story> stories) {
        if (stories.isEmpty()) {
            return null;
        }
        return stories.stream().limit(PREHEADER_HEADLINES).map(story -> story.lead().title())
                .collect(Collectors.joining(" · "));
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
