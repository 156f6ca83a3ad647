package org.resumen.digest.subscriber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
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
    public enum Purpose { UNSUBSCRIBE, PREFERENCES, WEB_VERSION }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int ID_BYTES = Long.BYTES;
    // 128 bits of the MAC are plenty against forgery and keep links short; 24 bytes = 32 characters exactly.
    private static final int MAC_BYTES = 16;
    private static final int TOKEN_CHARS = 32;

    private final SecretKeySpec key;

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
        if (token == null || token.length() != TOKEN_CHARS || purpose == null) {
            return OptionalLong.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        long id = ByteBuffer.wrap(bytes, 0, ID_BYTES).getLong();
        byte[] given = Arrays.copyOfRange(bytes, ID_BYTES, bytes.length);
        return MessageDigest.isEqual(given, mac(id, purpose)) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private byte[] mac(long subscriberId, Purpose purpose) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.name().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(ByteBuffer.allocate(ID_BYTES).putLong(subscriberId).array());
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
