package org.resumen.digest.config;

/**
 * One configured source ({@code sources[i]}): exactly one of {@code feed} (an http(s): or file: URL,
 * or a path relative to the working directory) and {@code directory} (a folder of Markdown articles)
 * is set, the other is null.
 */
public record SourceConfig(String name, String feed, String directory) {
    public boolean isFeed() {
        return feed != null;
    }

    /** The feed URL or directory, for messages. */
    public String location() {
        return isFeed() ? feed : directory;
    }
}
