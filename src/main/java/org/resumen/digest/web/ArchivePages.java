package org.resumen.digest.web;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.resumen.digest.DigestException;
import org.resumen.digest.article.Article;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.edition.Edition;

/**
 * {@code /archive}, {@code /archive/{date}} and {@code /archive.atom}: the sent editions with every
 * topic and no personal link, for anyone; the page language follows {@code Accept-Language}.
 */
final class ArchivePages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int FEED_ENTRIES = 30;

    /** One edition in the list. */
    record EditionLine(String url, String date, String topHeadline, int articles) {
    }

    /** A section of an archived edition; {@code name} null for articles without one. */
    record SectionView(String name, List<ArticleView> articles) {
    }

    record ArticleView(String title, String url, String source, String time, String summary) {
    }

    private final Archive archive;
    private final PageLocale locales;
    private final Pages pages;
    private final NewsletterConfig newsletter;

    ArchivePages(Archive archive, PageLocale locales, Pages pages, NewsletterConfig newsletter) {
        this.archive = archive;
        this.locales = locales;
        this.pages = pages;
        this.newsletter = newsletter;
    }

    void index(Context ctx) {
        Locale locale = locales.of(ctx.header("Accept-Language"));
        List<EditionLine> lines = archive.sent().stream().map(e -> new EditionLine("/archive/" + e.date(),
                longDate(e.date(), locale), e.isEmpty() ? "" : e.articles().get(0).title(), e.articles().size())).toList();
        pages.show(ctx, 200, "archive", locale, Map.of("editions", lines));
    }

    void edition(Context ctx) {
        LocalDate date = date(ctx.pathParam("date"));
        Edition edition = archive.sent(date).orElseThrow(() -> new NoSuchPage("no sent edition of " + date));
        Locale locale = locales.of(ctx.header("Accept-Language"));
        pages.show(ctx, 200, "archive-edition", locale, Map.of("date", longDate(date, locale),
                "sections", sections(edition, newsletter.timezone())));
    }

    void atom(Context ctx) {
        Feed feed = new Feed("atom_1.0");
        String base = newsletter.baseUrl();
        List<Edition> sent = archive.sent();
        feed.setId(base + "/archive.atom");
        feed.setTitle(newsletter.name());
        feed.setLanguage(newsletter.locale().toLanguageTag());
        feed.setAlternateLinks(List.of(link(base + "/archive", "alternate")));
        feed.setOtherLinks(List.of(link(base + "/archive.atom", "self")));
        feed.setUpdated(sent.isEmpty() ? new Date(0) : Date.from(sent.get(0).cutoff()));
        List<Entry> entries = new ArrayList<>();
        for (Edition edition : sent.subList(0, Math.min(FEED_ENTRIES, sent.size()))) {
            entries.add(entry(edition, base));
        }
        feed.setEntries(entries);
        try {
            ctx.contentType("application/atom+xml; charset=utf-8").result(new WireFeedOutput().outputString(feed));
        } catch (FeedException e) {
            throw new DigestException("web: cannot write the archive feed: " + e.getMessage(), e);
        }
    }

    private Entry entry(Edition edition, String base) {
        Entry entry = new Entry();
        String url = base + "/archive/" + edition.date();
        entry.setId(url);
        entry.setTitle(newsletter.name() + " — " + longDate(edition.date(), newsletter.locale()));
        entry.setAlternateLinks(List.of(link(url, "alternate")));
        entry.setUpdated(Date.from(edition.cutoff()));
        entry.setPublished(Date.from(edition.cutoff()));
        Content summary = new Content();
        summary.setType("text");
        summary.setValue(edition.articles().stream().map(Article::title).collect(Collectors.joining(" · ")));
        entry.setSummary(summary);
        return entry;
    }

    private static Link link(String href, String rel) {
        Link link = new Link();
        link.setHref(href);
        link.setRel(rel);
        return link;
    }

    private static List<SectionView> sections(Edition edition, ZoneId zone) {
        Map<String, List<ArticleView>> bySection = new LinkedHashMap<>();
        for (Article a : edition.articles()) {
            bySection.computeIfAbsent(a.section() == null || a.section().isBlank() ? "" : a.section(), s -> new ArrayList<>())
                    .add(new ArticleView(a.title(), a.url(), a.sourceName(), TIME.format(a.published().atZone(zone)), a.summary()));
        }
        return bySection.entrySet().stream()
                .map(s -> new SectionView(s.getKey().isEmpty() ? null : s.getKey(), s.getValue())).toList();
    }

    private static String longDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new NoSuchPage("not a date: " + text);
        }
    }
}
