package org.resumen.digest.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the sender needs from SMTP: send a message on a (reused) connection and get the server's reply. */
interface MailConnection extends AutoCloseable {
    /** Sends one message; returns the server's reply to it, e.g. "250 2.0.0 Ok: queued". */
    String send(MimeMessage message) throws MessagingException;

    @Override
    void close();
}
