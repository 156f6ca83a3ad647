/** Test fixtures shared by feature tests: demo files, a world at a fixed instant, scripted SMTP servers, ledger reads. */
package org.resumen.digest.testing;
