/** Quartz set-up and the thin job that runs the send use case. */
package org.resumen.digest.schedule;
