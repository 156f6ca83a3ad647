package org.resumen.digest.delivery;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What went wrong with one send: the SMTP reply code (0 when there was none, e.g. a lost or refused
 * connection) and the reply text. 5xx is permanent (RFC 5321 4.2.1); 4xx and no reply are temporary.
 * {@code aboutTheRecipient}: the reply was to RCPT TO for one recipient.
 */
record SmtpFailure(int code, String reply, boolean aboutTheSender, boolean aboutTheRecipient) {
    /** A greeting refused with a code: Angus says "Got bad greeting from SMTP host: …, response: 421 …". */
    private static final java.util.regex.Pattern GREETING = java.util.regex.Pattern.compile("bad greeting.*response: (\\d{3})\\b");
    /** An enhanced status code 4.7.x (RFC 3463: security or policy status) at the start of the reply text. */
    private static final java.util.regex.Pattern POLICY = java.util.regex.Pattern.compile("^4\\d\\d[ -]4\\.7\\.\\d{1,3}\\b.*");

    SmtpFailure(int code, String reply, boolean aboutTheSender) {
        this(code, reply, aboutTheSender, false);
    }

    /**
     * The server asks us to slow down rather than refusing this message: a 421 (RFC 5321 3.8: service
     * not available, closing the channel; Gmail and Yahoo answer their rate limits so), or a 4.7.x
     * policy status not about one recipient. A 4.7.x to RCPT TO is greylisting (RFC 6647), which a
     * slower send does not help: that one is an ordinary temporary failure of that recipient.
     */
    boolean throttle() {
        return code == 421 || (!aboutTheRecipient && POLICY.matcher(reply).matches());
    }

    /**
     * A 5xx about this recipient or this message. A refusal of the sender (MAIL FROM, e.g. "530
     * authentication required") says nothing about the recipient, so it is retried by later runs.
     */
    boolean permanent() {
        return code >= 500 && code < 600 && !aboutTheSender;
    }

    static SmtpFailure of(MessagingException e) {
        for (Exception x = e; x != null; x = next(x)) {
            int code = codeOf(x);
            if (code > 0) {
                return new SmtpFailure(code, clean(x.getMessage(), code), x instanceof SMTPSenderFailedException,
                        x instanceof SMTPAddressFailedException);
            }
        }
        java.util.regex.Matcher greeting = GREETING.matcher(String.valueOf(e.getMessage()));
        if (greeting.find()) {
            int code = Integer.parseInt(greeting.group(1));
            // A server refusing the connection itself says nothing about the recipient: never permanent for them.
            return new SmtpFailure(code, clean(e.getMessage().substring(greeting.start(1)), code), true, false);
        }
        return new SmtpFailure(0, describe(e), false);
    }

    private static int codeOf(Exception x) {
        if (x instanceof SMTPAddressFailedException a) {
            return a.getReturnCode();
        }
        if (x instanceof SMTPSenderFailedException s) {
            return s.getReturnCode();
        }
        if (x instanceof SMTPSendFailedException s) {
            return s.getReturnCode();
        }
        return 0;
    }

    private static Exception next(Exception x) {
        if (x instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return x.getCause() instanceof Exception c && c != x ? c : null;
    }

    private static String clean(String message, int code) {
        String text = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        return text.startsWith(Integer.toString(code)) ? text : code + " " + text;
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? e.getMessage() : e.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return ("connection failed, no SMTP reply code: " + text).replaceAll("\\s+", " ").trim();
    }
}
