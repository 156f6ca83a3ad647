/** Delivery: MIME messages, SMTP sending over reused connections, retries, and the delivery ledger. */
package org.resumen.digest.delivery;
