/** The picocli command line: send, preview, ingest, serve, check, subscribers. */
package org.resumen.digest.cli;
