package org.resumen.digest.delivery;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Message-IDs at the From domain (RFC 5322 3.6.4) and MIME boundaries, unique across processes and nodes. */
final class MessageIds {
    private final String domain;
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    MessageIds(String domain) {
        this.domain = domain;
        // A random part per process keeps two processes (or nodes) started in the same millisecond apart.
        this.prefix = Long.toString(System.currentTimeMillis(), 36) + "." + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    }

    String next() {
        return "<" + prefix + "." + counter.incrementAndGet() + "@" + domain + ">";
    }

    String boundary() {
        return "=_digest_" + prefix + "_" + counter.incrementAndGet();
    }
}
