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
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.resumen.digest.DigestException;
import org.resumen.digest.config.MailboxConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of an IMAP mailbox ({@code imaps://user@host/FOLDER} or {@code imap://}): each message
 * is offered to a handler; those it acted on are moved to {@value #PROCESSED} (created when
 * missing; copied first, so a failed copy loses nothing), the rest stay where they are, untouched.
 */
final class MailboxReader {
    static final String PROCESSED = "Processed";
    private static final Logger LOG = LoggerFactory.getLogger(MailboxReader.class);

    /** Acts on one message; true when it did, so the message is moved away. */
    interface Handler {
        boolean handle(Message message) throws MessagingException, IOException;
    }

    /** What one poll did. */
    record Counts(int read, int handled) {
    }

    private MailboxReader() {
    }

    /** {@code what}: the mailbox's role in errors and logs ("bounce mailbox"). */
    static Counts poll(String what, MailboxConfig mailbox, Handler handler) {
        URI uri = URI.create(mailbox.url());
        String user = URLDecoder.decode(uri.getUserInfo(), StandardCharsets.UTF_8);
        String folderName = uri.getPath() == null || uri.getPath().length() <= 1 ? "INBOX" : uri.getPath().substring(1);
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore(uri.getScheme())) {
            store.connect(uri.getHost(), uri.getPort(), user, mailbox.password() == null ? "" : mailbox.password());
            Folder inbox = store.getFolder(folderName);
            inbox.open(Folder.READ_WRITE);
            boolean expungeAll = false;
            try {
                Message[] messages = inbox.getMessages();
                List<Message> handled = new ArrayList<>();
                for (Message message : messages) {
                    if (offer(what, handler, message)) {
                        handled.add(message);
                    }
                }
                if (!handled.isEmpty()) {
                    expungeAll = move(store, inbox, handled.toArray(Message[]::new));
                }
                LOG.info("{}: {} read, {} handled and moved to {}, {} left alone",
                        what, messages.length, handled.size(), PROCESSED, messages.length - handled.size());
                return new Counts(messages.length, handled.size());
            } finally {
                inbox.close(expungeAll);
            }
        } catch (MessagingException e) {
            throw new DigestException("could not read the " + what + " " + uri.getHost() + "/" + folderName + ": " + e.getMessage(), e);
        }
    }

    private static boolean offer(String what, Handler handler, Message message) {
        try {
            return handler.handle(message);
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warn("{}: message {} could not be read, left alone: {}", what, message.getMessageNumber(), e.toString());
            return false;
        }
    }

    /**
     * Moves the messages: IMAP MOVE (RFC 6851) where the server has it, else copy, flag deleted and
     * expunge only those (UID EXPUNGE, RFC 4315), so a message someone else flagged deleted in the
     * same folder is not expunged by us. True when the server has neither: the folder is then
     * expunged whole on close (the only way left).
     */
    private static boolean move(Store store, Folder from, Message[] messages) throws MessagingException {
        Folder processed = store.getFolder(PROCESSED);
        if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("could not create the folder " + PROCESSED);
        }
        boolean imap = store instanceof IMAPStore && from instanceof IMAPFolder;
        if (imap && ((IMAPStore) store).hasCapability("MOVE")) {
            ((IMAPFolder) from).moveMessages(messages, processed);
            return false;
        }
        from.copyMessages(messages, processed);
        from.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        if (imap && ((IMAPStore) store).hasCapability("UIDPLUS")) {
            ((IMAPFolder) from).expunge(messages);
            return false;
        }
        return true;
    }
}
