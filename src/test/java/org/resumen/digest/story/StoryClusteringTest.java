package org.resumen.digest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.resumen.digest.article.Article;

/**
 * Precision and recall of "same story" over the labelled pairs of src/test/resources/story/pairs.yml,
 * printed on every run; {@code -Dstory.scores=true} prints each pair's score too.
 */
class StoryClusteringTest {
    private final StoryClusterer clusterer = new StoryClusterer();

    @Test
    void labelledPairsAreSortedWithHighPrecisionAndRecall() {
        List<LabelledPairs.Pair> pairs = LabelledPairs.load();
        List<Article> edition = LabelledPairs.allArticles(pairs);
        Similarity similarity = clusterer.similarity(edition);
        Tally all = new Tally();
        Tally held = new Tally();
        for (int k = 0; k < pairs.size(); k++) {
            LabelledPairs.Pair pair = pairs.get(k);
            boolean predicted = clusterer.sameStory(similarity, edition, 2 * k, 2 * k + 1);
            if (Boolean.getBoolean("story.scores")) {
                System.out.printf(Locale.ROOT, "%s %s %-5s score %.3f cos %.3f novelty %.3f%n", pair.id(), pair.heldOut() ? "held" : "dev ",
                        predicted == pair.same() ? "ok" : "WRONG", similarity.score(2 * k, 2 * k + 1),
                        similarity.cosine(2 * k, 2 * k + 1), similarity.novelty(2 * k, 2 * k + 1));
            }
            all.add(pair.same(), predicted);
            if (pair.heldOut()) {
                held.add(pair.same(), predicted);
            }
        }
        System.out.printf(Locale.ROOT, "story pairs: all %s; held-out %s%n", all, held);
        System.out.printf(Locale.ROOT, "story pairs, each alone as an edition of two: all %s%n", alone(pairs));
        assertThat(all.precision()).as("precision over %s", all).isGreaterThanOrEqualTo(0.95);
        assertThat(all.recall()).as("recall over %s", all).isGreaterThanOrEqualTo(0.85);
    }

    // The document frequencies of a two-article edition say little; this shows what that costs.
    private Tally alone(List<LabelledPairs.Pair> pairs) {
        Tally tally = new Tally();
        for (LabelledPairs.Pair pair : pairs) {
            tally.add(pair.same(), clusterer.cluster(List.of(pair.a(), pair.b())).size() == 1);
        }
        return tally;
    }

    static final class Tally {
        int truePositives;
        int falsePositives;
        int falseNegatives;
        int trueNegatives;

        void add(boolean same, boolean predicted) {
            if (same && predicted) {
                truePositives++;
            } else if (predicted) {
                falsePositives++;
            } else if (same) {
                falseNegatives++;
            } else {
                trueNegatives++;
            }
        }

        double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        double recall() {
            int same = truePositives + falseNegatives;
            return same == 0 ? 1 : (double) truePositives / same;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "precision %.3f recall %.3f (%d pairs: %d merged right, %d merged wrong,"
                    + " %d missed, %d kept apart right)", precision(), recall(),
                    truePositives + falsePositives + falseNegatives + trueNegatives, truePositives, falsePositives,
                    falseNegatives, trueNegatives);
        }
    }
}
