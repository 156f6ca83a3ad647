package org.resumen.digest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.TestWorld;

/** {@code digest check} reads the DKIM key as a send would and names the key that cannot be used. */
class DkimKeyCheckTest {
    @TempDir
    Path dir;

    @Test
    void aGoodKeyChecksOut() throws IOException {
        Path key = write("bueno.pem", DkimKeyPair.generate(2048).privatePem());

        Cli.Run run = check(key.toString());

        assertThat(run.out()).contains("Everything checks out");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aKeyUnder2048BitsIsNamedWithItsSize() throws IOException {
        Path key = write("corto.pem", DkimKeyPair.generate(1024).privatePem());

        Cli.Run run = check(key.toString());

        assertThat(run.out()).contains("problem: dkim.private-key " + key + ": the key has 1024 bits; expected at least 2048");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path key = dir.resolve("no-existe.pem");

        Cli.Run run = check(key.toString());

        assertThat(run.out()).contains("problem: dkim.private-key " + key + ": cannot read the file (NoSuchFileException");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNoKeyAndAPkcs1KeyAreNamed() throws IOException {
        Path notes = write("notas.pem", "Clave de la señora Núñez: ¡no está acá!\n");
        Path pkcs1 = write("viejo.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");

        assertThat(check(notes.toString()).out())
                .contains("problem: dkim.private-key " + notes + ": no \"-----BEGIN PRIVATE KEY-----\" block; expected a PKCS#8 PEM private key");
        assertThat(check(pkcs1.toString()).out()).contains("problem: dkim.private-key " + pkcs1
                + ": a PKCS#1 key (BEGIN RSA PRIVATE KEY); expected PKCS#8 (BEGIN PRIVATE KEY)");
    }

    @Test
    void keygenRefusesToOverwriteAPublishedKey() {
        String[] keygen = {"dkim", "keygen", "--selector", "s1", "--out", dir.toString(), "--domain", "example.org"};
        assertThat(Cli.digest(TestWorld.CLOCK, keygen).exit()).isZero();

        Cli.Run again = Cli.digest(TestWorld.CLOCK, keygen);

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains(dir.resolve("s1.private.pem") + " already exists; not overwritten");
    }

    private Cli.Run check(String keyPath) {
        Path config = TestWorld.create(dir, 2525, List.of("ana@example.org,Ana,es-AR,"));
        try {
            Files.writeString(config, "dkim:\n  domain: example.org\n  selector: s1\n  private-key: \"" + keyPath + "\"\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Cli.digest(TestWorld.CLOCK, "check", "--config", config.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
