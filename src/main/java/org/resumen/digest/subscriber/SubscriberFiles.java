package org.resumen.digest.subscriber;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads subscriber CSV files (UTF-8, header {@code email,name,locale,topics[,timezone]}); bad rows
 * become {@code file:line: reason} problems and are skipped, the rest are returned.
 */
public final class SubscriberFiles {
    private SubscriberFiles() {
    }

    /** Reads every {@code *.csv} in {@code folder}, in name order; an address listed twice counts once. */
    public static SubscriberFileReport readFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            String what = Files.exists(folder) ? "is not a folder" : "not found";
            throw new SubscriberFileException("subscribers: folder \"" + folder + "\" " + what
                    + "; expected a folder of *.csv files");
        }
        List<Path> files = csvFiles(folder);
        SubscriberCsv csv = new SubscriberCsv();
        if (files.isEmpty()) {
            csv.problem("subscribers: folder \"" + folder + "\" has no *.csv files; expected at least one");
        }
        files.forEach(file -> readInto(csv, file));
        return csv.report();
    }

    /** Reads one subscriber file, as {@code digest subscribers import FILE} does. */
    public static SubscriberFileReport readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SubscriberFileException("subscribers: file \"" + file + "\" not found; expected a CSV file with header "
                    + CsvHeader.EXPECTED);
        }
        SubscriberCsv csv = new SubscriberCsv();
        readInto(csv, file);
        return csv.report();
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
        SubscriberCsv csv = new SubscriberCsv();
        readInto(csv, name, bytes);
        return csv.report();
    }

    private static void readInto(SubscriberCsv csv, Path file) {
        readInto(csv, file.toString(), readBytes(file));
    }

    private static void readInto(SubscriberCsv csv, String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        var result = decoder.decode(input, text, true);
        if (result.isError()) {
            csv.problem(file + ":" + lineOfByte(bytes, input.position())
                    + ": not UTF-8 text; save the file as UTF-8 (in a spreadsheet: \"CSV UTF-8\")");
            return;
        }
        decoder.flush(text);
        csv.read(file, text.flip().toString());
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SubscriberFileException("subscribers: file \"" + file + "\" not found", e);
        } catch (IOException e) {
            throw new SubscriberFileException("subscribers: cannot read \"" + file + "\": " + e.getMessage(), e);
        }
    }

    private static int lineOfByte(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
