package org.resumen.digest.config;

/**
 * Bounce handling ({@code bounces.*}): the VERP base address of the envelope sender (empty = the
 * From address) and the mailbox where bounces and complaints arrive.
 */
public record BouncesConfig(String address, MailboxConfig mailbox) {
    public boolean verp() {
        return address != null && !address.isBlank();
    }
}
