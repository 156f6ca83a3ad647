package org.resumen.digest.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one message with the retry policy: 5xx ends at once, 4xx and lost connections are retried
 * after a pause. A throttling reply (421, 4.7.x) is not counted as an attempt: it slows the whole
 * send down ({@link RateLimiter#throttled}) and the message is tried again when the slower rate
 * lets it, at most {@link #MAX_THROTTLES} times. Every attempt is recorded in the run's {@link ErrorBudget}.
 */
final class Attempts {
    /** Throttling replies one message may get before it goes back to the due pool for a later run. */
    static final int MAX_THROTTLES = 5;

    private final RetryPolicy policy;
    private final RateLimiter limiter;
    private final ErrorBudget budget;

    /** Unpaced, with a budget of its own: for a single test send. */
    Attempts(RetryPolicy policy) {
        this(policy, new RateLimiter(0), new ErrorBudget());
    }

    Attempts(RetryPolicy policy, RateLimiter limiter, ErrorBudget budget) {
        this.policy = policy;
        this.limiter = limiter;
        this.budget = budget;
    }

    Outcome deliver(MailConnection connection, MimeMessage message) throws InterruptedException {
        SmtpFailure last = null;
        int attempt = 0;
        int throttles = 0;
        limiter.acquire();
        while (true) {
            try {
                String reply = connection.send(message);
                limiter.succeeded();
                budget.record(false, reply);
                return new Outcome.Sent(message.getMessageID(), reply, attempt + 1);
            } catch (MessagingException e) {
                // After a failure mid-transaction the connection is in an unknown state
                // ("503 sender already specified" if reused): start the next try on a new one.
                connection.close();
                last = SmtpFailure.of(e);
            }
            if (last.throttle()) {
                limiter.throttled();
                if (++throttles >= MAX_THROTTLES) {
                    return new Outcome.Throttled(last.reply(), attempt);
                }
                limiter.acquire();
                continue;
            }
            attempt++;
            budget.record(!last.permanent(), last.reply());
            if (last.permanent()) {
                return new Outcome.Rejected(last.reply(), attempt);
            }
            if (attempt >= policy.attempts() || budget.exhausted().isPresent()) {
                return new Outcome.Failed(last.reply(), attempt, last.code() == 0 || last.aboutTheSender());
            }
            Thread.sleep(policy.pauseBefore(attempt + 1).toMillis());
        }
    }
}
