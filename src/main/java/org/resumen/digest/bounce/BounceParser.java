package org.resumen.digest.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a DSN (RFC 3464: multipart/report; report-type=delivery-status, with a message/delivery-status
 * part of Action, Status and Diagnostic-Code fields) or an ARF complaint (RFC 5965: report-type=
 * feedback-report), collecting every address that may carry the VERP token (To, Delivered-To,
 * X-Original-To, Original-Recipient) and the original Message-ID.
 */
final class BounceParser {
    private BounceParser() {
    }

    static Bounce parse(Message message) throws MessagingException, IOException {
        List<String> addresses = new ArrayList<>();
        for (String header : new String[] {"Delivered-To", "X-Original-To", "To"}) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String v : values) {
                    for (String a : v.split(",")) {
                        addresses.add(bare(a));
                    }
                }
            }
        }
        if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof Multipart report)) {
            return new Bounce(Bounce.Kind.UNKNOWN, null, null, addresses, null);
        }
        String type = message.getContentType().toLowerCase(Locale.ROOT);
        String originalId = null;
        InternetHeaders fields = null;
        boolean feedback = type.contains("feedback-report");
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/feedback-report")) {
                fields = statusFields(part);
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                originalId = originalHeader(part, "Message-ID");
                if (feedback) {
                    String to = originalHeader(part, "To");
                    if (to != null) {
                        addresses.add(bare(to));
                    }
                }
            }
        }
        if (feedback) {
            return new Bounce(Bounce.Kind.COMPLAINT, null, fields == null ? null : fields.getHeader("Feedback-Type", null),
                    addresses, originalId);
        }
        if (fields == null) {
            return new Bounce(Bounce.Kind.UNKNOWN, null, null, addresses, originalId);
        }
        String recipient = fields.getHeader("Original-Recipient", null);
        if (recipient != null) {
            addresses.add(bare(recipient.replaceFirst("(?i)^rfc822;", "")));
        }
        String action = value(fields, "Action");
        String status = value(fields, "Status");
        String diagnostic = fields.getHeader("Diagnostic-Code", null);
        Bounce.Kind kind;
        if ("delayed".equals(action)) {
            kind = Bounce.Kind.DELAYED;
        } else if ("failed".equals(action) && status.startsWith("5")) {
            kind = Bounce.Kind.HARD;
        } else if ("failed".equals(action) && status.startsWith("4")) {
            kind = Bounce.Kind.SOFT;
        } else {
            kind = Bounce.Kind.UNKNOWN;
        }
        return new Bounce(kind, status.isEmpty() ? null : status, diagnostic, addresses, originalId);
    }

    /** The per-message and per-recipient field groups of a status part, read as one header block. */
    private static InternetHeaders statusFields(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        // the groups are separated by blank lines: join them so every field is in one block
        String joined = new String(bytes, StandardCharsets.US_ASCII).replaceAll("(\r?\n){2,}", "\r\n") + "\r\n\r\n";
        return new InternetHeaders(new ByteArrayInputStream(joined.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String originalHeader(Part part, String name) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Message original) {
            String[] values = original.getHeader(name);
            return values == null ? null : values[0].trim();
        }
        try (InputStream in = part.getInputStream()) {
            return new InternetHeaders(in).getHeader(name, null);
        }
    }

    private static String value(InternetHeaders fields, String name) {
        String v = fields.getHeader(name, null);
        return v == null ? "" : v.trim().toLowerCase(Locale.ROOT).split("[\\s(]")[0];
    }

    private static String bare(String address) {
        String a = address.trim();
        int lt = a.indexOf('<');
        int gt = a.lastIndexOf('>');
        return lt >= 0 && gt > lt ? a.substring(lt + 1, gt) : a;
    }
}
