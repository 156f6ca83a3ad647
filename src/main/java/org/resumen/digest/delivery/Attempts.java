package org.resumen.digest.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Sends one message with the retry policy: 5xx ends at once, 4xx and lost connections are retried after a pause. */
final class Attempts {
    private final RetryPolicy policy;

    Attempts(RetryPolicy policy) {
        this.policy = policy;
    }

    Outcome deliver(MailConnection connection, MimeMessage message) throws InterruptedException {
        SmtpFailure last = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (attempt > 1) {
                Thread.sleep(policy.pauseBefore(attempt).toMillis());
            }
            try {
                String reply = connection.send(message);
                return new Outcome.Sent(message.getMessageID(), reply, attempt);
            } catch (MessagingException e) {
                // After a failure mid-transaction the connection is in an unknown state
                // ("503 sender already specified" if reused): start the next try on a new one.
                connection.close();
                last = SmtpFailure.of(e);
                if (last.permanent()) {
                    return new Outcome.Rejected(last.reply(), attempt);
                }
            }
        }
        return new Outcome.Failed(last.reply(), policy.attempts(), last.code() == 0 || last.aboutTheSender());
    }
}
