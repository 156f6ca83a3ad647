package org.resumen.digest.bounce;

import org.resumen.digest.config.MailboxConfig;

/**
 * Reads the bounce mailbox over IMAP ({@code bounces.mailbox}): every message the {@link Bounces}
 * act on is moved to {@value MailboxReader#PROCESSED}, never deleted without a copy; anything not
 * understood (out of office, unrelated mail) stays where it is.
 */
public final class BounceMailbox {
    static final String PROCESSED = MailboxReader.PROCESSED;
    private final MailboxConfig mailbox;
    private final Bounces bounces;

    /** What one poll did. */
    public record PollReport(int read, int handled, int leftAlone) {
        static PollReport of(MailboxReader.Counts counts) {
            return new PollReport(counts.read(), counts.handled(), counts.read() - counts.handled());
        }
    }

    public BounceMailbox(MailboxConfig mailbox, Bounces bounces) {
        this.mailbox = mailbox;
        this.bounces = bounces;
    }

    public PollReport poll() {
        return PollReport.of(MailboxReader.poll("bounce mailbox", mailbox, message -> bounces.handle(BounceParser.parse(message))));
    }
}
