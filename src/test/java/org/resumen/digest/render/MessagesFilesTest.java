package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesFilesTest {
    @Test
    void everyDefaultMessageIsTranslatedInSpanishAndEnglish() throws IOException {
        Properties defaults = load("messages.properties");

        assertThat(load("messages_es.properties").stringPropertyNames()).isEqualTo(defaults.stringPropertyNames());
        assertThat(load("messages_en.properties").stringPropertyNames()).isEqualTo(defaults.stringPropertyNames());
    }

    @Test
    void defaultMessagesAreSpanish() throws IOException {
        assertThat(load("messages.properties").getProperty("section.other")).isEqualTo("Otras noticias");
        assertThat(load("messages_en.properties").getProperty("section.other")).isEqualTo("More news");
    }

    private static Properties load(String file) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(RenderFixtures.SHIPPED_TEMPLATES.resolve(file), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }
}
