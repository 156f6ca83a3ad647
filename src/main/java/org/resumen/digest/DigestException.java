package org.resumen.digest;

/**
 * Root of the project's unchecked exceptions; its message is written for the person who must fix
 * the problem: it names the file, line, key or source, says what was wrong and what was expected.
 */
public class DigestException extends RuntimeException {
    public DigestException(String message) {
        super(message);
    }

    public DigestException(String message, Throwable cause) {
        super(message, cause);
    }
}
