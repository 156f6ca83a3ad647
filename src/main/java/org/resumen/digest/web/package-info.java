/**
 * The HTTP side of {@code digest serve} (Javalin): the subscriber pages behind the links of every
 * digest, and the operations endpoints; handlers only parse, call a use case and render.
 */
package org.resumen.digest.web;
