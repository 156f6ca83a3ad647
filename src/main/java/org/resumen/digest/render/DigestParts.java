package org.resumen.digest.render;

import java.util.List;

/**
 * One subscriber's digest as segments of lines: each part (HTML, text) is its segments joined by
 * LF, exactly the string of {@link RenderedDigest}. Shared segments let the transfer encoding of
 * what a group has in common be done once per group instead of once per message.
 */
public record DigestParts(String subject, List<Segment> html, List<Segment> text) {
    public DigestParts {
        html = List.copyOf(html);
        text = List.copyOf(text);
    }

    /** A digest rendered on its own: each part one personal segment. */
    public static DigestParts whole(RenderedDigest digest) {
        return new DigestParts(digest.subject(), List.of(new Segment(digest.html(), false)), List.of(new Segment(digest.text(), false)));
    }

    public RenderedDigest joined() {
        return new RenderedDigest(subject, join(html), join(text));
    }

    private static String join(List<Segment> segments) {
        if (segments.size() == 1) {
            return segments.get(0).text();
        }
        int length = segments.size();
        for (Segment s : segments) {
            length += s.text().length();
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(segments.get(i).text());
        }
        return out.toString();
    }
}
