package org.resumen.digest.bounce;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.resumen.digest.DigestException;
import org.resumen.digest.config.MailboxConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bounce mailbox over IMAP ({@code bounces.mailbox}, imaps:// or imap://): every message
 * the {@link Bounces} act on is moved to {@value #PROCESSED} (created when missing), never deleted
 * without a copy; anything not understood (out of office, unrelated mail) stays where it is.
 */
public final class BounceMailbox {
    static final String PROCESSED = "Processed";
    private static final Logger LOG = LoggerFactory.getLogger(BounceMailbox.class);
    private final MailboxConfig mailbox;
    private final Bounces bounces;

    /** What one poll did. */
    public record PollReport(int read, int handled, int leftAlone) {
    }

    public BounceMailbox(MailboxConfig mailbox, Bounces bounces) {
        this.mailbox = mailbox;
        this.bounces = bounces;
    }

    public PollReport poll() {
        URI uri = URI.create(mailbox.url());
        String user = URLDecoder.decode(uri.getUserInfo(), StandardCharsets.UTF_8);
        String folderName = uri.getPath() == null || uri.getPath().length() <= 1 ? "INBOX" : uri.getPath().substring(1);
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore(uri.getScheme())) {
            store.connect(uri.getHost(), uri.getPort(), user, mailbox.password() == null ? "" : mailbox.password());
            Folder inbox = store.getFolder(folderName);
            inbox.open(Folder.READ_WRITE);
            try {
                Message[] messages = inbox.getMessages();
                List<Message> handled = new ArrayList<>();
                for (Message message : messages) {
                    if (handle(message)) {
                        handled.add(message);
                    }
                }
                if (!handled.isEmpty()) {
                    move(store, inbox, handled.toArray(Message[]::new));
                }
                LOG.info("Bounce mailbox: {} read, {} handled and moved to {}, {} left alone",
                        messages.length, handled.size(), PROCESSED, messages.length - handled.size());
                return new PollReport(messages.length, handled.size(), messages.length - handled.size());
            } finally {
                inbox.close(true);
            }
        } catch (MessagingException e) {
            throw new DigestException("could not read the bounce mailbox " + uri.getHost() + "/" + folderName + ": " + e.getMessage(), e);
        }
    }

    private boolean handle(Message message) {
        try {
            return bounces.handle(BounceParser.parse(message));
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warn("Bounce mailbox: message {} could not be read, left alone: {}", message.getMessageNumber(), e.toString());
            return false;
        }
    }

    /** Copy, then flag deleted and expunge only those: a move, and a failed copy loses nothing. */
    private static void move(Store store, Folder from, Message[] messages) throws MessagingException {
        Folder processed = store.getFolder(PROCESSED);
        if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("could not create the folder " + PROCESSED);
        }
        from.copyMessages(messages, processed);
        from.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
    }
}
