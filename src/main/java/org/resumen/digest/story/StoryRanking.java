package org.resumen.digest.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The order stories are read in: sections as they first come, and within a section by coverage. */
public final class StoryRanking {
    private StoryRanking() {
    }

    /**
     * Keeps the sections in the order of their first story and sorts each by {@link Story#BY_COVERAGE}:
     * more sources first, then newer. The stories without a section form one group, where they first come.
     */
    public static List<Story> withinSections(List<Story> stories) {
        Map<String, List<Story>> bySection = new LinkedHashMap<>();
        for (Story story : stories) {
            bySection.computeIfAbsent(sectionOf(story), s -> new ArrayList<>()).add(story);
        }
        List<Story> ranked = new ArrayList<>();
        for (List<Story> section : bySection.values()) {
            section.sort(Story.BY_COVERAGE);
            ranked.addAll(section);
        }
        return List.copyOf(ranked);
    }

    /** The story the most sources tell (ties: the newer, as {@link Story#BY_COVERAGE}); null for none. */
    public static Story mostCovered(List<Story> stories) {
        return stories.stream().min(Story.BY_COVERAGE).orElse(null);
    }

    private static String sectionOf(Story story) {
        String section = story.lead().section();
        return section == null || section.isBlank() ? "" : section.strip();
    }
}
