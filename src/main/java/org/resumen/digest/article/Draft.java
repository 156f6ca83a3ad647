package org.resumen.digest.article;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An article as a source found it, before normalisation: HTML may be anywhere, links may be relative,
 * and any field but {@code title} may be null.
 *
 * @param baseUri what relative links resolve against (the feed's or the file's URL), may be null
 * @param summaryHtml the item's own summary (RSS description, Atom summary)
 * @param bodyHtml the full text when the source has it (content:encoded, the Markdown body)
 * @param summaryText an editor-written plain summary that wins over one cut from the HTML
 * @param section the first category of a feed item, the {@code section} of a Markdown file
 * @param image the picture chosen by {@link LeadImage} (absolute https URL, raw caption), null when none
 */
record Draft(
        String guid,
        String link,
        URI baseUri,
        String title,
        String summaryHtml,
        String bodyHtml,
        String summaryText,
        String author,
        String section,
        List<String> tags,
        Instant published,
        LeadImage.Candidate image) {
}
