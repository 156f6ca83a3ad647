package org.resumen.digest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 item 8, the configuration's messages: a Unix cron is refused with the reason and the
 * Quartz spelling, a YAML 1.1 boolean word is quoted as typed, and no secret or password is ever
 * repeated in a message.
 */
class ConfigMessagesTest {
    private static final String SECRET = "corto-7";

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("digest.yml"), text);
    }

    @Test
    void aUnixCronIsRefusedWithTheReasonAndTheSameScheduleInQuartz() throws IOException {
        Path file = yaml("newsletter: { schedule: \"0 7 * * *\" }\n");
        assertThat(ConfigLoader.load(file, Map.of()).problems()).containsExactly("config " + file
                + ": newsletter.schedule must be a Quartz cron expression of 6 or 7 fields, seconds first (seconds minutes hours"
                + " day-of-month month day-of-week [year]) with ? in day-of-month or day-of-week; this has 5 fields (Unix cron),"
                + " the same schedule in Quartz is \"0 0 7 * * ?\", got \"0 7 * * *\"");
    }

    @Test
    void aUnixCronOnWeekdaysGetsQuestionMarkInDayOfMonth() throws IOException {
        Path file = yaml("newsletter: { schedule: \"30 6 * * 1-5\" }\n");
        assertThat(ConfigLoader.load(file, Map.of()).problems()).singleElement().asString()
                .contains("the same schedule in Quartz is \"0 30 6 ? * 1-5\"");
    }

    @Test
    void sixFieldsWithoutAQuestionMarkSayWhatQuartzNeeds() throws IOException {
        Path file = yaml("newsletter: { schedule: \"0 0 7 * * *\" }\n");
        assertThat(ConfigLoader.load(file, Map.of()).problems()).singleElement().asString()
                .contains("with ? in day-of-month or day-of-week", "Quartz says: ", "got \"0 0 7 * * *\"");
    }

    @Test
    void tlsYesIsReportedAsTyped() throws IOException {
        Path file = yaml("smtp:\n  tls: yes\n");
        assertThat(ConfigLoader.load(file, Map.of()).problems())
                .containsExactly("config " + file + ": smtp.tls must be none, starttls or ssl, got \"yes\"");
    }

    @Test
    void yesAndNoStillWorkForTrueFalseKeys() throws IOException {
        Path file = yaml("newsletter:\n  cluster: no\n  images: yes\n");
        Config config = ConfigLoader.load(file, Map.of()).orThrow();
        assertThat(config.newsletter().cluster()).isFalse();
        assertThat(config.newsletter().images()).isTrue();
    }

    @Test
    void aShortSecretIsReportedByItsLengthNeverItsValue() throws IOException {
        Path file = yaml("secret: \"" + SECRET + "\"\n");
        assertThat(ConfigLoader.load(file, Map.of()).problems()).containsExactly("config " + file
                + ": secret must be at least 16 characters (or empty to have one generated in data/secret),"
                + " got 7 characters (not shown: it is a secret)");
        assertThat(String.join("\n", ConfigLoader.load(null, Map.of("DIGEST_SECRET", SECRET)).problems()))
                .contains("config DIGEST_SECRET: secret must be at least 16").doesNotContain(SECRET);
    }

    @Test
    void brokenYamlAroundASecretDoesNotQuoteTheLine() throws IOException {
        Path file = yaml("newsletter: { name: \"Resumen\" }\nsecret: \"" + SECRET + "-y-sin-cerrar\n");
        String problems = String.join("\n", ConfigLoader.load(file, Map.of()).problems());
        assertThat(problems).startsWith("config " + file + " line ").contains("not valid YAML").doesNotContain(SECRET);
    }

    @Test
    void aDatabaseUrlIsQuotedWithItsPasswordBlanked() throws IOException {
        Path file = yaml("database: { url: \"postgres://resumen:" + SECRET + "@db.example.org/resumen?password=" + SECRET + "\" }\n");
        assertThat(ConfigLoader.load(file, Map.of()).problems()).containsExactly("config " + file
                + ": database.url must be a jdbc:h2:… or jdbc:postgresql://host/db URL,"
                + " got \"postgres://resumen:***@db.example.org/resumen?password=***\"");
    }
}
