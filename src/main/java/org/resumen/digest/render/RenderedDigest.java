package org.resumen.digest.render;

/** One subscriber's rendered digest: the subject line (one line, no CR/LF), the HTML body and the plain-text body. */
public record RenderedDigest(String subject, String html, String text) {
}
