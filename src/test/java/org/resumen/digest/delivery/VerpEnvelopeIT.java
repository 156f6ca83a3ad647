package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.Verp;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/** With bounces.address set, each message's MAIL FROM names its subscriber with a signed token. */
class VerpEnvelopeIT {
    @TempDir
    Path dir;

    @Test
    void eachMessageCarriesItsSubscribersSignedEnvelopeSender() throws Exception {
        ReceivedMail received = new ReceivedMail();
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).start(0)) {
            Path config = TestWorld.create(dir, smtp.port(), TestWorld.readers("ines@example.org", "tomas@example.org"));
            Files.writeString(config, Files.readString(config) + "\nbounces:\n  address: rebotes@resumen.example.net\n");
            try (App app = TestWorld.open(config)) {
                assertThat(TestWorld.send(app).sent()).isEqualTo(2);
                List<String> senders = smtp.envelopeSenders();
                assertThat(senders).hasSize(2).allMatch(s -> s.matches("rebotes\\+[A-Za-z0-9_-]{32}@resumen\\.example\\.net"));
                Verp verp = new Verp("rebotes@resumen.example.net", app.tokens);
                List<Long> ids = app.subscribers.all().stream().map(Subscriber::id).toList();
                assertThat(senders).map(s -> verp.match(s).orElseThrow()).containsExactlyInAnyOrderElementsOf(ids);

                String sender = senders.get(0);
                int plus = sender.indexOf('+');
                char c = sender.charAt(plus + 5);
                String tampered = sender.substring(0, plus + 5) + (c == 'A' ? 'B' : 'A') + sender.substring(plus + 6);
                assertThat(verp.match(tampered)).isEqualTo(OptionalLong.empty());
                assertThat(verp.match(sender.replace("resumen.example.net", "otro.example.net"))).isEmpty();
                assertThat(verp.match("<" + sender + ">")).isEqualTo(verp.match(sender));
            }
        }
    }
}
