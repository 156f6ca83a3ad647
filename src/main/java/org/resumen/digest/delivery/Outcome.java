package org.resumen.digest.delivery;

/** How one delivery ended in this run. */
sealed interface Outcome {
    int attempts();

    /** The server's last reply, or what happened when there was none. */
    String reply();

    /** Accepted by the server; {@code reply} is its answer to the final dot. */
    record Sent(String messageId, String reply, int attempts) implements Outcome {
    }

    /** Refused for good (5xx): not retried by later runs. */
    record Rejected(String reply, int attempts) implements Outcome {
    }

    /**
     * Temporary failures until the attempts ran out: a later run tries again. {@code serverWide}: the
     * last one was not about this recipient (no connection, or the sender refused).
     */
    record Failed(String reply, int attempts, boolean serverWide) implements Outcome {
    }

    /**
     * The server kept asking us to slow down (421, 4.7.x) until {@link Attempts#MAX_THROTTLES} tries:
     * the message goes back to the due pool. {@code attempts}: tries that failed otherwise meanwhile.
     */
    record Throttled(String reply, int attempts) implements Outcome {
    }
}
