package org.resumen.digest.article;

import org.resumen.digest.Text;

/**
 * The picture a source gives for an article: an absolute {@code https} URL (never {@code http:} or
 * {@code data:}, see {@link LeadImage}) and its alt text, the source's caption or else the headline.
 */
public record ArticleImage(String url, String alt) {
    public ArticleImage {
        url = Text.line(url);
        alt = Text.line(alt);
    }
}
