package org.resumen.digest.article;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.resumen.digest.Text;

/** An RSS (0.9x, 1.0, 2.0) or Atom feed read through ROME, from http(s): or from a file. */
final class FeedSource implements ArticleSource {
    private final String name;
    private final String location;
    private final FeedLoader loader;
    private final Clock clock;

    FeedSource(String name, String location, FeedLoader loader, Clock clock) {
        this.name = name;
        this.location = location;
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public FetchResult fetch() {
        return fetch(Validators.NONE);
    }

    @Override
    public FetchResult fetch(Validators previous) {
        FeedDocument document;
        try {
            document = loader.load(previous);
        } catch (FetchFailure e) {
            throw new SourceException(name, location, e.getMessage(), e);
        }
        if (document.unchanged()) {
            return FetchResult.unchanged(document.validators());
        }
        XmlNesting.Pruned xml = pruned(FeedText.decode(document, name, location));
        FetchResult read = articlesOf(parse(xml.xml()), document.uri(), xml);
        return new FetchResult(read.articles(), read.problems(), document.validators());
    }

    private XmlNesting.Pruned pruned(String text) {
        try {
            return XmlNesting.prune(text);
        } catch (XmlNesting.TooDeep e) {
            throw new SourceException(name, location, "refused at line " + e.line + ": " + e.getMessage()
                    + " outside any item; expected at most " + XmlNesting.LIMIT, e);
        }
    }

    private SyndFeed parse(String xml) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        try {
            return input.build(new StringReader(xml));
        } catch (ParsingFeedException e) {
            throw new SourceException(name, location, parsingReason(e), e);
        } catch (FeedException e) {
            throw new SourceException(name, location, "cannot read the feed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SourceException(name, location,
                    "not an RSS or Atom feed; expected <rss>, <rdf:RDF> or <feed> as the root element", e);
        } catch (StackOverflowError e) {
            // Last resort: XmlNesting keeps deep items from the parser, so this means a case it missed.
            throw new SourceException(name, location, "nested too deeply to read; expected at most "
                    + XmlNesting.LIMIT + " levels of elements", e);
        }
    }

    private static String parsingReason(ParsingFeedException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String detail = Objects.requireNonNullElse(root.getMessage(), e.getMessage());
        if (detail.contains("DOCTYPE is disallowed")) {
            return "refused at line " + e.getLineNumber()
                    + ": the feed declares a DOCTYPE, which is not allowed (it could pull in local files); "
                    + "expected a feed without <!DOCTYPE …>";
        }
        return "malformed XML at line " + e.getLineNumber() + ": " + detail;
    }

    private FetchResult articlesOf(SyndFeed feed, URI base, XmlNesting.Pruned xml) {
        Instant now = clock.instant();
        List<Article> articles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (XmlNesting.Cut cut : xml.cuts()) {
            problems.add(itemProblem(cut.item(), "", cut.reason()));
        }
        int position = 0;
        for (SyndEntry entry : feed.getEntries()) {
            position++;
            try {
                LeadImage.Choice image = LeadImage.choose(FeedImages.of(entry), base);
                articles.add(Normaliser.normalise(draftOf(entry, base, image.image()), name, now));
                if (image.refusal() != null) {
                    problems.add(itemNote(xml.originalPosition(position), describe(entry), image.refusal()));
                }
            } catch (IllegalArgumentException e) {
                problems.add(itemProblem(xml.originalPosition(position), describe(entry), e.getMessage()));
            } catch (StackOverflowError e) {
                problems.add(itemProblem(xml.originalPosition(position), describe(entry), "nested too deeply to read"));
            }
        }
        return new FetchResult(articles, problems);
    }

    private String itemProblem(int position, String description, String reason) {
        return "source \"" + name + "\" (" + location + "): item " + position + description + ": " + reason
                + "; skipped";
    }

    private String itemNote(int position, String description, String note) {
        return "source \"" + name + "\" (" + location + "): item " + position + description + ": " + note;
    }

    private static Draft draftOf(SyndEntry entry, URI base, LeadImage.Candidate image) {
        String link = entry.getLink();
        String guid = Objects.equals(entry.getUri(), link) ? null : entry.getUri();
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        List<String> categories = entry.getCategories().stream().map(SyndCategory::getName).toList();
        return new Draft(guid, link, base, entry.getTitle(), valueOf(entry.getDescription()), body(entry), null,
                entry.getAuthor(), categories.isEmpty() ? null : categories.get(0), categories,
                date == null ? null : date.toInstant(), image);
    }

    private static String body(SyndEntry entry) {
        StringBuilder body = new StringBuilder();
        for (SyndContent content : entry.getContents()) {
            body.append(valueOf(content)).append('\n');
        }
        return body.toString();
    }

    private static String valueOf(SyndContent content) {
        return content == null || content.getValue() == null ? "" : content.getValue();
    }

    private static String describe(SyndEntry entry) {
        if (entry.getUri() != null && !entry.getUri().isBlank()) {
            return " (" + shown(entry.getUri()) + ")";
        }
        return entry.getTitle() == null || entry.getTitle().isBlank() ? "" : " (\"" + shown(entry.getTitle()) + "\")";
    }

    // Item identifiers go into report lines: one line, no controls, not a page long.
    private static String shown(String text) {
        String line = Text.line(text).strip();
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }
}
