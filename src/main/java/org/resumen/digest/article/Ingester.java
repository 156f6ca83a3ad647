package org.resumen.digest.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pulls every source and stores the new articles; one failing source never stops the others. */
public final class Ingester {
    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

    private final List<ArticleSource> sources;
    private final ArticleStore store;
    private final Clock clock;

    public Ingester(List<ArticleSource> sources, ArticleStore store, Clock clock) {
        this.sources = List.copyOf(sources);
        this.store = store;
        this.clock = clock;
    }

    /** Fetches and stores every source now, recording each fetch in the {@code sources} table. */
    public IngestReport ingestAll() {
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (ArticleSource source : sources) {
            outcomes.add(ingest(source));
        }
        return new IngestReport(outcomes);
    }

    private SourceOutcome ingest(ArticleSource source) {
        FetchResult result;
        try {
            result = source.fetch();
        } catch (SourceException e) {
            LOG.warn("{}", e.getMessage());
            return failed(source, e.getMessage());
        } catch (RuntimeException e) {
            String error = "source \"" + source.name() + "\" (" + source.location() + "): unexpected failure: " + e;
            LOG.warn("{}", error, e);
            return failed(source, error);
        }
        int added = store.saveNew(result.articles()).size();
        store.recordFetch(source.name(), source.location(), clock.instant(), null);
        LOG.info("source \"{}\": fetched {}, added {}", source.name(), result.articles().size(), added);
        result.problems().forEach(problem -> LOG.warn("{}", problem));
        return new SourceOutcome(source.name(), result.articles().size(), added, result.problems());
    }

    private SourceOutcome failed(ArticleSource source, String error) {
        store.recordFetch(source.name(), source.location(), clock.instant(), error);
        return SourceOutcome.failure(source.name(), error);
    }
}
