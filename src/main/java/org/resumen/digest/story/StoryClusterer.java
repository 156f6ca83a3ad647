package org.resumen.digest.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.resumen.digest.article.Article;

/**
 * Groups the articles of one edition into stories. Two articles are candidates when they come from
 * different sources and their {@link Similarity} reaches the threshold of its {@link Weights}; groups are joined
 * best pair first, and only when every article of one group reaches the threshold with every
 * article of the other (complete link), so a chain of look-alikes never pulls two events together.
 * The result does not depend on the order of the input; stories come in the order of their first
 * article in the input. Thread-safe.
 */
public final class StoryClusterer {
    private static final int MAX_REMEMBERED = 10_000;

    private final List<String> preferredSources;
    private final Weights weights;
    private final TermAnalyzer analyzer = new TermAnalyzer();
    // Each digest of an edition clusters a subset of the same articles, and subscribers with the
    // same topics the same subset: analyse each article once, and cluster each subset once.
    private final Map<Article, StoryText> analysed = new ConcurrentHashMap<>();
    private final Map<List<Article>, List<Story>> clustered = new ConcurrentHashMap<>();

    /** Leads are the earliest article of each story. */
    public StoryClusterer() {
        this(List.of());
    }

    /** Leads come from the first of these sources that tells the story, else the earliest article. */
    public StoryClusterer(List<String> preferredSources) {
        this(preferredSources, Weights.DEFAULT);
    }

    StoryClusterer(List<String> preferredSources, Weights weights) {
        this.preferredSources = List.copyOf(preferredSources);
        this.weights = weights;
    }

    public List<Story> cluster(List<Article> articles) {
        if (clustered.size() > MAX_REMEMBERED) {
            clustered.clear();
        }
        return clustered.computeIfAbsent(List.copyOf(articles), this::clusterNow);
    }

    private List<Story> clusterNow(List<Article> articles) {
        List<Article> ordered = new ArrayList<>(articles);
        ordered.sort(CANONICAL);
        Similarity similarity = similarity(ordered);
        List<Set<Integer>> groups = group(ordered, similarity);
        List<Story> stories = new ArrayList<>();
        for (Set<Integer> group : groups) {
            stories.add(story(group.stream().map(ordered::get).toList()));
        }
        stories.sort(Comparator.comparingInt(story -> firstIndex(articles, story)));
        return List.copyOf(stories);
    }

    /** Whether two articles would be one story in an edition made of {@code edition}. */
    boolean sameStory(Similarity similarity, List<Article> edition, int i, int j) {
        return !sameSource(edition.get(i), edition.get(j)) && similarity.score(i, j) >= weights.threshold();
    }

    Similarity similarity(List<Article> edition) {
        if (analysed.size() > MAX_REMEMBERED) {
            analysed.clear();
        }
        return new Similarity(edition.stream()
                .map(article -> analysed.computeIfAbsent(article, a -> StoryText.of(a, analyzer))).toList(), weights);
    }

    private List<Set<Integer>> group(List<Article> articles, Similarity similarity) {
        int n = articles.size();
        double[][] score = new double[n][n];
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                score[i][j] = score[j][i] = similarity.score(i, j);
                if (sameStory(similarity, articles, i, j)) {
                    candidates.add(new int[] {i, j});
                }
            }
        }
        candidates.sort(Comparator.<int[]>comparingDouble(p -> -score[p[0]][p[1]])
                .thenComparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        int[] groupOf = new int[n];
        List<Set<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groupOf[i] = i;
            groups.add(new HashSet<>(Set.of(i)));
        }
        for (int[] pair : candidates) {
            int a = groupOf[pair[0]];
            int b = groupOf[pair[1]];
            if (a != b && joinable(groups.get(a), groups.get(b), articles, score, weights.threshold())) {
                groups.get(a).addAll(groups.get(b));
                groups.get(b).forEach(member -> groupOf[member] = a);
                groups.set(b, Set.of());
            }
        }
        return groups.stream().filter(group -> !group.isEmpty()).toList();
    }

    private static boolean joinable(Set<Integer> a, Set<Integer> b, List<Article> articles, double[][] score,
            double threshold) {
        for (int i : a) {
            for (int j : b) {
                if (sameSource(articles.get(i), articles.get(j)) || score[i][j] < threshold) {
                    return false;
                }
            }
        }
        return true;
    }

    private Story story(List<Article> members) {
        List<Article> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingInt(this::preference).thenComparing(CANONICAL));
        return new Story(sorted.get(0), sorted.subList(1, sorted.size()));
    }

    private int preference(Article article) {
        int index = preferredSources.indexOf(article.sourceName());
        return index < 0 ? preferredSources.size() : index;
    }

    private static int firstIndex(List<Article> input, Story story) {
        int first = input.indexOf(story.lead());
        for (Article other : story.alsoIn()) {
            first = Math.min(first, input.indexOf(other));
        }
        return first;
    }

    private static boolean sameSource(Article a, Article b) {
        return Objects.equals(a.sourceName(), b.sourceName());
    }

    /** Earliest first; then by source, URL and title, so equal times still have one order. */
    private static final Comparator<Article> CANONICAL = Comparator
            .comparing(Story::timeOf, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(article -> String.valueOf(article.sourceName()))
            .thenComparing(article -> String.valueOf(article.url()))
            .thenComparing(article -> String.valueOf(article.title()));
}
