package org.resumen.digest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("digest.yml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void withNoFileEveryKeyHasItsBuiltInDefault() {
        Config config = ConfigLoader.load(null, Map.of()).orThrow();
        assertThat(config.newsletter().name()).isEqualTo("El Resumen");
        assertThat(config.newsletter().timezone()).isEqualTo(ZoneId.of("America/Argentina/Buenos_Aires"));
        assertThat(config.newsletter().locale()).isEqualTo(Locale.forLanguageTag("es-AR"));
        assertThat(config.newsletter().maxAge()).isEqualTo(Duration.ofHours(36));
        assertThat(config.smtp().embedded()).isTrue();
        assertThat(config.smtp().tls()).isEqualTo(SmtpConfig.Tls.NONE);
        assertThat(config.database().url()).isEqualTo("jdbc:h2:file:./data/digest");
        assertThat(config.sources()).extracting(SourceConfig::name).containsExactly("Diario del Plata", "Redacción El Resumen", "Agencia Austral");
    }

    @Test
    void fileValuesAndThenEnvironmentVariablesOverrideDefaults() throws IOException {
        Path file = yaml("""
                newsletter:
                  name: "La Síntesis"
                  max-age: 2d
                smtp:
                  host: smtp.example.org
                  port: 2525
                  tls: starttls
                sources:
                  - { name: "Ñandú Noticias", feed: "https://nandu.example/feed.xml" }
                """);
        Config config = ConfigLoader.load(file, Map.of("DIGEST_SMTP_PORT", "587", "DIGEST_SMTP_PASSWORD", "s3cret",
                "DIGEST_NEWSLETTER_BASE_URL", "https://resumen.example.org/", "PATH", "/usr/bin")).orThrow();
        assertThat(config.newsletter().name()).isEqualTo("La Síntesis");
        assertThat(config.newsletter().maxAge()).isEqualTo(Duration.ofDays(2));
        assertThat(config.newsletter().baseUrl()).isEqualTo("https://resumen.example.org");
        assertThat(config.smtp().port()).isEqualTo(587);
        assertThat(config.smtp().password()).isEqualTo("s3cret");
        assertThat(config.smtp().toString()).doesNotContain("s3cret");
        assertThat(config.smtp().tls()).isEqualTo(SmtpConfig.Tls.STARTTLS);
        assertThat(config.sources()).containsExactly(new SourceConfig("Ñandú Noticias", "https://nandu.example/feed.xml", null));
    }

    @Test
    void unknownKeysAreErrorsThatNameTheKey() throws IOException {
        Path file = yaml("newsletter:\n  nmae: X\nsmpt:\n  host: a\n");
        assertThat(ConfigLoader.load(file, Map.of()).problems()).containsExactly(
                "config " + file + ": unknown key newsletter.nmae; expected one of newsletter.alerts, newsletter.base-url,"
                        + " newsletter.cluster, newsletter.delivery, newsletter.from, newsletter.images, newsletter.locale,"
                        + " newsletter.max-age, newsletter.max-articles, newsletter.name, newsletter.schedule,"
                        + " newsletter.send-deadline, newsletter.source-grace, newsletter.timezone",
                "config " + file + ": unknown key smpt; expected one of bounces.*, database.*, dkim.*, newsletter.*, secret,"
                        + " smtp.*, sources, subscribers, templates, unsubscribe.*, web.*");
    }

    @Test
    void theSecondWaveKeysHaveTheirDefaultsAndAreValidated() throws IOException {
        Config defaults = ConfigLoader.load(null, Map.of()).orThrow();
        assertThat(defaults.newsletter().sendDeadline()).isEqualTo(Duration.ofHours(6));
        assertThat(defaults.newsletter().delivery()).isEqualTo(NewsletterConfig.Delivery.EDITION);
        assertThat(defaults.newsletter().cluster()).isTrue();
        assertThat(defaults.newsletter().sourceGrace()).isEqualTo(Duration.ofMinutes(20));
        assertThat(defaults.newsletter().alerts()).isEmpty();
        assertThat(defaults.web().port()).isEqualTo(8080);
        assertThat(defaults.web().bind()).isEqualTo("127.0.0.1");
        assertThat(defaults.dkim().enabled()).isFalse();
        assertThat(defaults.bounces().verp()).isFalse();

        Path file = yaml("""
                newsletter:
                  delivery: local
                  alerts: [editor@example.org, "Jefa@Example.org"]
                web: { port: 0 }
                bounces: { address: bounces@example.org, mailbox: "imaps://rebotes@mail.example.org/INBOX" }
                """);
        Config config = ConfigLoader.load(file, Map.of("DIGEST_BOUNCES_PASSWORD", "pw", "DIGEST_ADMIN_PASSWORD", "x")).orThrow();
        assertThat(config.newsletter().delivery()).isEqualTo(NewsletterConfig.Delivery.LOCAL);
        assertThat(config.newsletter().alerts()).containsExactly("editor@example.org", "jefa@example.org");
        assertThat(config.web().enabled()).isFalse();
        assertThat(config.bounces().mailbox().password()).isEqualTo("pw");
        assertThat(ConfigLoader.load(null, Map.of("DIGEST_NEWSLETTER_ALERTS", "a@example.org, b@example.org")).orThrow()
                .newsletter().alerts()).containsExactly("a@example.org", "b@example.org");

        Path bad = yaml("""
                newsletter: { delivery: later, cluster: "sí", alerts: [nadie] }
                dkim: { domain: "no domain" }
                bounces: { mailbox: "pop3://x@y/INBOX" }
                """);
        assertThat(ConfigLoader.load(bad, Map.of()).problems()).containsExactly(
                "config " + bad + ": newsletter.delivery must be edition or local, got \"later\"",
                "config " + bad + ": newsletter.cluster must be true or false, got \"sí\"",
                "config " + bad + ": newsletter.alerts must be an address like bounces@example.org, got \"nadie\"",
                "config " + bad + ": dkim.domain must be a domain like example.org (or empty for no signing), got \"no domain\"",
                "config " + bad + ": bounces.mailbox must be an IMAP URL like imaps://user@host/INBOX (password in the environment), got \"pop3://x@y/INBOX\"");
    }

    @Test
    void badValuesNameTheKeyWhatWasExpectedAndWhatWasGiven() throws IOException {
        Path file = yaml("""
                newsletter:
                  timezone: America/Buenos_Ayres
                  schedule: "every day at 7"
                  base-url: "localhost:8080"
                  max-articles: cero
                  locale: fr
                smtp:
                  port: 70000
                  tls: tls
                database:
                  url: "mysql://x"
                """);
        assertThat(ConfigLoader.load(file, Map.of()).problems()).containsExactlyInAnyOrder(
                "config " + file + ": newsletter.timezone must be a time zone ID like America/Argentina/Buenos_Aires, got \"America/Buenos_Ayres\"",
                "config " + file + ": newsletter.schedule must be a Quartz cron expression of 6 or 7 fields, seconds first (seconds minutes hours"
                        + " day-of-month month day-of-week [year]) with ? in day-of-month or day-of-week, like \"0 0 7 * * ?\" (07:00 every day);"
                        + " this has 4 field(s), got \"every day at 7\"",
                "config " + file + ": newsletter.base-url must be an http:// or https:// URL with a host, like https://resumen.example.org, got \"localhost:8080\"",
                "config " + file + ": newsletter.max-articles must be a whole number from 1 to 500, got \"cero\"",
                "config " + file + ": newsletter.locale must be a language tag of a language the templates have (es, es-AR, en, en-US…), got \"fr\"",
                "config " + file + ": smtp.port must be a whole number from 1 to 65535, got \"70000\"",
                "config " + file + ": smtp.tls must be none, starttls or ssl, got \"tls\"",
                "config " + file + ": database.url must be a jdbc:h2:… or jdbc:postgresql://host/db URL, got \"mysql://x\"");
    }

    @Test
    void badEnvironmentValuesNameTheVariable() {
        assertThat(ConfigLoader.load(null, Map.of("DIGEST_SMTP_CONNECTIONS", "0", "DIGEST_SMTP_HOTS", "x")).problems()).containsExactlyInAnyOrder(
                "config DIGEST_SMTP_CONNECTIONS: smtp.connections must be a whole number from 1 to 64, got \"0\"",
                "environment variable DIGEST_SMTP_HOTS is not a configuration key; expected one of DIGEST_NEWSLETTER_NAME, DIGEST_SMTP_HOST, … (see README, Configuration)");
    }

    @Test
    void sourcesNeedANameAndExactlyOneOfFeedOrDirectory() throws IOException {
        Path file = yaml("""
                sources:
                  - { feed: "https://a.example/feed" }
                  - { name: B, feed: "https://b.example/feed", directory: articles }
                  - { name: C, fedd: "https://c.example/feed" }
                  - { name: D, directory: articles }
                  - { name: D, directory: more }
                """);
        ConfigLoader.Loaded loaded = ConfigLoader.load(file, Map.of());
        assertThat(loaded.problems()).containsExactly(
                "config " + file + ": sources[0].name is missing; every source needs a name",
                "config " + file + ": sources[1] must have exactly one of feed or directory",
                "config " + file + ": unknown key sources[2].fedd; expected name, feed or directory",
                "config " + file + ": sources[2] must have exactly one of feed or directory",
                "config " + file + ": sources[4].name \"D\" is used twice; expected unique names");
        assertThat(loaded.config().sources()).extracting(SourceConfig::name).containsExactly("D");
    }

    @Test
    void headerValuesWithLineBreaksAreRefused() {
        assertThat(ConfigLoader.load(null, Map.of("DIGEST_NEWSLETTER_NAME", "El Resumen\r\nBcc: all@example.org")).problems())
                .containsExactly("config DIGEST_NEWSLETTER_NAME: newsletter.name must be one line (no CR/LF), got \"El Resumen\r\nBcc: all@example.org\"");
    }

    @Test
    void aMissingFileOrBrokenYamlIsReportedWithItsName() throws IOException {
        assertThat(ConfigLoader.load(dir.resolve("nope.yml"), Map.of()).problems())
                .containsExactly("config " + dir.resolve("nope.yml") + ": file not found; expected a YAML file (see README, Configuration)");
        Path file = yaml("newsletter:\n  name: [unclosed\n");
        assertThat(ConfigLoader.load(file, Map.of()).problems()).singleElement().asString()
                .startsWith("config " + file + " line ").contains("not valid YAML");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()).orThrow()).isInstanceOf(ConfigException.class);
    }

    @Test
    void durationsAcceptShortFormsAndIso() {
        assertThat(ConfigBinder.duration("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ConfigBinder.duration("PT36H")).isEqualTo(Duration.ofHours(36));
        assertThatThrownBy(() -> ConfigBinder.duration("0h")).hasMessage("must be a positive duration like 36h, 90m, 2d or PT36H");
    }
}
