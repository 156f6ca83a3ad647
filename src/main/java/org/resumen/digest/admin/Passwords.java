package org.resumen.digest.admin;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Password hashing with bcrypt (Spring Security's encoder, cost 12), and what a password must be. */
public final class Passwords {
    static final int SHORTEST = 10;
    // bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused.
    static final int LONGEST_BYTES = 72;
    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;

    public Passwords() {
        this(12);
    }

    Passwords(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    /** What is wrong with {@code password}, said so the operator can fix it; empty when usable. */
    public static Optional<String> problem(String password) {
        if (password == null || password.length() < SHORTEST) {
            return Optional.of("password too short; expected at least " + SHORTEST + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > LONGEST_BYTES) {
            return Optional.of("password too long; expected at most " + LONGEST_BYTES + " bytes (bcrypt reads no more)");
        }
        return Optional.empty();
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} matches {@code hash}; with no hash (unknown account) it spends the same time and fails. */
    boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > LONGEST_BYTES) {
            encoder.matches("x", dummyHash);
            return false;
        }
        return encoder.matches(password, hash == null ? dummyHash : hash) && hash != null;
    }
}
