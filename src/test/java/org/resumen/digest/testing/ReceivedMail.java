package org.resumen.digest.testing;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What SMTP test servers accepted, per recipient address; one instance may outlive several servers. */
public final class ReceivedMail {
    private final Map<String, AtomicInteger> messages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> recipientCommands = new ConcurrentHashMap<>();

    void recipientCommand(String address) {
        recipientCommands.computeIfAbsent(normal(address), a -> new AtomicInteger()).incrementAndGet();
    }

    void accepted(String address) {
        messages.computeIfAbsent(normal(address), a -> new AtomicInteger()).incrementAndGet();
    }

    /** Messages accepted for each address, sorted by address. */
    public Map<String, Integer> messagesPerRecipient() {
        Map<String, Integer> counts = new TreeMap<>();
        messages.forEach((address, count) -> counts.put(address, count.get()));
        return counts;
    }

    public int messagesTo(String address) {
        AtomicInteger count = messages.get(normal(address));
        return count == null ? 0 : count.get();
    }

    /** How often a client named the address in RCPT TO, accepted or not. */
    public int recipientCommandsFor(String address) {
        AtomicInteger count = recipientCommands.get(normal(address));
        return count == null ? 0 : count.get();
    }

    public int total() {
        return messages.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static String normal(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
