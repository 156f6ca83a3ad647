package org.resumen.digest.subscriber;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * VERP envelope senders: with {@code bounces.address} = bounces@example.org a message to subscriber
 * 42 goes out with MAIL FROM bounces+TOKEN@example.org, TOKEN signed for {@link Tokens.Purpose#BOUNCE},
 * so a bounce arriving there names its subscriber and a forged or altered address names nobody.
 */
public final class Verp {
    private final String local;
    private final String domain;
    private final Tokens tokens;

    /** {@code base}: a bare address like bounces@example.org (checked by ConfigBinder). */
    public Verp(String base, Tokens tokens) {
        int at = base.lastIndexOf('@');
        if (at <= 0 || at == base.length() - 1) {
            throw new IllegalArgumentException("bounces.address must be an address like bounces@example.org, got " + base);
        }
        this.local = base.substring(0, at);
        this.domain = base.substring(at + 1);
        this.tokens = tokens;
    }

    /** The envelope sender of a message to {@code subscriberId}: one HMAC per message, nothing parsed. */
    public String address(long subscriberId) {
        return local + "+" + tokens.issue(subscriberId, Tokens.Purpose.BOUNCE) + "@" + domain;
    }

    /**
     * The subscriber a VERP address (as found in To, Delivered-To or X-Original-To, angle brackets
     * allowed) was issued to; empty for any other address, another domain, or a tampered token.
     */
    public OptionalLong match(String address) {
        if (address == null) {
            return OptionalLong.empty();
        }
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        String prefix = local + "+";
        if (at < 0 || !a.substring(at + 1).toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT))
                || !a.startsWith(prefix) || at < prefix.length()) {
            return OptionalLong.empty();
        }
        return tokens.verify(a.substring(prefix.length(), at), Tokens.Purpose.BOUNCE);
    }
}
