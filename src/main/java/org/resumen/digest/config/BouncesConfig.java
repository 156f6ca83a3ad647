package org.resumen.digest.config;

/**
 * Bounce handling ({@code bounces.*}): the VERP base address of the envelope sender (empty = the
 * From address), the mailbox where bounces and complaints arrive, and how often serve reads it
 * (and the unsubscribe mailbox).
 */
public record BouncesConfig(String address, MailboxConfig mailbox, java.time.Duration poll) {
    public boolean verp() {
        return address != null && !address.isBlank();
    }
}
