package org.resumen.digest.article;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pictures a feed item offers, best first: Media RSS {@code media:content} of an image (also inside
 * {@code media:group}), then {@code media:thumbnail}, then an {@code enclosure} of an image type; each
 * with its caption ({@code media:description}, else {@code media:title}).
 */
final class FeedImages {
    private FeedImages() {
    }

    static List<LeadImage.Candidate> of(SyndEntry entry) {
        List<LeadImage.Candidate> candidates = new ArrayList<>();
        Module module = entry.getModule(MediaModule.URI);
        if (module instanceof MediaEntryModule media) {
            String itemCaption = caption(media.getMetadata(), null);
            List<MediaContent> contents = new ArrayList<>(List.of(media.getMediaContents()));
            for (MediaGroup group : media.getMediaGroups()) {
                contents.addAll(List.of(group.getContents()));
            }
            for (MediaContent content : contents) {
                if (isImage(content) && content.getReference() instanceof UrlReference reference) {
                    candidates.add(new LeadImage.Candidate(String.valueOf(reference.getUrl()),
                            caption(content.getMetadata(), itemCaption)));
                }
            }
            thumbnails(media.getMetadata(), itemCaption, candidates);
            for (MediaContent content : contents) {
                thumbnails(content.getMetadata(), caption(content.getMetadata(), itemCaption), candidates);
            }
        }
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            if (enclosure.getType() != null && enclosure.getType().toLowerCase(Locale.ROOT).startsWith("image/")) {
                candidates.add(new LeadImage.Candidate(enclosure.getUrl(), null));
            }
        }
        return candidates;
    }

    // media:content without medium or type is taken for an image only when it carries neither.
    private static boolean isImage(MediaContent content) {
        String medium = content.getMedium();
        String type = content.getType();
        if (medium != null) {
            return medium.equalsIgnoreCase("image");
        }
        return type == null || type.toLowerCase(Locale.ROOT).startsWith("image/");
    }

    private static void thumbnails(Metadata metadata, String caption, List<LeadImage.Candidate> candidates) {
        if (metadata == null) {
            return;
        }
        for (Thumbnail thumbnail : metadata.getThumbnail()) {
            if (thumbnail.getUrl() != null) {
                candidates.add(new LeadImage.Candidate(thumbnail.getUrl().toString(), caption));
            }
        }
    }

    private static String caption(Metadata metadata, String fallback) {
        if (metadata == null) {
            return fallback;
        }
        if (metadata.getDescription() != null && !metadata.getDescription().isBlank()) {
            return metadata.getDescription();
        }
        if (metadata.getTitle() != null && !metadata.getTitle().isBlank()) {
            return metadata.getTitle();
        }
        return fallback;
    }
}
