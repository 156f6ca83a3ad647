package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.Cli.Run;
import org.resumen.digest.testing.DemoCopy;

/**
 * Issue 5 item 5: {@code subscribers import FILE} never overwrites a file of the subscribers folder
 * (the new one gets a free name), never copies a file with no valid row, and its summary names
 * anyone the folder no longer lists.
 */
class SubscribersImportIT {
    private static final String ONE_ROW = "email,name,locale,topics\nines.sosa@example.org,Inés Sosa,es-AR,\n";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2025-12-20T12:00:00Z"), ZoneOffset.UTC);
    private Path config;

    @BeforeEach
    void demo() {
        config = DemoCopy.create(dir, 2525, "jdbc:h2:mem:import-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
    }

    private Run digest(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return Cli.digest(clock, all);
    }

    @Test
    void importingAFileNamedLikeOneInTheFolderKeepsBothAndRemovesNobody() throws IOException {
        assertThat(digest("subscribers", "list").out()).contains("maria.nunez@example.org");
        Path incoming = Files.createDirectories(dir.resolve("descargas")).resolve("ejemplo.csv");
        Files.writeString(incoming, ONE_ROW);

        Run run = digest("subscribers", "import", incoming.toString());

        assertThat(run.exit()).as(run.out()).isZero();
        Path kept = dir.resolve("subscribers/ejemplo.csv");
        Path saved = dir.resolve("subscribers/ejemplo-2.csv");
        assertThat(run.out()).contains("Imported " + incoming + " as " + saved + " (" + kept + " is already there and was kept;",
                "1 rows read, 0 bad; 1 added, 0 updated, 0 removed.").doesNotContain("Removed (");
        assertThat(Files.readString(kept)).contains("maria.nunez@example.org", "begona.alvarez@example.com");
        assertThat(Files.readString(saved)).isEqualTo(ONE_ROW);
        assertThat(digest("subscribers", "list").out()).containsPattern("maria.nunez@example.org\\s+active")
                .containsPattern("ines.sosa@example.org\\s+active").doesNotContain("removed");
    }

    @Test
    void aFileWithNoValidRowIsNotCopied() throws IOException {
        Path headerless = Files.writeString(dir.resolve("sin-encabezado.csv"), "ines.sosa@example.org,Inés Sosa,es-AR,\n");

        Run run = digest("subscribers", "import", headerless.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("problem: " + headerless,
                "Not imported: " + headerless + " has no valid row; nothing was copied to the subscribers folder.");
        assertThat(dir.resolve("subscribers/sin-encabezado.csv")).doesNotExist();
        assertThat(digest("check").out()).doesNotContain("sin-encabezado");
    }

    @Test
    void theSummaryNamesWhoIsRemovedWhenTheFolderNoLongerListsThem() throws IOException {
        digest("subscribers", "list");
        Path sample = dir.resolve("subscribers/ejemplo.csv");
        Files.writeString(sample, Files.readString(sample).replaceAll("(?m)^john\\.carter@example\\.com,.*\\n", ""));
        Path incoming = Files.writeString(dir.resolve("nuevos.csv"), ONE_ROW);

        Run run = digest("subscribers", "import", incoming.toString());

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("Imported " + incoming + " as " + dir.resolve("subscribers/nuevos.csv") + ".",
                "1 rows read, 0 bad; 1 added, 0 updated, 1 removed.",
                "Removed (listed in no file of " + dir.resolve("subscribers") + " any more): john.carter@example.com");
    }

    @Test
    void importingTheSameFileTwiceCopiesNothingTheSecondTime() throws IOException {
        Path incoming = Files.writeString(dir.resolve("nuevos.csv"), ONE_ROW);
        digest("subscribers", "import", incoming.toString());

        Run again = digest("subscribers", "import", incoming.toString());

        assertThat(again.out()).contains("An identical " + dir.resolve("subscribers/nuevos.csv") + " is already there; nothing copied.",
                "0 added, 0 updated, 0 removed.");
        assertThat(dir.resolve("subscribers/nuevos-2.csv")).doesNotExist();
    }

    @Test
    void aMissingFileIsAUsageErrorWithExitTwo() {
        Run run = digest("subscribers", "import", dir.resolve("no-existe.csv").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("FILE: \"" + dir.resolve("no-existe.csv") + "\" not found", "Usage: digest subscribers import");
    }
}
