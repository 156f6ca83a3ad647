package org.resumen.digest.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.resumen.digest.delivery.NoticeMail;
import org.resumen.digest.render.PageRenderer;
import org.resumen.digest.subscriber.Emails;
import org.resumen.digest.subscriber.Tokens;
import org.resumen.digest.subscriber.Tokens.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail that asks a new subscriber to confirm ({@code templates/confirm.html} and
 * {@code confirm.txt}) with a link to {@code /confirm/{token}} valid {@link #VALID}. It is sent in
 * the background, so the sign-up page answers as fast whether or not a mail goes out (the timing
 * must not tell a visitor which addresses are subscribed).
 */
final class ConfirmationMail implements AutoCloseable {
    static final Duration VALID = Duration.ofHours(72);
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationMail.class);

    private final PageRenderer renderer;
    private final NoticeMail mail;
    private final Tokens tokens;
    private final String baseUrl;
    private final String newsletterName;
    private final Clock clock;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "confirmation-mail");
        thread.setDaemon(true);
        return thread;
    });

    ConfirmationMail(PageRenderer renderer, NoticeMail mail, Tokens tokens, String baseUrl, String newsletterName, Clock clock) {
        this.renderer = renderer;
        this.mail = mail;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
        this.newsletterName = newsletterName;
        this.clock = clock;
    }

    /** Renders the mail once in {@code locale}, so a broken template stops serve before it listens. */
    void validate(Locale locale) {
        renderer.renderMail("confirm", locale, model("Ana", baseUrl + "/confirm/sample"));
    }

    /** Queues the confirmation mail for subscriber {@code id}; a failure is logged, never shown to the visitor. */
    void send(long id, String email, String name, Locale locale) {
        String link = baseUrl + "/confirm/" + tokens.issue(id, Purpose.CONFIRM, clock.instant().plus(VALID));
        sender.execute(() -> {
            try {
                PageRenderer.Mail rendered = renderer.renderMail("confirm", locale, model(name, link));
                mail.send(email, name, subject(rendered.text()), rendered.html(), body(rendered.text()));
            } catch (RuntimeException e) {
                LOG.error("Confirmation mail to {} not sent: {}", Emails.mask(email), e.getMessage(), e);
            }
        });
    }

    private Map<String, Object> model(String name, String link) {
        return Map.of("newsletterName", newsletterName, "subscriberName", name == null ? "" : name, "confirmUrl", link,
                "validHours", VALID.toHours());
    }

    // confirm.txt starts with "Subject: …" and a blank line, so the subject is translated with the text.
    private static String subject(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.startsWith("Subject:") ? first.substring("Subject:".length()).strip() : first.strip();
    }

    private static String body(String text) {
        String stripped = text.strip();
        return stripped.startsWith("Subject:") ? stripped.substring(stripped.indexOf('\n') + 1).strip() + "\n" : stripped + "\n";
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
