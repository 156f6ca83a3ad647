package org.resumen.digest.subscriber;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads subscriber CSV files (UTF-8, header {@code email,name,locale,topics[,timezone]}) as streams:
 * bad rows become {@code file:line: reason} problems and are skipped, the rest go on in file order.
 * A file that is not UTF-8 is refused whole, before any of its rows is taken.
 */
public final class SubscriberFiles {
    private SubscriberFiles() {
    }

    /** Reads every {@code *.csv} in {@code folder}, in name order, into memory; an address listed twice counts once. */
    public static SubscriberFileReport readFolder(Path folder) {
        SubscriberCsv.InMemory rows = new SubscriberCsv.InMemory();
        List<String> problems = new ArrayList<>();
        streamFolder(folder, rows, problems);
        return new SubscriberFileReport(rows.rows(), problems);
    }

    /** Reads one subscriber file, as {@code digest subscribers import FILE} does. */
    public static SubscriberFileReport readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SubscriberFileException("subscribers: file \"" + file + "\" not found; expected a CSV file with header "
                    + CsvHeader.EXPECTED);
        }
        SubscriberCsv.InMemory rows = new SubscriberCsv.InMemory();
        List<String> problems = new ArrayList<>();
        readInto(new SubscriberCsv(rows, problems), file);
        return new SubscriberFileReport(rows.rows(), problems);
    }

    /**
     * Streams every valid row of the {@code *.csv} files of {@code folder}, in name order, to
     * {@code rows}, holding no more than one record at a time; the problems are added to {@code problems}.
     */
    static void streamFolder(Path folder, SubscriberCsv.Rows rows, List<String> problems) {
        if (!Files.isDirectory(folder)) {
            String what = Files.exists(folder) ? "is not a folder" : "not found";
            throw new SubscriberFileException("subscribers: folder \"" + folder + "\" " + what
                    + "; expected a folder of *.csv files");
        }
        List<Path> files = csvFiles(folder);
        SubscriberCsv csv = new SubscriberCsv(rows, problems);
        if (files.isEmpty()) {
            csv.problem("subscribers: folder \"" + folder + "\" has no *.csv files; expected at least one");
        }
        files.forEach(file -> readInto(csv, file));
    }

    /**
     * Where {@code digest subscribers import} puts a file named {@code name} in {@code folder}: that
     * name when it is free, else the first free {@code name-2.csv}, {@code name-3.csv}, … A file
     * already in the folder is never overwritten: it is part of the list, and replacing it would
     * remove everyone it lists.
     */
    public static Path freeName(Path folder, String name) {
        Path target = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; Files.exists(target); i++) {
            target = folder.resolve(stem + "-" + i + extension);
        }
        return target;
    }

    private static List<Path> csvFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries
                    .filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new SubscriberFileException("subscribers: cannot list folder \"" + folder + "\": " + e.getMessage(), e);
        }
    }

    /** Reads the bytes of one subscriber file that is not on disk (an upload), named {@code name} in problems. */
    public static SubscriberFileReport read(String name, byte[] bytes) {
        SubscriberCsv.InMemory rows = new SubscriberCsv.InMemory();
        List<String> problems = new ArrayList<>();
        readInto(new SubscriberCsv(rows, problems), name, () -> new java.io.ByteArrayInputStream(bytes));
        return new SubscriberFileReport(rows.rows(), problems);
    }

    private interface Opener {
        java.io.InputStream open() throws IOException;
    }

    private static void readInto(SubscriberCsv csv, Path file) {
        readInto(csv, file.toString(), () -> Files.newInputStream(file));
    }

    // Two passes: the first checks the encoding and finds where lines start, the second parses.
    private static void readInto(SubscriberCsv csv, String file, Opener opener) {
        CsvLines lines;
        try (java.io.InputStream in = opener.open()) {
            lines = CsvLines.scan(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SubscriberFileException("subscribers: file \"" + file + "\" not found", e);
        } catch (IOException e) {
            throw new SubscriberFileException("subscribers: cannot read \"" + file + "\": " + e.getMessage(), e);
        }
        if (lines.notUtf8AtLine() > 0) {
            csv.problem(file + ":" + lines.notUtf8AtLine()
                    + ": not UTF-8 text; save the file as UTF-8 (in a spreadsheet: \"CSV UTF-8\")");
            return;
        }
        try (Reader text = new InputStreamReader(opener.open(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            if (lines.byteOrderMark()) {
                text.read();
            }
            csv.read(file, new java.io.BufferedReader(text, 64 * 1024), lines);
        } catch (IOException e) {
            throw new SubscriberFileException("subscribers: cannot read \"" + file + "\": " + e.getMessage(), e);
        }
    }
}
