package org.resumen.digest.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in admins: a random session id (the cookie) and a CSRF token per session, valid
 * {@link #LIFETIME}. Only a SHA-256 of the id is kept, so a memory dump holds no usable cookie.
 * Kept in memory: a restart of serve signs everybody out.
 */
public final class AdminSessions {
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session as the browser holds it: {@code id} goes in the cookie, {@code csrf} in every form. */
    public record Session(String id, Admin admin, String csrf, Instant expires) {
    }

    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final Clock clock;

    public AdminSessions(Clock clock) {
        this.clock = clock;
    }

    public Session start(Admin admin) {
        Session session = new Session(randomToken(), admin, randomToken(), clock.instant().plus(LIFETIME));
        byHash.put(hash(session.id()), session);
        return session;
    }

    /** The live session with this cookie value; an expired one is forgotten. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = hash(id);
        Session session = byHash.get(key);
        if (session != null && !clock.instant().isBefore(session.expires())) {
            byHash.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    public void end(String id) {
        if (id != null) {
            byHash.remove(hash(id));
        }
    }

    /** Ends every session of an account (it was removed). */
    public void endAll(long adminId) {
        byHash.values().removeIf(session -> session.admin().id() == adminId);
    }

    /** 256 random bits, URL-safe. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Compares two secrets in constant time (RFC 9110 leaves it to us: timing must not leak the token). */
    public static boolean same(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(String id) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
