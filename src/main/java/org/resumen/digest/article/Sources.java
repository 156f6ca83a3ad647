package org.resumen.digest.article;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.resumen.digest.config.SourceConfig;

/** Builds the {@link ArticleSource} of each configured source: a feed (URL or file) or a Markdown folder. */
public final class Sources {
    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private Sources() {
    }

    /**
     * One source per config, in order; plain paths are relative to the working directory.
     *
     * @throws SourceException when a config is neither a usable feed nor a folder
     */
    public static List<ArticleSource> from(List<SourceConfig> configs, Clock clock) {
        FeedClient client = FeedClient.standard();
        return configs.stream().map(config -> from(config, client, clock)).toList();
    }

    static ArticleSource from(SourceConfig config, FeedClient client, Clock clock) {
        if ((config.feed() == null) == (config.directory() == null)) {
            throw new SourceException(config.name(), String.valueOf(config.location()),
                    "set exactly one of feed (a URL or file) and directory (a folder of *.md articles)");
        }
        if (config.feed() == null) {
            return new MarkdownFolderSource(config.name(), path(config, config.directory()), clock);
        }
        return new FeedSource(config.name(), config.feed(), loader(config, client), clock);
    }

    private static FeedLoader loader(SourceConfig config, FeedClient client) {
        String feed = config.feed().strip();
        String scheme = feed.contains(":") ? feed.substring(0, feed.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        switch (scheme) {
            case "http", "https" -> {
                return FeedLoader.http(uri(config, feed), client);
            }
            case "file" -> {
                return FeedLoader.file(filePath(config, feed), MAX_FILE_BYTES);
            }
            default -> {
                if (scheme.length() > 1) {
                    throw new SourceException(config.name(), feed,
                            "unsupported URL scheme \"" + scheme + "\"; expected http:, https:, file: or a file path");
                }
                return FeedLoader.file(path(config, feed), MAX_FILE_BYTES);
            }
        }
    }

    private static URI uri(SourceConfig config, String feed) {
        try {
            URI uri = URI.create(feed);
            if (uri.getScheme().equalsIgnoreCase("file") || uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            throw new SourceException(config.name(), feed, "not a valid URL: " + e.getMessage(), e);
        }
        throw new SourceException(config.name(), feed, "not a valid URL; expected one like https://example.org/feed.xml");
    }

    private static Path filePath(SourceConfig config, String feed) {
        try {
            return Path.of(uri(config, feed));
        } catch (IllegalArgumentException e) {
            throw new SourceException(config.name(), feed, "not a usable file: URL (" + e.getMessage()
                    + "); expected one like file:///srv/feeds/feed.xml", e);
        }
    }

    private static Path path(SourceConfig config, String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new SourceException(config.name(), path, "not a valid path: " + e.getMessage(), e);
        }
    }
}
