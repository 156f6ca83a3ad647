/** Subscribers: CSV files, their sync into the database, unsubscribes and signed link tokens. */
package org.resumen.digest.subscriber;
