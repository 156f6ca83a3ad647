/** Editions: the window and selection rule, the frozen snapshot of the articles one issue carries. */
package org.resumen.digest.edition;
