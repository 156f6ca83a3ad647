package org.resumen.digest.article;

/** Shortens plain text for a digest: at a sentence end when one is close, else at a word, ending in "…". */
final class Summary {
    static final int LENGTH = 300;
    private static final String SENTENCE_ENDS = ".!?…";
    private static final String CLOSERS = "”»\"')";

    private Summary() {
    }

    /** The text itself when it fits in {@code max} characters, otherwise a cut that ends with "…". */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int sentenceEnd = lastSentenceEnd(text, max - 1);
        if (sentenceEnd >= max / 2) {
            return withEllipsis(text.substring(0, sentenceEnd));
        }
        int space = text.lastIndexOf(' ', max - 1);
        String head = space > 0 ? text.substring(0, space) : text.substring(0, max - 1);
        return stripTrailingPunctuation(head) + "…";
    }

    /** Words of the full text read at 200 per minute, at least one minute. */
    static int readingMinutes(String plainText) {
        String text = plainText.strip();
        int words = text.isEmpty() ? 0 : text.split("\\s+").length;
        return Math.max(1, Math.round(words / 200f));
    }

    private static int lastSentenceEnd(String text, int limit) {
        for (int end = limit; end > 0; end--) {
            if (endsSentence(text, end)) {
                return end;
            }
        }
        return -1;
    }

    private static boolean endsSentence(String text, int end) {
        boolean followedBySpace = end == text.length() || Character.isWhitespace(text.charAt(end));
        if (!followedBySpace) {
            return false;
        }
        int i = end - 1;
        while (i > 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0;
    }

    private static String withEllipsis(String sentences) {
        if (sentences.endsWith("…")) {
            return sentences;
        }
        if (sentences.endsWith(".")) {
            return sentences.substring(0, sentences.length() - 1) + "…";
        }
        return sentences + "…";
    }

    private static String stripTrailingPunctuation(String head) {
        return head.replaceAll("[\\s,;:—–-]+$", "");
    }
}
