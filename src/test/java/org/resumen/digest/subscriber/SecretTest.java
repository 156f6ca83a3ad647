package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.DigestException;

class SecretTest {
    @TempDir
    Path dataDir;

    @Test
    void aConfiguredSecretIsUsedAsIsAndNoFileIsWritten() {
        byte[] key = Secret.loadOrCreate("un secreto configurado, largo", dataDir);

        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("un secreto configurado, largo");
        assertThat(dataDir.resolve("secret")).doesNotExist();
    }

    @Test
    void aShortConfiguredSecretIsRejected() {
        assertThatThrownBy(() -> Secret.loadOrCreate("corto", dataDir))
                .isInstanceOf(DigestException.class)
                .hasMessageStartingWith("secret must be at least 16 characters, got 5; set DIGEST_SECRET");
    }

    @Test
    void withoutAConfiguredSecretOneIsCreatedOnceAndReused() throws Exception {
        byte[] first = Secret.loadOrCreate("", dataDir.resolve("data"));
        byte[] second = Secret.loadOrCreate(null, dataDir.resolve("data"));

        assertThat(first).hasSize(32).isEqualTo(second);
        Path file = dataDir.resolve("data/secret");
        assertThat(Files.readString(file).trim()).isEqualTo(java.util.Base64.getEncoder().encodeToString(first));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(dataDir.resolve("data"))).containsExactly(file);
    }

    @Test
    void twoDataFoldersGetDifferentSecrets() {
        assertThat(Secret.loadOrCreate("", dataDir.resolve("a"))).isNotEqualTo(Secret.loadOrCreate("", dataDir.resolve("b")));
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsReported() throws Exception {
        Path notAFolder = Files.writeString(dataDir.resolve("data"), "un archivo");

        assertThatThrownBy(() -> Secret.loadOrCreate("", notAFolder))
                .isInstanceOf(DigestException.class)
                .hasMessageStartingWith("secret: cannot create " + notAFolder.resolve("secret") + ": ");
    }

    @Test
    void aDamagedSecretFileIsReportedNotReplaced() throws Exception {
        Files.writeString(dataDir.resolve("secret"), "esto no es base64!");

        assertThatThrownBy(() -> Secret.loadOrCreate("", dataDir))
                .isInstanceOf(DigestException.class)
                .hasMessage("secret: " + dataDir.resolve("secret").toAbsolutePath() + " does not hold a base64 key of at"
                        + " least 16 bytes; delete it to generate a new one (links already sent will stop working)");
    }
}
