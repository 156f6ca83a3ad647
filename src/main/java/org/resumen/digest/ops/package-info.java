/** Watching the running service: the Prometheus metrics behind {@code /metrics}. */
package org.resumen.digest.ops;
