package org.resumen.digest.article;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A folder of Markdown articles ({@code *.md} with front matter); a bad file is reported and skipped. */
final class MarkdownFolderSource implements ArticleSource {
    private final String name;
    private final Path folder;
    private final Clock clock;

    MarkdownFolderSource(String name, Path folder, Clock clock) {
        this.name = name;
        this.folder = folder;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String location() {
        return folder.toString();
    }

    @Override
    public FetchResult fetch() {
        Instant now = clock.instant();
        List<Article> articles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : markdownFiles()) {
            try {
                articles.add(read(file, now, problems));
            } catch (InvalidArticle e) {
                problems.add(problem(e.problemIn(file.toString())));
            } catch (StackOverflowError e) {
                // Last resort: MarkdownArticle refuses deep nesting before rendering, so this is a case it missed.
                problems.add(problem(file + ": nested too deeply to read; skipped"));
            }
        }
        return new FetchResult(articles, problems);
    }

    private String problem(String fileProblem) {
        return "source \"" + name + "\": " + fileProblem;
    }

    private List<Path> markdownFiles() {
        if (!Files.isDirectory(folder)) {
            String reason = Files.exists(folder) ? "not a folder" : "folder not found";
            throw new SourceException(name, location(), reason + ": " + folder.toAbsolutePath()
                    + "; expected a folder of *.md articles");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.md")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new SourceException(name, location(), "cannot list the folder: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private Article read(Path file, Instant now, List<String> problems) throws InvalidArticle {
        MarkdownArticle article = MarkdownArticle.parse(readText(file));
        LeadImage.Choice image = article.image();
        try {
            Article read = Normaliser.normalise(article.draft(image), article.sourceName(name), now);
            if (image.refusal() != null) {
                problems.add(problem(file + ": front matter " + image.refusal()));
            }
            return read;
        } catch (IllegalArgumentException e) {
            throw new InvalidArticle(0, e.getMessage(), e);
        }
    }

    private static String readText(Path file) throws InvalidArticle {
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            throw new InvalidArticle(0, "not valid UTF-8; expected the file saved as UTF-8", e);
        } catch (IOException e) {
            throw new InvalidArticle(0, "cannot read the file: " + e, e);
        }
    }
}
