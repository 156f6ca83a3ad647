package org.resumen.digest.delivery;

/** Receives the running counts of a send, from several threads; implementations must be thread-safe. */
public interface Progress {
    Progress NONE = (done, sent, failed, total) -> { };

    /** {@code failed} counts failed and rejected deliveries together. */
    void update(int done, int sent, int failed, int total);

    /** The counts with 5xx refusals ({@code rejected}) apart from other failures; by default folded together. */
    default void update(int done, int sent, int failed, int rejected, int total) {
        update(done, sent, failed + rejected, total);
    }
}
