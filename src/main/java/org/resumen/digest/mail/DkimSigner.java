package org.resumen.digest.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;

/**
 * RSA-SHA256 DKIM signatures (RFC 6376), relaxed/relaxed, computed by Apache James jDKIM over a
 * message's final wire bytes: the header fields are read from those bytes and the body is streamed
 * to jDKIM's body hasher as it is, so the message is never parsed as MIME. The signature header is
 * put in front, folded at the spaces jDKIM writes between tags (and inside b=, whose value a
 * verifier removes before hashing), so the signed text is unchanged by the folding.
 */
final class DkimSigner implements MessageSigner {
    /**
     * The fields covered by h=. Both one-click fields are in it: RFC 8058 section 4 counts a
     * List-Unsubscribe-Post only when the DKIM signature covers it and List-Unsubscribe.
     */
    static final List<String> SIGNED_FIELDS = List.of("From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
            "Content-Type", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Feedback-ID");
    private static final int LINE = 76;
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private final DKIMSigner signer;
    private final String template;

    DkimSigner(String domain, String selector, DkimKey key) {
        this.signer = new DKIMSigner(template(domain, selector), key.privateKey());
        this.template = template(domain, selector);
    }

    private static String template(String domain, String selector) {
        return "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + "; h=" + String.join(":", SIGNED_FIELDS) + "; bh=; b=;";
    }

    @Override
    public byte[] sign(byte[] message) {
        int headerEnd = indexOf(message, CRLF_CRLF);
        if (headerEnd < 0) {
            throw new DkimException("cannot sign a message without a blank line between header and body");
        }
        int bodyStart = headerEnd + CRLF_CRLF.length;
        try {
            SignatureRecord record = signer.newSignatureRecordTemplate(template);
            BodyHasher body = signer.newBodyHasher(record);
            try (OutputStream out = body.getOutputStream()) {
                out.write(message, bodyStart, message.length - bodyStart);
            }
            String field = signer.sign(new WireHeaders(message, headerEnd), body);
            byte[] header = fold(field).getBytes(StandardCharsets.US_ASCII);
            byte[] signed = new byte[header.length + message.length];
            System.arraycopy(header, 0, signed, 0, header.length);
            System.arraycopy(message, 0, signed, header.length, message.length);
            return signed;
        } catch (PermFailException e) {
            throw new DkimException("DKIM signing failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * "DKIM-Signature: v=1; a=…; b=…;" folded under {@value #LINE} characters where it can be: a fold
     * replaces a space between tags (relaxed canonicalisation reads CRLF+TAB+… as that one space);
     * b= is cut into pieces anywhere, since its whole value is removed before the signature is checked.
     */
    static String fold(String field) {
        String[] tags = field.substring(field.indexOf(':') + 1).trim().split(" ");
        StringBuilder out = new StringBuilder(field.length() + 64).append("DKIM-Signature:");
        int lineLength = out.length();
        for (String tag : tags) {
            if (tag.startsWith("b=")) {
                out.append("\r\n\tb=");
                String value = tag.substring(2);
                int room = LINE - 3;
                for (int i = 0; i < value.length(); room = LINE - 1) {
                    int end = Math.min(value.length(), i + room);
                    out.append(value, i, end);
                    lineLength = (room == LINE - 3 ? 3 : 1) + end - i;
                    i = end;
                    if (i < value.length()) {
                        out.append("\r\n\t");
                    }
                }
                continue;
            }
            if (lineLength + 1 + tag.length() > LINE) {
                out.append("\r\n\t").append(tag);
                lineLength = 1 + tag.length();
            } else {
                out.append(' ').append(tag);
                lineLength += 1 + tag.length();
            }
        }
        return out.append("\r\n").toString();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
