package org.resumen.digest.article;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.resumen.digest.Text;

/**
 * Which of the pictures a source offers for an article is kept: the first one at an absolute
 * {@code https} address. {@code data:} URLs (blocked or stripped by mail clients, and a way to smuggle
 * megabytes into a digest) and plain {@code http:} ones (mixed content, and readable on the way) are
 * refused, and the refusal is reported so an editor can fix the source; the article is kept without it.
 */
final class LeadImage {
    private static final int MAX_URL = 2000;
    private static final int SHOWN = 80;

    /** A picture as the source names it: a URL (maybe relative) and its caption, which may be null or HTML. */
    record Candidate(String url, String caption) {
    }

    /** The picture kept ({@code url} and raw caption, null when none) and why the others were not. */
    record Choice(Candidate image, String refusal) {
    }

    private LeadImage() {
    }

    /**
     * The first usable candidate, its URL made absolute against {@code base} (may be null). The refusal
     * is reported only when no candidate is usable.
     */
    static Choice choose(List<Candidate> candidates, URI base) {
        String firstRefusal = null;
        for (Candidate candidate : candidates) {
            if (candidate.url() == null || candidate.url().isBlank()) {
                continue;
            }
            String url = candidate.url().strip();
            String problem = problem(url, base);
            if (problem == null) {
                return new Choice(new Candidate(absolute(url, base), candidate.caption()), null);
            }
            if (firstRefusal == null) {
                firstRefusal = "image \"" + shown(url) + "\" not used: " + problem + "; the article is kept without it";
            }
        }
        return new Choice(null, firstRefusal);
    }

    private static String problem(String url, URI base) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            return "a data: URL is never put in a digest; expected an https:// address";
        }
        String absolute;
        try {
            absolute = absolute(url, base);
        } catch (IllegalArgumentException e) {
            return "not a valid URL; expected an https:// address";
        }
        if (!absolute.toLowerCase(Locale.ROOT).startsWith("https://") || URI.create(absolute).getHost() == null) {
            return "only https images are shown; expected an https:// address";
        }
        return absolute.length() > MAX_URL ? "URL longer than " + MAX_URL + " characters" : null;
    }

    private static String absolute(String url, URI base) {
        URI uri = URI.create(url.replace(" ", "%20"));
        return (uri.isAbsolute() || base == null ? uri : base.resolve(uri)).toString();
    }

    private static String shown(String url) {
        String line = Text.line(url);
        return line.length() <= SHOWN ? line : line.substring(0, SHOWN - 1) + "…";
    }
}
