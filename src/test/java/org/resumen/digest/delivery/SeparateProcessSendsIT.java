package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.testing.TestWorld;

/**
 * Two {@code digest send} processes of one edition started together on one H2 file (AUTO_SERVER, so
 * the second process reaches the first one's database) or one PostgreSQL database: every subscriber
 * gets exactly one message.
 */
class SeparateProcessSendsIT {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private Map<String, String> env = Map.of();

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void twoSendProcessesStartedTogetherGiveEverySubscriberExactlyOneMessage(String store) throws Exception {
        List<String> emails = IntStream.rangeClosed(1, 150).mapToObj(i -> "lectora" + i + "@example.org").toList();
        Path config = TestWorld.create(dir, greenMail.getSmtp().getPort(), TestWorld.readers(emails.toArray(String[]::new)));
        String yaml = Files.readString(config, StandardCharsets.UTF_8).replaceAll("jdbc:h2:mem:[^\"]+",
                ("jdbc:h2:file:" + dir.resolve("data/digest").toAbsolutePath() + ";AUTO_SERVER=TRUE").replace("\\", "/"));
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        env = ClaimedDeliveriesIT.database(store);
        // Subscribers and articles stored first: two processes inserting the same new rows at one
        // moment is another problem than the one under test here.
        finishes(digest(config, "ingest"));
        finishes(digest(config, "subscribers", "list"));

        List<Process> sends = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sends.add(digest(config, "send", "--date", TestWorld.EDITION_DATE.toString()));
        }
        List<String> outputs = new ArrayList<>();
        for (Process send : sends) {
            assertThat(send.waitFor(120, TimeUnit.SECONDS)).isTrue();
            outputs.add(new String(send.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(send.exitValue()).as(outputs.get(outputs.size() - 1)).isZero();
        }

        List<String> received = Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(received).containsExactlyInAnyOrderElementsOf(emails);
        int sentByBoth = 0;
        for (String output : outputs) {
            java.util.regex.Matcher summary = java.util.regex.Pattern.compile("This run: \\d+ due, (\\d+) sent").matcher(output);
            assertThat(summary.find()).as(output).isTrue();
            sentByBoth += Integer.parseInt(summary.group(1));
            System.out.println("SeparateProcessSendsIT: " + output.lines().filter(l -> l.startsWith("Edition")).findFirst().orElse(""));
        }
        assertThat(sentByBoth).isEqualTo(emails.size());
    }

    private static void finishes(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private Process digest(Path config, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), App.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        ProcessBuilder process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        process.environment().putAll(env);
        return process.start();
    }
}
