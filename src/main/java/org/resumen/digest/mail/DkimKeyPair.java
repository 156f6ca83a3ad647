package org.resumen.digest.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A new RSA key pair for DKIM ({@code digest dkim keygen}): the private key as PKCS#8 PEM for
 * {@code dkim.private-key}, the public key as PEM, and the TXT record (RFC 6376 3.6.1) to publish at
 * {@code SELECTOR._domainkey.DOMAIN}.
 */
public final class DkimKeyPair {
    private final KeyPair pair;

    private DkimKeyPair(KeyPair pair) {
        this.pair = pair;
    }

    public static DkimKeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return new DkimKeyPair(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this Java runtime", e);
        }
    }

    public String privatePem() {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    public String publicPem() {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** The TXT record's text, {@code v=DKIM1; k=rsa; p=BASE64}. */
    public String txtValue() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /**
     * A zone-file line for the record: one TXT string holds at most 255 characters (RFC 1035
     * 3.3.14), so the value is given as several quoted strings that resolvers join.
     */
    public String zoneLine(String selector, String domain) {
        List<String> pieces = new ArrayList<>();
        String value = txtValue();
        for (int i = 0; i < value.length(); i += 200) {
            pieces.add("\"" + value.substring(i, Math.min(value.length(), i + 200)) + "\"");
        }
        return selector + "._domainkey." + domain + ". IN TXT ( " + String.join(" ", pieces) + " )";
    }

    /**
     * Writes {@code SELECTOR.private.pem} (owner read/write only where the file system allows) and
     * {@code SELECTOR.public.pem} into {@code folder}; refuses to overwrite either.
     */
    public List<Path> write(Path folder, String selector) {
        Path privateFile = folder.resolve(selector + ".private.pem");
        Path publicFile = folder.resolve(selector + ".public.pem");
        for (Path file : List.of(privateFile, publicFile)) {
            if (Files.exists(file)) {
                throw new DkimException(file + " already exists; not overwritten (a published key would stop matching)."
                        + " Choose another --selector or --out folder");
            }
        }
        try {
            Files.createDirectories(folder);
            writeNew(privateFile, privatePem(), true);
            writeNew(publicFile, publicPem(), false);
            return List.of(privateFile, publicFile);
        } catch (FileAlreadyExistsException e) {
            throw new DkimException(e.getFile() + " already exists; not overwritten", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the DKIM key into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void writeNew(Path file, String text, boolean secret) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
