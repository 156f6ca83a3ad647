package org.resumen.digest.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Clock;
import org.resumen.digest.config.Config;
import org.resumen.digest.subscriber.Emails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message to one person that is not a digest, such as the confirmation of a sign-up, through
 * the same message builder and SMTP connection code as the digests (From, Message-ID, encodings,
 * CR/LF checks, TLS and timeouts as configured). Not recorded in the delivery ledger.
 */
public final class NoticeMail {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeMail.class);

    private final MessageBuilder builder;
    private final Session session;
    private final Config config;

    public NoticeMail(Config config, Clock clock) {
        this.builder = new MessageBuilder(config.newsletter(), clock);
        this.session = SmtpSessions.create(config.smtp(), builder.from().getAddress());
        this.config = config;
    }

    /** Sends it on a connection of its own; returns the server's reply, or throws {@link DeliveryException}. */
    public String send(String email, String name, String subject, String html, String text) {
        Recipient to = new Recipient(MessageBuilder.recipientAddress(email, name), Emails.mask(email));
        WireMessage message = builder.buildNotice(session, to, subject, html, text);
        try (SmtpConnection connection = new SmtpConnection(session, config.smtp())) {
            String reply = connection.send(message);
            LOG.info("Notice \"{}\" to {}: {}", subject, to.masked(), reply);
            return reply;
        } catch (MessagingException e) {
            throw new DeliveryException("cannot send \"" + subject + "\" to " + to.masked() + ": " + e.getMessage(), e);
        }
    }
}
