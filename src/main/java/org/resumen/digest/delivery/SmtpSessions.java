package org.resumen.digest.delivery;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.resumen.digest.config.SmtpConfig;

/** The Jakarta Mail session for the configured SMTP server: timeouts always set, TLS as configured. */
final class SmtpSessions {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Also the wait for the reply to the final dot of DATA: RFC 5321 4.5.3.2.6 allows 10 minutes. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(10);
    static final Duration WRITE_TIMEOUT = Duration.ofMinutes(1);

    private SmtpSessions() {
    }

    static Session create(SmtpConfig smtp, String fromAddress) {
        Properties p = new Properties();
        String protocol = smtp.tls() == SmtpConfig.Tls.SSL ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail.from", fromAddress);
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", smtp.host());
        p.put(prefix + "port", Integer.toString(smtp.port()));
        p.put(prefix + "from", fromAddress);
        p.put(prefix + "connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        p.put(prefix + "timeout", Long.toString(READ_TIMEOUT.toMillis()));
        p.put(prefix + "writetimeout", Long.toString(WRITE_TIMEOUT.toMillis()));
        p.put(prefix + "auth", Boolean.toString(!smtp.username().isEmpty()));
        // The EHLO name (RFC 5321 4.1.1.1): smtp.helo, else the From domain; never the JVM's "localhost".
        p.put(prefix + "localhost", heloName(smtp, fromAddress));
        if (smtp.tls() == SmtpConfig.Tls.SSL) {
            p.put(prefix + "ssl.enable", "true");
            p.put(prefix + "ssl.checkserveridentity", "true");
            p.put(prefix + "ssl.socketFactory", new NoDelaySocketFactory(SSLSocketFactory.getDefault()));
        } else {
            p.put(prefix + "socketFactory", new NoDelaySocketFactory(SocketFactory.getDefault()));
        }
        if (smtp.tls() == SmtpConfig.Tls.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        return Session.getInstance(p);
    }

    static String heloName(SmtpConfig smtp, String fromAddress) {
        return smtp.helo() != null && !smtp.helo().isBlank() ? smtp.helo() : fromAddress.substring(fromAddress.indexOf('@') + 1);
    }
}
