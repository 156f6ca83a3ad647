package org.resumen.digest.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' own style sheets, scripts (the console's progress) and images, served from {@code templates/web/assets/} by the
 * application (no CDN: the machines may be offline). Only plain file names, never a path.
 */
final class Assets {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(css|js|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    private final Path folder;

    Assets(Path folder) {
        this.folder = folder;
    }

    void serve(Context ctx) {
        Matcher name = NAME.matcher(ctx.pathParam("name"));
        if (!name.matches() || !Files.isRegularFile(folder.resolve(name.group()))) {
            throw new NoSuchPage("no asset " + ctx.pathParam("name"));
        }
        try {
            ctx.contentType(TYPES.get(name.group(1)))
                    .header("Cache-Control", "public, max-age=3600")
                    .result(Files.readAllBytes(folder.resolve(name.group())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve(name.group()), e);
        }
    }
}
