package org.resumen.digest.config;

/**
 * A mailbox the service reads ({@code bounces.*}, {@code unsubscribe.*}): an IMAP URL like
 * {@code imaps://user@host/INBOX}, empty = not read, and its password (from the environment).
 */
public record MailboxConfig(String url, String password) {
    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "MailboxConfig[url=" + url + ", password=" + (password == null || password.isEmpty() ? "" : "***") + "]";
    }
}
