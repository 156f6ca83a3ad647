package org.resumen.digest.article;

import java.util.List;

/** What one ingest run did, source by source. */
public record IngestReport(List<SourceOutcome> outcomes) {
    public IngestReport {
        outcomes = List.copyOf(outcomes);
    }

    /** True when every source was read; per-item problems do not count as failures. */
    public boolean ok() {
        return outcomes.stream().noneMatch(SourceOutcome::failed);
    }

    /** Articles newly stored, over all sources. */
    public int added() {
        return outcomes.stream().mapToInt(SourceOutcome::added).sum();
    }
}
