package org.resumen.digest.delivery;

import java.security.SecureRandom;

/** Names for the claims a run makes: which machine and process, and which run of it. */
final class Nodes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nodes() {
    }

    /** "host:pid:run", e.g. "node-a:4711:3f9c2a": one per send, so a run never retakes its own failures. */
    static String runId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + ":" + ProcessHandle.current().pid() + ":" + Integer.toHexString(RANDOM.nextInt() & 0xFFFFFF);
    }
}
