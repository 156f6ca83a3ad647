package org.resumen.digest.config;

import org.resumen.digest.DigestException;

/** A configuration value is missing, unknown or invalid; the message names the key. */
public class ConfigException extends DigestException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
