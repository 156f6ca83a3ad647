package org.resumen.digest;

/**
 * The command as given is refused before anything was done (an unknown subscriber, a date in the
 * future, a send that would take the day's edition from the schedule): the command line exits 2,
 * like wrong arguments, and the message says what to do instead.
 */
public class RefusedException extends DigestException {
    private final String key;
    private final transient Object[] args;

    public RefusedException(String message) {
        this(message, null);
    }

    /**
     * {@code key} and {@code args}: the same refusal as a message of the messages files, for the
     * pages (in the reader's language); {@code message} stays the operator's English line.
     */
    public RefusedException(String message, String key, Object... args) {
        super(message);
        this.key = key;
        this.args = args.clone();
    }

    /** The messages-file key of this refusal, or null when it has none. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
