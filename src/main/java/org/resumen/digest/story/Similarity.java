package org.resumen.digest.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How alike two articles of one edition are: TF-IDF cosine of their analysed title and summary,
 * with the document frequencies taken from the edition itself (so words every article of the day
 * shares, like "Senado" in a Senate week, weigh little), plus numbers and names both mention, minus
 * what speaks for two events: numbers, days or headline names that disagree, and headlines that
 * each announce something the other article never mentions.
 */
final class Similarity {

    private final List<StoryText> texts;
    private final Weights weights;
    private final List<Map<String, Double>> vectors = new ArrayList<>();
    private final Map<String, Double> idf = new HashMap<>();

    Similarity(List<StoryText> texts, Weights weights) {
        this.texts = List.copyOf(texts);
        this.weights = weights;
        List<Map<String, Double>> counts = texts.stream().map(this::withPrefixes).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Map<String, Double> terms : counts) {
            terms.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        // Smoothed inverse document frequency (as scikit-learn's): never zero, so a pair alone still compares.
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log((texts.size() + 1.0) / (df + 1.0)) + 1));
        for (Map<String, Double> terms : counts) {
            vectors.add(unitVector(terms));
        }
    }

    double score(int i, int j) {
        StoryText a = texts.get(i);
        StoryText b = texts.get(j);
        double cosine = cosine(i, j);
        if (a.language() != b.language() || cosine < weights.minCosine()) {
            return Double.NEGATIVE_INFINITY;
        }
        Mentions ma = a.mentions();
        Mentions mb = b.mentions();
        int sharedNumbers = Mentions.shared(ma.numbers(), mb.numbers());
        double score = cosine;
        score += weights.sharedNumber() * Math.min(weights.maxSharedNumbers(), sharedNumbers);
        score += weights.sharedName() * Math.min(weights.maxSharedNames(), Mentions.shared(ma.names(), mb.names()));
        score -= (sharedNumbers > 0 ? weights.noveltyWhenNumbersShared() : weights.novelty()) * novelty(i, j);
        if (Mentions.disagree(ma.numbers(), mb.numbers())) {
            score -= weights.numbersDisagree();
        }
        if (Mentions.disagree(ma.days(), mb.days())) {
            score -= weights.daysDisagree();
        }
        if (TitleNames.disagree(a, b)) {
            score -= weights.namesDisagree();
        }
        return score;
    }

    double cosine(int i, int j) {
        Map<String, Double> a = vectors.get(i);
        Map<String, Double> b = vectors.get(j);
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> term : small.entrySet()) {
            Double other = large.get(term.getKey());
            if (other != null) {
                dot += term.getValue() * other;
            }
        }
        return dot;
    }

    /**
     * How much of the headlines is news to the other article: for each side, the share of its
     * headline's weight (IDF) that the other's title and summary do not mention; the smaller share.
     * A terse report is covered by the detailed one; two different events each headline something
     * the other never mentions.
     */
    double novelty(int i, int j) {
        return Math.min(uncovered(i, j), uncovered(j, i));
    }

    private double uncovered(int i, int j) {
        double total = 0;
        double missing = 0;
        StoryText other = texts.get(j);
        for (String term : texts.get(i).titleTerms()) {
            double weight = idf.get(term);
            total += weight;
            if (!other.mentions(term)) {
                missing += weight;
            }
        }
        return total == 0 ? 0 : missing / total;
    }

    private Map<String, Double> withPrefixes(StoryText text) {
        Map<String, Double> terms = new HashMap<>();
        text.terms().forEach((term, count) -> {
            terms.merge(term, (double) count, Double::sum);
            if (weights.prefixTerms() > 0 && term.length() > StoryText.STEM) {
                terms.merge("~" + term.substring(0, StoryText.STEM), weights.prefixTerms() * count, Double::sum);
            }
        });
        return terms;
    }

    private Map<String, Double> unitVector(Map<String, Double> terms) {
        Map<String, Double> vector = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Double> term : terms.entrySet()) {
            double weight = term.getValue() * idf.get(term.getKey());
            vector.put(term.getKey(), weight);
            norm += weight * weight;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            vector.replaceAll((term, weight) -> weight / length);
        }
        return vector;
    }
}
