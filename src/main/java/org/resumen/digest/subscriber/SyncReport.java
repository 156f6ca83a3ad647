package org.resumen.digest.subscriber;

/**
 * What a sync of the subscriber files into the database changed: {@code added} counts new addresses
 * and removed ones that came back, {@code stillUnsubscribed} listed addresses that stay unsubscribed.
 */
public record SyncReport(int added, int updated, int removed, int unchanged, int stillUnsubscribed) {
}
