package org.resumen.digest.delivery;

/** Receives the running counts of a send, from several threads; implementations must be thread-safe. */
public interface Progress {
    Progress NONE = (done, sent, failed, total) -> { };

    void update(int done, int sent, int failed, int total);
}
