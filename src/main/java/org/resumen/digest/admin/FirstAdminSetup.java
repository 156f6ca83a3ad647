package org.resumen.digest.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one-time setup link {@code serve} prints while no admin exists: valid {@link #VALID}, good
 * for creating exactly one account (the first admin), useless once any admin exists.
 */
public final class FirstAdminSetup {
    public static final Duration VALID = Duration.ofHours(1);

    private final Admins admins;
    private final Clock clock;
    private String token;
    private Instant expires;

    public FirstAdminSetup(Admins admins, Clock clock) {
        this.admins = admins;
        this.clock = clock;
    }

    /** A fresh setup token when no admin exists yet; empty otherwise. */
    public synchronized Optional<String> open() {
        if (admins.any()) {
            return Optional.empty();
        }
        token = AdminSessions.randomToken();
        expires = clock.instant().plus(VALID);
        return Optional.of(token);
    }

    /** Whether {@code given} is the live setup token and no admin exists yet. */
    public synchronized boolean accepts(String given) {
        return token != null && clock.instant().isBefore(expires) && AdminSessions.same(given, token) && !admins.any();
    }

    /** Creates the first admin (role admin) with the token, which is then spent; problems as {@link Admins#add}. */
    public synchronized Admin create(String given, String email, String password) {
        if (!accepts(given)) {
            throw new IllegalStateException("setup token not valid");
        }
        Admin admin = admins.add(email, password, Role.ADMIN);
        token = null;
        return admin;
    }
}
