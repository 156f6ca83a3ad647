package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriberFilesTest {
    private static final String DIR = "src/test/resources/subscriber/";

    @Test
    void readsEveryRowOfAGoodFileWithSpanishNamesIntact() {
        SubscriberFileReport report = SubscriberFiles.readFile(Path.of(DIR + "good.csv"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.rows()).containsExactly(
                new SubscriberRow("maria.nunez@example.org", "María José Núñez", Locale.forLanguageTag("es-AR"),
                        Set.of(), null, DIR + "good.csv:2"),
                new SubscriberRow("john.carter@example.com", "John Carter", Locale.forLanguageTag("en-US"),
                        Set.of("Economía", "Congreso"), null, DIR + "good.csv:3"),
                new SubscriberRow("inigo.pena@example.net", "Íñigo «el Ñandú» Peña, hijo", Locale.forLanguageTag("es"),
                        Set.of("Política"), null, DIR + "good.csv:4"));
    }

    @Test
    void reportsEachBadRowWithFileAndPhysicalLineAndKeepsTheOthers() {
        SubscriberFileReport report = SubscriberFiles.readFile(Path.of(DIR + "bad-rows.csv"));

        String file = DIR + "bad-rows.csv";
        assertThat(report.problems()).containsExactly(
                file + ":3: invalid address \"ana@@example.org\"; expected name@domain",
                file + ":5: unsupported locale \"fr\"; expected es or en, optionally with a region (es-AR, en-US),"
                        + " or empty for the newsletter's",
                file + ":6: unknown time zone \"America/Buenos Aires\"; expected a zone ID such as"
                        + " America/Argentina/Buenos_Aires, or empty for the newsletter's",
                file + ":7: duplicate address \"ana@example.org\", first at " + file + ":2",
                file + ":8: 3 fields, expected 5 (email,name,locale,topics,timezone)",
                file + ":9: line break in column \"name\"; values must fit on one line",
                file + ":12: invalid address \"sin-dominio@localhost\"; expected name@domain",
                file + ":13: invalid address \"con espacio@example.org\"; expected name@domain",
                file + ":14: missing address; expected name@domain");
        assertThat(report.rows()).extracting(SubscriberRow::email, SubscriberRow::origin).containsExactly(
                tuple("ana@example.org", file + ":2"),
                tuple("luis@example.org", file + ":11"));
        assertThat(report.rows().get(0).timezone()).isEqualTo(ZoneId.of("America/Argentina/Buenos_Aires"));
    }

    @Test
    void toleratesAByteOrderMarkAndUpperCaseHeaderNames() {
        SubscriberFileReport report = SubscriberFiles.readFile(Path.of(DIR + "bom.csv"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.rows()).extracting(SubscriberRow::email, SubscriberRow::name)
                .containsExactly(tuple("bom@example.org", "Begoña"));
    }

    @Test
    void aMissingRequiredColumnIsOneProblemNamingTheFileAndTheExpectedHeader() {
        SubscriberFileReport report = SubscriberFiles.readFile(Path.of(DIR + "missing-column.csv"));

        assertThat(report.rows()).isEmpty();
        assertThat(report.problems()).containsExactly(DIR + "missing-column.csv:1: header \"email,name,topics\" lacks"
                + " locale; expected email,name,locale,topics with an optional timezone column after it");
    }

    @Test
    void anUnknownColumnIsReportedSoATypoIsNotSilentlyIgnored() {
        SubscriberFileReport report = SubscriberFiles.readFile(Path.of(DIR + "unknown-column.csv"));

        assertThat(report.problems()).containsExactly(DIR + "unknown-column.csv:1: unknown column \"zona\";"
                + " expected email,name,locale,topics with an optional timezone column after it");
        assertThat(report.rows()).extracting(SubscriberRow::email).containsExactly("ana@example.org");
    }

    @Test
    void aFileThatIsNotUtf8IsReportedWithTheLineOfTheFirstBadByte() {
        SubscriberFileReport report = SubscriberFiles.readFile(Path.of(DIR + "latin1.csv"));

        assertThat(report.rows()).isEmpty();
        assertThat(report.problems()).containsExactly(
                DIR + "latin1.csv:2: not UTF-8 text; save the file as UTF-8 (in a spreadsheet: \"CSV UTF-8\")");
    }

    @Test
    void brokenQuotesStopTheFileAtThatLineAndKeepTheRowsBefore() {
        SubscriberFileReport report = SubscriberFiles.readFile(Path.of(DIR + "malformed-quotes.csv"));

        assertThat(report.rows()).extracting(SubscriberRow::email).containsExactly("ana@example.org");
        assertThat(report.problems()).containsExactly(DIR + "malformed-quotes.csv:3: malformed CSV (invalid character"
                + " between encapsulated token and delimiter); check the quotes on this line; the rest of the file was skipped");
    }

    @Test
    void readsAFolderInNameOrderAndReportsAnAddressRepeatedInALaterFile() {
        SubscriberFileReport report = SubscriberFiles.readFolder(Path.of(DIR + "two-files"));

        assertThat(report.rows()).extracting(SubscriberRow::email)
                .containsExactly("ana@example.org", "beto@example.org", "carla@example.org");
        assertThat(report.problems()).containsExactly(DIR + "two-files/b.csv:3: duplicate address \"beto@example.org\","
                + " first at " + DIR + "two-files/a.csv:3");
    }

    @Test
    void aMissingFolderIsAnErrorSayingWhatWasExpected() {
        assertThatThrownBy(() -> SubscriberFiles.readFolder(Path.of("no-such-folder")))
                .isInstanceOf(SubscriberFileException.class)
                .hasMessage("subscribers: folder \"no-such-folder\" not found; expected a folder of *.csv files");
    }

    @Test
    void aFileInPlaceOfTheFolderIsAnError() {
        assertThatThrownBy(() -> SubscriberFiles.readFolder(Path.of(DIR + "good.csv")))
                .isInstanceOf(SubscriberFileException.class)
                .hasMessage("subscribers: folder \"" + DIR + "good.csv\" is not a folder; expected a folder of *.csv files");
    }

    @Test
    void aColumnNamedTwiceSkipsTheFile(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("doble.csv"), "email,name,locale,topics,EMAIL\na@example.org,A,es,,\n");

        SubscriberFileReport report = SubscriberFiles.readFile(file);

        assertThat(report.rows()).isEmpty();
        assertThat(report.problems()).containsExactly(file + ":1: column \"email\" appears twice;"
                + " expected email,name,locale,topics with an optional timezone column after it");
    }

    @Test
    void aFolderWithoutCsvFilesIsAProblem(@TempDir Path folder) {
        SubscriberFileReport report = SubscriberFiles.readFolder(folder);

        assertThat(report.rows()).isEmpty();
        assertThat(report.problems())
                .containsExactly("subscribers: folder \"" + folder + "\" has no *.csv files; expected at least one");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> SubscriberFiles.readFile(Path.of("subscribers/nadie.csv")))
                .isInstanceOf(SubscriberFileException.class)
                .hasMessage("subscribers: file \"subscribers/nadie.csv\" not found; expected a CSV file with header"
                        + " email,name,locale,topics with an optional timezone column after it");
    }

    @Test
    void anEmptyFileAsksForTheHeader(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("vacio.csv"), "");

        assertThat(SubscriberFiles.readFile(file).problems()).containsExactly(file + ":1: empty file; expected a header"
                + " row email,name,locale,topics with an optional timezone column after it");
    }

    @Test
    void theSampleListShippedWithTheProjectIsValid() {
        SubscriberFileReport report = SubscriberFiles.readFolder(Path.of("subscribers"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.rows()).hasSizeBetween(4, 5);
        assertThat(report.rows()).extracting(SubscriberRow::name).contains("María José Núñez");
        assertThat(report.rows()).extracting(SubscriberRow::locale).contains(Locale.forLanguageTag("es-AR"),
                Locale.ENGLISH, null);
    }
}
