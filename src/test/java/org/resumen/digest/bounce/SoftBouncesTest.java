package org.resumen.digest.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.Verp;
import org.resumen.digest.testing.TestWorld;

/** Soft bounces count, and only three in a row on three different editions stop the mail. */
class SoftBouncesTest {
    private static final String BOUNCES = "rebotes@resumen.example.net";
    @TempDir
    Path dir;

    @Test
    void threeSoftBouncesInARowOnDifferentEditionsMakeABouncedSubscriber() throws Exception {
        try (App app = open("llena@example.org", "otra@example.org")) {
            long full = app.subscribers.byEmail("llena@example.org").orElseThrow().id();
            Verp verp = new Verp(BOUNCES, app.tokens);

            assertThat(app.bounces.handle(soft(verp, full, "<lunes@resumen.example.net>"))).isTrue();
            // the same edition bouncing twice (a retry, a second DSN) is still one edition
            assertThat(app.bounces.handle(soft(verp, full, "<lunes@resumen.example.net>"))).isTrue();
            assertThat(app.bounces.handle(soft(verp, full, "<martes@resumen.example.net>"))).isTrue();
            assertThat(status(app, "llena@example.org")).isEqualTo(Subscriber.Status.ACTIVE);
            assertThat(app.bounces.softBounces(full)).isEqualTo(3);

            assertThat(app.bounces.handle(soft(verp, full, "<miercoles@resumen.example.net>"))).isTrue();

            assertThat(status(app, "llena@example.org")).isEqualTo(Subscriber.Status.BOUNCED);
            assertThat(status(app, "otra@example.org")).isEqualTo(Subscriber.Status.ACTIVE);
        }
    }

    @Test
    void aDelayNoticeBetweenSoftBouncesDoesNotCountAndAHardOneBreaksTheRow() throws Exception {
        try (App app = open("llena@example.org")) {
            long id = app.subscribers.byEmail("llena@example.org").orElseThrow().id();
            Verp verp = new Verp(BOUNCES, app.tokens);
            app.bounces.handle(soft(verp, id, "<uno@resumen.example.net>"));
            app.bounces.handle(new Bounce(Bounce.Kind.DELAYED, "4.4.7", "still trying", List.of(verp.address(id)), "<dos@resumen.example.net>"));
            app.bounces.handle(soft(verp, id, "<tres@resumen.example.net>"));
            assertThat(status(app, "llena@example.org")).isEqualTo(Subscriber.Status.ACTIVE);
            app.subscribers.lift("llena@example.org");
        }
    }

    private App open(String... readers) throws Exception {
        Path config = TestWorld.create(dir, 2525, TestWorld.readers(readers));
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config) + "\nbounces:\n  address: " + BOUNCES + "\n");
        App app = TestWorld.open(config);
        app.subscribers.syncFolder(app.config.subscribers());
        return app;
    }

    private static Bounce soft(Verp verp, long id, String messageId) {
        return new Bounce(Bounce.Kind.SOFT, "4.2.2", "552-5.2.2 The mailbox is full", List.of(verp.address(id)), messageId);
    }

    private static Subscriber.Status status(App app, String email) {
        return app.subscribers.byEmail(email).orElseThrow().status();
    }
}
