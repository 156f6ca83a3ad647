package org.resumen.digest.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.resumen.digest.config.DkimConfig;

/**
 * The RSA private key of {@code dkim.private-key}: a path to a PKCS#8 PEM file ({@code BEGIN PRIVATE
 * KEY}), or the PEM itself (given through {@code DIGEST_DKIM_PRIVATE_KEY}). Keys under 2048 bits are
 * refused (RFC 8301 3.2: verifiers may reject them, and 1024-bit keys are breakable).
 */
public record DkimKey(RSAPrivateCrtKey privateKey, String source) {
    /** Shortest modulus accepted, in bits. */
    public static final int MIN_BITS = 2048;

    /** The key the configuration names; a {@link DkimException} naming it when it is unreadable or too short. */
    public static DkimKey load(DkimConfig config) {
        String value = config.privateKey() == null ? "" : config.privateKey().trim();
        if (value.isEmpty()) {
            throw new DkimException("dkim.private-key is empty but dkim.domain is " + config.domain()
                    + "; expected the path of a PKCS#8 PEM file, or the PEM in DIGEST_DKIM_PRIVATE_KEY"
                    + " (make one with: digest dkim keygen --selector " + orExample(config.selector()) + ")");
        }
        if (value.contains("-----BEGIN")) {
            return parse(value, "dkim.private-key (PEM from DIGEST_DKIM_PRIVATE_KEY)");
        }
        Path file = Path.of(value);
        String name = "dkim.private-key " + file;
        try {
            return parse(Files.readString(file, StandardCharsets.ISO_8859_1), name);
        } catch (IOException e) {
            throw new DkimException(name + ": cannot read the file (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); expected a readable PKCS#8 PEM private key", e);
        }
    }

    /** The bits of the modulus. */
    public int bits() {
        return privateKey.getModulus().bitLength();
    }

    static DkimKey parse(String pem, String source) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new DkimException(source + ": a PKCS#1 key (BEGIN RSA PRIVATE KEY); expected PKCS#8 (BEGIN PRIVATE KEY)."
                    + " Convert it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out dkim.pem");
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new DkimException(source + ": no \"-----BEGIN PRIVATE KEY-----\" block; expected a PKCS#8 PEM private key");
        }
        String body = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
        RSAPrivateCrtKey key;
        try {
            byte[] der = Base64.getDecoder().decode(body);
            key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new DkimException(source + ": not an RSA private key (" + e.getMessage() + "); expected a PKCS#8 PEM RSA key", e);
        }
        DkimKey parsed = new DkimKey(key, source);
        if (parsed.bits() < MIN_BITS) {
            throw new DkimException(source + ": the key has " + parsed.bits() + " bits; expected at least " + MIN_BITS
                    + " (make a new one with: digest dkim keygen --selector NEW)");
        }
        return parsed;
    }

    private static String orExample(String selector) {
        return selector == null || selector.isBlank() ? "resumen2026" : selector;
    }
}
