package org.resumen.digest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table and the keys in code cannot drift apart. */
class ReadmeConfigTableTest {
    @Test
    void readmeListsEveryKeyWithItsDefaultAndEnvironmentVariable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Key key : Key.values()) {
            String defaultCell = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            assertThat(readme).as("README row of " + key.path())
                    .contains("| `" + key.path() + "` | " + defaultCell + " | `" + key.environmentName() + "` | " + key.meaning() + " |");
        }
    }
}
