package org.resumen.digest.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.resumen.digest.config.SmtpConfig;

/**
 * One SMTP connection reused for many messages (EMAIL-NOTES.md: the static Transport.send opens one
 * per message). It reconnects after {@link #MAX_MESSAGES_PER_CONNECTION} messages, and is closed by
 * the caller after any failure so that the next message starts on a clean connection.
 */
final class SmtpConnection implements MailConnection {
    static final int MAX_MESSAGES_PER_CONNECTION = 500;
    /** Idle time after which the connection is checked (NOOP) before use: servers close idle ones. */
    static final long IDLE_CHECK_NANOS = 20_000_000_000L;
    private final Session session;
    private final SmtpConfig smtp;
    private Transport transport;
    private int sentOnConnection;
    private long lastUsed;

    SmtpConnection(Session session, SmtpConfig smtp) {
        this.session = session;
        this.smtp = smtp;
    }

    @Override
    public String send(MimeMessage message) throws MessagingException {
        if (transport != null && sentOnConnection >= MAX_MESSAGES_PER_CONNECTION) {
            close();
        }
        // isConnected() costs a NOOP round trip: only ask after the connection sat idle for a while.
        boolean idle = System.nanoTime() - lastUsed > IDLE_CHECK_NANOS;
        if (transport == null || (idle && !transport.isConnected())) {
            connect();
        }
        transport.sendMessage(message, message.getAllRecipients());
        sentOnConnection++;
        lastUsed = System.nanoTime();
        String reply = transport instanceof SMTPTransport t ? t.getLastServerResponse() : "250";
        return reply == null ? "250" : reply.trim();
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The connection is being dropped anyway (often because it already broke).
            }
            transport = null;
        }
    }

    private void connect() throws MessagingException {
        close();
        Transport t = session.getTransport();
        if (smtp.username().isEmpty()) {
            t.connect();
        } else {
            t.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
        }
        transport = t;
        sentOnConnection = 0;
    }
}
