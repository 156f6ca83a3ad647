package org.resumen.digest.config;

/** Outgoing mail ({@code smtp.*}); an empty host means the embedded SMTP server. */
public record SmtpConfig(
        String host,
        int port,
        String username,
        String password,
        Tls tls,
        int connections,
        double maxPerSecond,
        String helo) {

    /** How the SMTP connection is secured. */
    public enum Tls { NONE, STARTTLS, SSL }

    /** Without an EHLO name of its own (it then comes from the From domain). */
    public SmtpConfig(String host, int port, String username, String password, Tls tls, int connections, double maxPerSecond) {
        this(host, port, username, password, tls, connections, maxPerSecond, "");
    }

    public boolean embedded() {
        return host == null || host.isBlank();
    }

    /** The same settings pointing at another server (used when the embedded server picks its port). */
    public SmtpConfig withServer(String newHost, int newPort) {
        return new SmtpConfig(newHost, newPort, username, password, tls, connections, maxPerSecond, helo);
    }

    @Override
    public String toString() {
        return "SmtpConfig[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null || password.isEmpty() ? "" : "***")
                + ", tls=" + tls + ", connections=" + connections + ", maxPerSecond=" + maxPerSecond + ", helo=" + helo + "]";
    }
}
