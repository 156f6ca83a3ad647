package org.resumen.digest.delivery;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What went wrong with one send: the SMTP reply code (0 when there was none, e.g. a lost or refused
 * connection) and the reply text. 5xx is permanent (RFC 5321 4.2.1); 4xx and no reply are temporary.
 */
record SmtpFailure(int code, String reply, boolean aboutTheSender) {
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
                return new SmtpFailure(code, clean(x.getMessage(), code), x instanceof SMTPSenderFailedException);
            }
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
