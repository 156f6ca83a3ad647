package org.resumen.digest;

/**
 * The command as given is refused before anything was done (an unknown subscriber, a date in the
 * future, a send that would take the day's edition from the schedule): the command line exits 2,
 * like wrong arguments, and the message says what to do instead.
 */
public class RefusedException extends DigestException {
    public RefusedException(String message) {
        super(message);
    }
}
