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
        WebConfig web,
        DkimConfig dkim,
        BouncesConfig bounces,
        MailboxConfig unsubscribeMailbox,
        String origin) {

    /** Where the values came from, for error messages: "digest.yml" or "built-in defaults". */
    public String origin() {
        return origin;
    }

    /** The same configuration sending through another SMTP server (the embedded one, say). */
    public Config withSmtp(SmtpConfig other) {
        return new Config(newsletter, sources, subscribers, templates, other, database, secret, web, dkim, bounces,
                unsubscribeMailbox, origin);
    }

    /** The same configuration on another database (tests, PostgreSQL). */
    public Config withDatabase(DatabaseConfig other) {
        return new Config(newsletter, sources, subscribers, templates, smtp, other, secret, web, dkim, bounces,
                unsubscribeMailbox, origin);
    }
}
