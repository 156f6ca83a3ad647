package org.resumen.digest.delivery;

import java.security.SecureRandom;

/** Names for the claims a run makes: which machine and process, and which run of it. */
final class Nodes {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The machine: $HOSTNAME where the shell sets it, else the host's own name (a systemd service has no HOSTNAME). */
    private static final String HOST = host();

    private Nodes() {
    }

    /** "host:pid:run", e.g. "node-a:4711:3f9c2a": one per send, so a run never retakes its own failures. */
    static String runId() {
        return HOST + ":" + ProcessHandle.current().pid() + ":" + Integer.toHexString(RANDOM.nextInt() & 0xFFFFFF);
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
