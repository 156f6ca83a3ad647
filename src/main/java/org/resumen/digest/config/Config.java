package org.resumen.digest.config;

import java.nio.file.Path;
import java.util.List;

/** The whole, validated configuration of one run; built only by {@link ConfigLoader}. */
public record Config(
        NewsletterConfig newsletter,
        List<SourceConfig> sources,
        Path subscribers,
        Path templates,
        SmtpConfig smtp,
        DatabaseConfig database,
        String secret,
        String origin) {

    /** Where the values came from, for error messages: "digest.yml" or "built-in defaults". */
    public String origin() {
        return origin;
    }
}
