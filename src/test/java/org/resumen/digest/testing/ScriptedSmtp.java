package org.resumen.digest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A SubEtha SMTP server on 127.0.0.1 that accepts everything except the recipients it was told to
 * refuse: always (like a 550 for an unknown mailbox), only the first time (like 451 greylisting), or
 * at the end of the message data (like a 554 from a content filter); and, server-wide, the first
 * transactions throttled (421, connection closed) or every transaction deferred until told otherwise.
 */
public final class ScriptedSmtp implements AutoCloseable {
    private record Refusal(int code, String text, int times) {
    }

    private final ReceivedMail received;
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final Map<String, Refusal> messageRefusals = new ConcurrentHashMap<>();
    private final java.util.Set<String> sessionsWithMail = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> acceptedPerHelo = new ConcurrentHashMap<>();
    private final List<String> envelopeSenders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger throttleLeft = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile String throttleText = "";
    private volatile Refusal everySender;
    private SMTPServer server;

    private ScriptedSmtp(ReceivedMail received) {
        this.received = received;
    }

    /** A server not yet started that records into {@code received}. */
    public static ScriptedSmtp recordingInto(ReceivedMail received) {
        return new ScriptedSmtp(received);
    }

    /** Answers RCPT TO for {@code address} with {@code code text} every time. */
    public ScriptedSmtp refusingAlways(String address, int code, String text) {
        refusals.put(address.toLowerCase(Locale.ROOT), new Refusal(code, text, Integer.MAX_VALUE));
        return this;
    }

    /** Answers RCPT TO for {@code address} with {@code code text} the first time, accepts it later. */
    public ScriptedSmtp refusingOnce(String address, int code, String text) {
        refusals.put(address.toLowerCase(Locale.ROOT), new Refusal(code, text, 1));
        return this;
    }

    /** Accepts RCPT TO for {@code address} but answers the end of its message data with {@code code text}. */
    public ScriptedSmtp refusingMessagesTo(String address, int code, String text) {
        messageRefusals.put(address.toLowerCase(Locale.ROOT), new Refusal(code, text, Integer.MAX_VALUE));
        return this;
    }

    /** Answers MAIL FROM of the first {@code transactions} with {@code 421 text} and closes the connection (RFC 5321 3.8). */
    public ScriptedSmtp throttlingFirst(int transactions, String text) {
        throttleLeft.set(transactions);
        throttleText = text;
        return this;
    }

    /** How many transactions were throttled. */
    public int throttled() {
        return throttled.get();
    }

    /** Answers every MAIL FROM with {@code code text} (a server in trouble) until {@link #acceptingEveryone()}. */
    public ScriptedSmtp deferringEveryone(int code, String text) {
        everySender = new Refusal(code, text, Integer.MAX_VALUE);
        return this;
    }

    /** Ends {@link #deferringEveryone}. */
    public ScriptedSmtp acceptingEveryone() {
        everySender = null;
        return this;
    }

    /** From now on accepts {@code address} again (a greylisting that ended, a mailbox that came back). */
    public ScriptedSmtp acceptingAgain(String address) {
        refusals.remove(address.toLowerCase(Locale.ROOT));
        messageRefusals.remove(address.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Starts listening on {@code port} (0 = any free port). */
    public ScriptedSmtp start(int port) {
        server = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .messageHandlerFactory(this::handler)
                .build();
        server.start();
        return this;
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** How many SMTP sessions (connections) delivered at least one message. */
    public int sessionsWithMail() {
        return sessionsWithMail.size();
    }

    /** Messages accepted per EHLO/HELO name the client gave (which node delivered them, with smtp.helo per node). */
    public Map<String, Integer> acceptedPerHelo() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        acceptedPerHelo.forEach((helo, count) -> counts.put(helo, count.get()));
        return counts;
    }

    /** Every MAIL FROM address received, in order (VERP checks). */
    public List<String> envelopeSenders() {
        return List.copyOf(envelopeSenders);
    }

    @Override
    public void close() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            private final List<String> recipients = new ArrayList<>();

            @Override
            public void from(String from) throws RejectException {
                if (throttleLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throttled.incrementAndGet();
                    throw new org.subethamail.smtp.DropConnectionException(421, throttleText);
                }
                Refusal refusal = everySender;
                if (refusal != null) {
                    throw new RejectException(refusal.code(), refusal.text());
                }
                envelopeSenders.add(from);
            }

            @Override
            public void recipient(String recipient) throws RejectException {
                String address = recipient.toLowerCase(Locale.ROOT);
                received.recipientCommand(address);
                Refusal refusal = refusals.get(address);
                if (refusal != null && refused.computeIfAbsent(address, a -> new AtomicInteger()).getAndIncrement() < refusal.times()) {
                    throw new RejectException(refusal.code(), refusal.text());
                }
                recipients.add(address);
            }

            @Override
            public String data(InputStream data) throws IOException, RejectException {
                data.readAllBytes();
                for (String address : recipients) {
                    Refusal refusal = messageRefusals.get(address);
                    if (refusal != null) {
                        throw new RejectException(refusal.code(), refusal.text());
                    }
                }
                recipients.forEach(received::accepted);
                sessionsWithMail.add(context.getSessionId());
                acceptedPerHelo.computeIfAbsent(context.getHelo().orElse(""), h -> new AtomicInteger()).addAndGet(recipients.size());
                return null;
            }

            @Override
            public void done() {
            }
        };
    }
}
