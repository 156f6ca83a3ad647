package org.resumen.digest.testing;

/** One row of the deliveries table, with the subscriber's address. */
public record DeliveryRow(String email, String status, int attempts, String smtpReply, String messageId) {
}
