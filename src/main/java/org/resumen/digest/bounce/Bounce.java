package org.resumen.digest.bounce;

import java.util.List;

/**
 * What one message in the bounce mailbox says. {@code HARD}: a permanent failure (DSN action failed
 * with a 5.x.x status); {@code SOFT}: a transient failure (action failed with 4.x.x); {@code DELAYED}:
 * a "still trying" notice (action delayed), recorded but never counted as a failure, since the mail
 * may yet arrive; {@code COMPLAINT}: an ARF abuse report; {@code UNKNOWN}: anything else (out of
 * office, unrelated mail), left in the mailbox untouched.
 */
record Bounce(Kind kind, String status, String diagnostic, List<String> addresses, String originalMessageId) {
    enum Kind { HARD, SOFT, DELAYED, COMPLAINT, UNKNOWN }

    Bounce {
        addresses = List.copyOf(addresses);
    }
}
