package org.resumen.digest.subscriber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.resumen.digest.DigestException;

/**
 * Signed link tokens: a subscriber id and an HMAC-SHA256 over (purpose, id), URL-safe base64
 * without padding, so a token cannot be forged, altered or reused for another subscriber or purpose.
 */
public final class Tokens {
    /** What a token lets its holder do; a token issued for one purpose is rejected for another. */
    public enum Purpose { UNSUBSCRIBE, PREFERENCES, WEB_VERSION, CONFIRM, BOUNCE, MUTE }

    /** What a mute token said: the subscriber, and the topic (section) they want less of. */
    public record Muted(long subscriberId, String topic) {
    }

    /** What an expiring token said: the subscriber id, and whether its time ran out. */
    public record Expiring(long subscriberId, boolean expired) {
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int ID_BYTES = Long.BYTES;
    // 128 bits of the MAC are plenty against forgery and keep links short; 24 bytes = 32 characters exactly.
    private static final int MAC_BYTES = 16;
    private static final int TOKEN_CHARS = 32;
    // id + expiry (epoch seconds) + MAC = 32 bytes = 43 characters, so it can never pass for a plain token.
    private static final int EXPIRING_CHARS = 43;

    private final SecretKeySpec key;
    /** A Mac per thread, keyed once: a lookup of the provider and a key set-up per token cost more than the HMAC. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public Tokens(byte[] key) {
        if (key == null || key.length < 16) {
            throw new DigestException("secret must be at least 16 bytes long to sign links");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String issue(long subscriberId, Purpose purpose) {
        ByteBuffer token = ByteBuffer.allocate(ID_BYTES + MAC_BYTES);
        token.putLong(subscriberId).put(mac(subscriberId, purpose));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** Returns the subscriber id the token was issued to for {@code purpose}, or empty for anything else. */
    public OptionalLong verify(String token, Purpose purpose) {
        byte[] bytes = token == null || token.length() != TOKEN_CHARS || purpose == null ? null : decode(token);
        if (bytes == null) {
            return OptionalLong.empty();
        }
        long id = ByteBuffer.wrap(bytes, 0, ID_BYTES).getLong();
        byte[] given = Arrays.copyOfRange(bytes, ID_BYTES, bytes.length);
        return MessageDigest.isEqual(given, mac(id, purpose)) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** A token that is good until {@code expires} (the confirmation link of a sign-up). */
    public String issue(long subscriberId, Purpose purpose, Instant expires) {
        ByteBuffer token = ByteBuffer.allocate(ID_BYTES + Long.BYTES + MAC_BYTES);
        token.putLong(subscriberId).putLong(expires.getEpochSecond()).put(mac(subscriberId, purpose, expires.getEpochSecond()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * The subscriber an expiring token was signed for, with whether it expired at {@code now}; empty
     * for a forged, altered or truncated token or one of another purpose.
     */
    public Optional<Expiring> verify(String token, Purpose purpose, Instant now) {
        byte[] bytes = token == null || token.length() != EXPIRING_CHARS || purpose == null ? null : decode(token);
        if (bytes == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long id = buffer.getLong();
        long expires = buffer.getLong();
        byte[] given = Arrays.copyOfRange(bytes, ID_BYTES + Long.BYTES, bytes.length);
        if (!MessageDigest.isEqual(given, mac(id, purpose, expires))) {
            return Optional.empty();
        }
        return Optional.of(new Expiring(id, now.getEpochSecond() >= expires));
    }

    /**
     * The "less of this" token of one subscriber and one topic: id, MAC over (MUTE, id, topic) and
     * the topic's UTF-8 bytes, so the topic is read from the token itself and cannot be changed.
     */
    public String issueMute(long subscriberId, String topic) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        ByteBuffer token = ByteBuffer.allocate(ID_BYTES + MAC_BYTES + name.length);
        token.putLong(subscriberId).put(muteMac(subscriberId, name)).put(name);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** The subscriber and topic of a mute token; empty for a forged, altered or truncated one. */
    public Optional<Muted> verifyMute(String token) {
        byte[] bytes = token == null || token.length() <= TOKEN_CHARS || token.length() > 1_000 ? null : decode(token);
        if (bytes == null || bytes.length <= ID_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        long id = ByteBuffer.wrap(bytes, 0, ID_BYTES).getLong();
        byte[] given = Arrays.copyOfRange(bytes, ID_BYTES, ID_BYTES + MAC_BYTES);
        byte[] name = Arrays.copyOfRange(bytes, ID_BYTES + MAC_BYTES, bytes.length);
        if (!MessageDigest.isEqual(given, muteMac(id, name))) {
            return Optional.empty();
        }
        return Optional.of(new Muted(id, new String(name, StandardCharsets.UTF_8)));
    }

    private byte[] muteMac(long subscriberId, byte[] topic) {
        Mac mac = macs.get();
        mac.update(Purpose.MUTE.name().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update(ByteBuffer.allocate(ID_BYTES + Integer.BYTES).putLong(subscriberId).putInt(topic.length).array());
        mac.update(topic);
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    /** The bytes of a URL-safe base64 token, or null when it is not one. */
    private static byte[] decode(String token) {
        try {
            return Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(long subscriberId, Purpose purpose) {
        return mac(subscriberId, purpose, null);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private byte[] mac(long subscriberId, Purpose purpose, Long expires) {
        Mac mac = macs.get();
        mac.update(purpose.name().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update(ByteBuffer.allocate(ID_BYTES).putLong(subscriberId).array());
        if (expires != null) {
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(expires).array());
        }
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }
}
