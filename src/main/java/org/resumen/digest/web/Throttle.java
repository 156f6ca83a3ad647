package org.resumen.digest.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * At most {@code limit} events per key (an IP address, an e-mail address, an account) within a
 * sliding {@code window}: against bots, mail bombing and password guessing. Kept in memory, so a
 * restart forgets it; keys whose events all aged out are dropped, so memory stays bounded by traffic.
 */
final class Throttle {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new HashMap<>();

    Throttle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Records an event for {@code key} and says whether it is within the limit (false: refuse it, not recorded). */
    synchronized boolean tryAcquire(String key) {
        if (blocked(key)) {
            return false;
        }
        record(key);
        return true;
    }

    /** Whether {@code key} has used up its events in the current window. */
    synchronized boolean blocked(String key) {
        Deque<Instant> seen = recent(key);
        return seen != null && seen.size() >= limit;
    }

    /** Counts an event (a failed login) for {@code key}. */
    synchronized void record(String key) {
        events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(clock.instant());
        if (events.size() > 10_000) {
            forgetOld();
        }
    }

    /** Forgets the events of {@code key} (a successful login clears the account's failures). */
    synchronized void clear(String key) {
        events.remove(key);
    }

    private Deque<Instant> recent(String key) {
        Deque<Instant> seen = events.get(key);
        if (seen == null) {
            return null;
        }
        Instant oldest = clock.instant().minus(window);
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(oldest)) {
            seen.removeFirst();
        }
        if (seen.isEmpty()) {
            events.remove(key);
            return null;
        }
        return seen;
    }

    private void forgetOld() {
        for (Iterator<String> keys = events.keySet().iterator(); keys.hasNext(); ) {
            String key = keys.next();
            Deque<Instant> seen = events.get(key);
            Instant oldest = clock.instant().minus(window);
            seen.removeIf(at -> !at.isAfter(oldest));
            if (seen.isEmpty()) {
                keys.remove();
            }
        }
    }
}
