package org.resumen.digest.article;

/** A place articles come from (a feed, a folder of Markdown files): fetching it yields normalised articles. */
public interface ArticleSource {
    /** The configured name, shown in logs, messages and the {@code sources} table. */
    String name();

    /** The feed URL, file path or folder, for messages. */
    String location();

    /**
     * Reads the source now.
     *
     * @throws SourceException when the whole source cannot be read; per-item problems go in the result
     */
    FetchResult fetch();

    /**
     * Reads the source now, unless it says it has not changed since the version {@code previous}
     * names (then the result has no articles and no problems). Sources without validators read it all.
     */
    default FetchResult fetch(Validators previous) {
        return fetch();
    }
}
