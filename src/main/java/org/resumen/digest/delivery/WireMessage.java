package org.resumen.digest.delivery;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import java.io.OutputStream;
import java.io.IOException;

/**
 * A message built once as the bytes that go on the wire, handed to Angus's {@code SMTPTransport}
 * as a {@link MimeMessage} whose {@code writeTo} writes those bytes in one call. Nothing is parsed,
 * encoded or scanned again on the way out (the transport only dot-stuffs). As an {@code SMTPMessage}
 * it can carry its own envelope sender (VERP, {@link #setEnvelopeFrom}).
 */
final class WireMessage extends SMTPMessage {
    private final byte[] wire;
    private final int length;
    private final String messageId;
    private final InternetAddress to;

    /** {@code wire}: the message in its first {@code length} bytes (the builder's buffer, not copied). */
    WireMessage(Session session, byte[] wire, int length, String messageId, InternetAddress to) {
        super(session);
        this.wire = wire;
        this.length = length;
        this.messageId = messageId;
        this.to = to;
    }

    /** The message exactly as sent: headers, blank line, body; CRLF line ends, ASCII only. */
    byte[] wire() {
        return java.util.Arrays.copyOf(wire, length);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(wire, 0, length);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException {
        out.write(wire, 0, length);
    }

    @Override
    public String getMessageID() {
        return messageId;
    }

    @Override
    public Address[] getAllRecipients() {
        return new Address[] {to};
    }

    @Override
    public int getSize() {
        return length;
    }

    /** Already final: the bytes are the message. */
    @Override
    public void saveChanges() {
    }
}
