package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resumen.digest.render.RenderFixtures.articleAbout;
import static org.resumen.digest.render.RenderFixtures.copyOfTemplates;
import static org.resumen.digest.render.RenderFixtures.english;
import static org.resumen.digest.render.RenderFixtures.newsletter;
import static org.resumen.digest.render.RenderFixtures.subscriber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateValidationTest {
    @TempDir
    Path folder;

    @Test
    void shippedTemplatesValidate() {
        assertThatCode(() -> RenderFixtures.renderer().validate()).doesNotThrowAnyException();
    }

    @Test
    void unclosedExpressionInDigestHtmlNamesTheFileAndLine() throws IOException {
        copyOfTemplates(folder);
        int line = replaceInLine("digest.html", "th:text=\"${article.title}\"", "${article.title}", "${article.title");

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(folder.resolve("digest.html") + " line " + line + ": ")
                .hasMessageContaining("Could not parse as expression: \"${article.title\"");
    }

    @Test
    void misspelledVariableInDigestHtmlNamesTheLineAndTheModel() throws IOException {
        copyOfTemplates(folder);
        int line = replaceInLine("digest.html", "th:text=\"${article.title}\"", "${article.title}", "${artcle.title}");

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(folder.resolve("digest.html") + " line " + line + ": cannot evaluate ${artcle.title}")
                .hasMessageContaining("The model has: lang, newsletterName");
    }

    @Test
    void brokenPlainTextTemplateNamesDigestTxtAndLine() throws IOException {
        copyOfTemplates(folder);
        int line = replaceInLine("digest.txt", "[(${article.title})]", "[(${article.title})]", "[(${article.titel})]");

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(folder.resolve("digest.txt") + " line " + line + ": cannot evaluate ${article.titel}");
    }

    @Test
    void unknownMessageKeyNamesTheTemplateLineAndTheMessagesFiles() throws IOException {
        copyOfTemplates(folder);
        int line = replaceInLine("digest.html", "#{footer.unsubscribe}", "footer.unsubscribe", "footer.unsubscrbe");

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(folder.resolve("digest.html") + " line " + line
                        + ": no message \"footer.unsubscrbe\" in " + folder.resolve("messages_es_AR.properties"))
                .hasMessageContaining("expected a line footer.unsubscrbe=… in " + folder.resolve("messages.properties"));
    }

    @Test
    void missingDefaultMessagesFileIsNamed() throws IOException {
        copyOfTemplates(folder);
        Files.delete(folder.resolve("messages.properties"));

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessage(folder.resolve("messages.properties") + " not found; expected the default messages"
                        + " (UTF-8 key=value lines) next to the templates");
    }

    @ParameterizedTest
    @CsvSource({
        "subject.txt, subject line template (TEXT mode)",
        "digest.html, HTML digest template",
        "digest.txt, plain-text digest template (TEXT mode)"})
    void missingTemplateIsNamed(String template, String purpose) throws IOException {
        copyOfTemplates(folder);
        Files.delete(folder.resolve(template));

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessage(folder.resolve(template) + " not found; expected the " + purpose
                        + " in the templates folder " + folder);
    }

    @Test
    void brokenMessageFormatPatternNamesTheMessageAndTheLineUsingIt() throws IOException {
        copyOfTemplates(folder);
        Files.writeString(folder.resolve("messages_es.properties"), "article.readingTime={0 min de lectura\n",
                StandardCharsets.UTF_8);
        int line = lineOf("digest.html", "#{article.readingTime(");

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(folder.resolve("digest.html") + " line " + line
                        + ": message \"article.readingTime\" is not a valid MessageFormat pattern")
                .hasMessageEndingWith("write '' for an apostrophe and {0} for the argument");
    }

    @Test
    void unreadableMessagesFileIsNamed() throws IOException {
        copyOfTemplates(folder);
        Files.delete(folder.resolve("messages_en.properties"));
        Files.createDirectory(folder.resolve("messages_en.properties"));

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(folder.resolve("messages_en.properties") + " cannot be read: ");
    }

    @Test
    void subjectTemplateThatRendersNothingFailsValidation() throws IOException {
        copyOfTemplates(folder);
        Files.writeString(folder.resolve("subject.txt"), "  \n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessage(folder.resolve("subject.txt") + ": renders an empty subject; expected the newsletter name,"
                        + " the date and the top headline");
    }

    @Test
    void messagesFileSavedInLatin1IsRejectedByName() throws IOException {
        copyOfTemplates(folder);
        Files.write(folder.resolve("messages_es.properties"), "section.other=Otras noticias de Córdoba\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(folder.resolve("messages_es.properties") + " is not valid UTF-8; save it as UTF-8");
    }

    @Test
    void templateWithoutTheUnsubscribeLinkFailsValidation() throws IOException {
        copyOfTemplates(folder);
        replaceInLine("digest.txt", "${links.unsubscribe}", "[(${links.unsubscribe})]", "");

        assertThatThrownBy(() -> renderer().validate())
                .isInstanceOf(TemplateException.class)
                .hasMessage(folder.resolve("digest.txt") + ": the rendered digest does not show ${links.unsubscribe};"
                        + " every digest must carry the unsubscribe and web-version links");
    }

    @Test
    void renderingWithABrokenTemplateAlsoThrowsTemplateException() throws IOException {
        copyOfTemplates(folder);
        int line = replaceInLine("subject.txt", "[(${subjectDate})]", "[(${subjectDate})]", "[(${subjectDate.day})]");

        assertThatThrownBy(() -> renderer().render(RenderFixtures.spanish(List.of(articleAbout("Senado")),
                subscriber("ana@example.org"))))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(folder.resolve("subject.txt") + " line " + line + ": cannot evaluate ${subjectDate.day}");
    }

    @Test
    void languageWithoutItsOwnMessagesFallsBackToTheDefaultFile() throws IOException {
        copyOfTemplates(folder);
        Files.delete(folder.resolve("messages_en.properties"));

        RenderedDigest digest = renderer().render(english(List.of(articleAbout("Senado")), subscriber("ana@example.org")));

        assertThat(digest.html()).contains("Tuesday, December 16, 2025", "Darse de baja", "lang=\"en\"");
    }

    private DigestRenderer renderer() {
        return new DigestRenderer(folder, newsletter());
    }

    private int lineOf(String file, String marker) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line containing " + marker);
    }

    /** Replaces text on the first line containing {@code marker}; returns that line's number (1-based). */
    private int replaceInLine(String file, String marker, String from, String to) throws IOException {
        Path path = folder.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                lines.set(i, lines.get(i).replace(from, to));
                Files.write(path, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line containing " + marker);
    }
}
