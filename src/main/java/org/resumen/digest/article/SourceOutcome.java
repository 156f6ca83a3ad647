package org.resumen.digest.article;

import java.util.List;

/**
 * What ingesting one source did: articles fetched and newly stored, per-item problems, and the reason
 * the whole source failed ({@code error}, null when it was read).
 */
public record SourceOutcome(String source, int fetched, int added, List<String> problems, String error) {
    public SourceOutcome {
        problems = List.copyOf(problems);
    }

    /** An outcome of a source that was read. */
    public SourceOutcome(String source, int fetched, int added, List<String> problems) {
        this(source, fetched, added, problems, null);
    }

    /** An outcome of a source that could not be read at all. */
    public static SourceOutcome failure(String source, String error) {
        return new SourceOutcome(source, 0, 0, List.of(error), error);
    }

    /** True when the whole source could not be read. */
    public boolean failed() {
        return error != null;
    }
}
