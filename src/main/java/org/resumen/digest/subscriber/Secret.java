package org.resumen.digest.subscriber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.resumen.digest.DigestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The key that signs subscriber links: the configured {@code secret}, or one generated once under the data folder. */
public final class Secret {
    static final int MIN_CHARACTERS = 16;
    private static final int GENERATED_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(Secret.class);

    private Secret() {
    }

    /**
     * Returns the configured secret when it is not empty, else the one in {@code dataDir/secret},
     * creating that file (32 random bytes, base64, readable by the owner only) the first time.
     */
    public static byte[] loadOrCreate(String configured, Path dataDir) {
        if (configured != null && !configured.isEmpty()) {
            if (configured.length() < MIN_CHARACTERS) {
                throw new DigestException("secret must be at least " + MIN_CHARACTERS + " characters, got "
                        + configured.length() + "; set DIGEST_SECRET to a long random value, or leave it empty"
                        + " to have one generated in " + dataDir.resolve("secret"));
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve("secret").toAbsolutePath();
        if (!Files.exists(file)) {
            create(file);
        }
        return read(file);
    }

    private static void create(Path file) {
        byte[] random = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(random);
        byte[] content = Base64.getEncoder().encode(random);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "secret", ".tmp", ownerOnly(file));
            Files.write(temp, content);
            moveUnlessPresent(temp, file);
        } catch (IOException e) {
            throw new DigestException("secret: cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    private static void moveUnlessPresent(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file);
            LOG.info("Created a new link secret in {}; keep it: links already sent stop working without it", file);
        } catch (FileAlreadyExistsException e) {
            // another process created it first; its secret wins so both sign the same links
            Files.delete(temp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static byte[] read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1).trim();
        } catch (IOException e) {
            throw new DigestException("secret: cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length >= MIN_CHARACTERS) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new DigestException("secret: " + file + " does not hold a base64 key of at least " + MIN_CHARACTERS
                + " bytes; delete it to generate a new one (links already sent will stop working)");
    }
}
