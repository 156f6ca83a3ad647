package org.resumen.digest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * A SubEtha SMTP server on 127.0.0.1 that dies after accepting exactly {@code limit} messages: the
 * next transaction or message data to arrive stops the whole server, closing every connection
 * without a reply. A message whose data arrives then is not kept (the server crashed before storing it).
 * Every accepted message got its 250 reply before the crash, so the client knows exactly which
 * ones arrived.
 */
public final class CrashingSmtp implements AutoCloseable {
    private static final long WAIT_MILLIS = 5_000;

    private final ReceivedMail received;
    private final int limit;
    private final Object lock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private SMTPServer server;
    private int accepted;
    private int awaitingReply;
    private boolean crashing;

    private CrashingSmtp(ReceivedMail received, int limit) {
        this.received = received;
        this.limit = limit;
    }

    /** Starts on a free loopback port; records into {@code received}; dies after {@code limit} messages. */
    public static CrashingSmtp start(ReceivedMail received, int limit) {
        CrashingSmtp smtp = new CrashingSmtp(received, limit);
        smtp.server = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .messageHandlerFactory(smtp::handler)
                .build();
        smtp.server.start();
        return smtp;
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** True once the server has died and its port is free again. */
    public boolean awaitDeath() throws InterruptedException {
        return stopped.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    // The crash waits until every accepted message has had its reply written (done() runs after
    // the 250 goes out), so no message is both kept here and unknown to the client.
    private void crash() {
        synchronized (lock) {
            long until = System.currentTimeMillis() + WAIT_MILLIS;
            while (awaitingReply > 0 && System.currentTimeMillis() < until) {
                try {
                    lock.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        server.stop();
        stopped.countDown();
    }

    /** Starts the crash when the limit is reached; true once crashing. Called holding the lock. */
    private boolean crashingOnceFull() {
        if (!crashing && accepted >= limit) {
            crashing = true;
            new Thread(this::crash, "smtp-crash").start();
        }
        return crashing;
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            private final List<String> recipients = new ArrayList<>();
            private boolean kept;

            @Override
            public void from(String from) throws DropConnectionException {
                synchronized (lock) {
                    if (!crashingOnceFull()) {
                        return;
                    }
                }
                dieWith(context);
            }

            @Override
            public void recipient(String recipient) {
                recipients.add(recipient);
            }

            @Override
            public String data(InputStream data) throws IOException, DropConnectionException {
                data.readAllBytes();
                synchronized (lock) {
                    if (!crashingOnceFull()) {
                        recipients.forEach(received::accepted);
                        accepted++;
                        awaitingReply++;
                        kept = true;
                        return null;
                    }
                }
                dieWith(context);
                return null;
            }

            @Override
            public void done() {
                if (kept) {
                    synchronized (lock) {
                        awaitingReply--;
                        lock.notifyAll();
                    }
                }
            }
        };
    }

    // Holds the session until the dying server has closed its socket, so the client gets no reply.
    private static void dieWith(MessageContext context) throws DropConnectionException {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (!((Session) context).getSocket().isClosed() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new DropConnectionException(421, "4.3.2 server is going down");
    }
}
