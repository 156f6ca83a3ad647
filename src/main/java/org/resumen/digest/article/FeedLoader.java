package org.resumen.digest.article;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a feed's bytes come from: a URL fetched over HTTP, or a file on disk. */
interface FeedLoader {
    /** The feed now; {@code previous} are the validators of the version read last time (HTTP only). */
    FeedDocument load(Validators previous) throws FetchFailure;

    static FeedLoader http(URI uri, FeedClient client) {
        return previous -> client.get(uri, previous);
    }

    static FeedLoader file(Path path, long maxBytes) {
        return previous -> readFile(path, maxBytes);
    }

    private static FeedDocument readFile(Path path, long maxBytes) throws FetchFailure {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new FetchFailure("larger than " + FeedClient.sizeText(maxBytes) + "; the limit is "
                        + FeedClient.sizeText(maxBytes));
            }
            return new FeedDocument(bytes, null, path.toAbsolutePath().toUri());
        } catch (NoSuchFileException e) {
            throw new FetchFailure("file not found: " + path.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new FetchFailure("cannot read file " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
