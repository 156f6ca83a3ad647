package org.resumen.digest.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The order stories are read in: sections as they first come, and within a section by coverage. */
public final class StoryRanking {
    // Stable sort on these two keys only: stories alike in both keep the order they came in.
    private static final Comparator<Story> MORE_SOURCES_THEN_NEWER = Comparator.comparingInt(Story::coverage)
            .reversed().thenComparing(Story::published, Comparator.nullsLast(Comparator.reverseOrder()));

    private StoryRanking() {
    }

    /**
     * Keeps the sections in the order of their first story and sorts each one: more sources first,
     * then newer, then as they came. The stories without a section form one group, where they first come.
     */
    public static List<Story> withinSections(List<Story> stories) {
        Map<String, List<Story>> bySection = new LinkedHashMap<>();
        for (Story story : stories) {
            bySection.computeIfAbsent(sectionOf(story), s -> new ArrayList<>()).add(story);
        }
        List<Story> ranked = new ArrayList<>();
        for (List<Story> section : bySection.values()) {
            section.sort(MORE_SOURCES_THEN_NEWER);
            ranked.addAll(section);
        }
        return List.copyOf(ranked);
    }

    /** The first of the stories the most sources tell, in the order given; null when there are none. */
    public static Story mostCovered(List<Story> stories) {
        Story most = null;
        for (Story story : stories) {
            if (most == null || story.coverage() > most.coverage()) {
                most = story;
            }
        }
        return most;
    }

    private static String sectionOf(Story story) {
        String section = story.lead().section();
        return section == null || section.isBlank() ? "" : section.strip();
    }
}
