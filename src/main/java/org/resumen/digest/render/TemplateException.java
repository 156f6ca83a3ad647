package org.resumen.digest.render;

import org.resumen.digest.DigestException;

/** A template cannot be parsed or rendered; the message names the template file and line. */
public class TemplateException extends DigestException {
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
