package org.resumen.digest.delivery;

import jakarta.mail.internet.InternetAddress;

/** Who a message goes to, and how the address may appear in logs (masked). */
record Recipient(InternetAddress address, String masked) {
}
