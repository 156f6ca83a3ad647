package org.resumen.digest.subscriber;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/** Checks subscriber addresses and masks them for logs. */
public final class Emails {
    private Emails() {
    }

    /**
     * Returns why {@code email} cannot be used as a subscriber address, or empty when it can. The
     * address must be a bare ASCII {@code name@domain} (no display name, no spaces, no line breaks)
     * with a dot in the domain, and pass Jakarta Mail's strict parser.
     */
    public static Optional<String> problem(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of("missing address; expected name@domain");
        }
        if (!isBareAddress(email)) {
            return Optional.of("invalid address \"" + printable(email) + "\"; expected name@domain");
        }
        return Optional.empty();
    }

    /** Returns {@code a***@example.org} for {@code ana@example.org}: enough to tell rows apart in a log. */
    public static String mask(String email) {
        if (email == null) {
            return "***";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    private static boolean isBareAddress(String email) {
        // Non-ASCII addresses need SMTPUTF8 (RFC 6531) end to end, which the sender does not negotiate.
        if (email.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@')) {
            return false;
        }
        String domain = email.substring(at + 1);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return false;
        }
        return parsesAsItself(email);
    }

    private static boolean parsesAsItself(String email) {
        try {
            InternetAddress parsed = new InternetAddress(email, true);
            return email.equals(parsed.getAddress()) && parsed.getPersonal() == null;
        } catch (AddressException e) {
            return false;
        }
    }

    /** Shows line breaks and tabs escaped so a bad value cannot break the line of a report. */
    static String printable(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
