package org.resumen.digest.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resumen.digest.config.MailboxConfig;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the mailbox of the {@code mailto:} List-Unsubscribe address ({@code unsubscribe.mailbox}).
 * Every digest's header offers {@code mailto:FROM?subject=unsubscribe TOKEN}; a message whose
 * subject (or, when a mail client dropped it, an early line of its text) says
 * {@code unsubscribe TOKEN} with a valid unsubscribe token unsubscribes that subscriber at once and
 * is moved to {@value MailboxReader#PROCESSED}. Anything else (a reader's reply, a forged or
 * mangled token) stays in the mailbox untouched: it is usually the editors' own inbox.
 */
public final class UnsubscribeMailbox {
    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeMailbox.class);
    private static final Pattern REQUEST = Pattern.compile("(?i)\\bunsubscribe\\s+([A-Za-z0-9_-]{16,})");
    /** How much of a text body is searched when the subject does not carry the request. */
    private static final int BODY_CHARS = 2_000;
    private final MailboxConfig mailbox;
    private final Tokens tokens;
    private final SubscriberStore subscribers;

    public UnsubscribeMailbox(MailboxConfig mailbox, Tokens tokens, SubscriberStore subscribers) {
        this.mailbox = mailbox;
        this.tokens = tokens;
        this.subscribers = subscribers;
    }

    public BounceMailbox.PollReport poll() {
        return BounceMailbox.PollReport.of(MailboxReader.poll("unsubscribe mailbox", mailbox, this::handle));
    }

    private boolean handle(Message message) throws MessagingException, IOException {
        OptionalLong id = subscriber(message.getSubject());
        if (id.isEmpty()) {
            id = subscriber(text(message));
        }
        if (id.isEmpty()) {
            return false;
        }
        subscribers.unsubscribe(id.getAsLong());
        LOG.info("Unsubscribe mailbox: subscriber {} unsubscribed by mail", id.getAsLong());
        return true;
    }

    private OptionalLong subscriber(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = REQUEST.matcher(text);
        while (m.find()) {
            OptionalLong id = tokens.verify(m.group(1), Tokens.Purpose.UNSUBSCRIBE);
            if (id.isPresent()) {
                return id;
            }
        }
        return OptionalLong.empty();
    }

    /** The start of the first text/plain part, or null. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s.length() > BODY_CHARS ? s.substring(0, BODY_CHARS) : s;
            }
            return null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = text(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
