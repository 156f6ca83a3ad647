package org.resumen.digest.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.mail.MessageSigner;
import org.resumen.digest.render.DigestParts;
import org.resumen.digest.render.RenderedDigest;
import org.resumen.digest.render.Segment;

/**
 * Builds one digest message: multipart/alternative (text/plain first, text/html last), UTF-8,
 * From with display name, Message-ID at the From domain, Date, List-Id, List-Unsubscribe with the
 * one-click POST of RFC 8058, and Auto-Submitted (RFC 3834).
 */
final class MessageBuilder {
    private final InternetAddress from;
    private final String listId;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private final String fromHeader;
    private final MessageIds messageIds;
    private final Clock clock;
    private final MessageSigner signer;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private final java.time.ZoneId zone;
    private final String listSlug;
    private final String fromDomain;

    MessageBuilder(NewsletterConfig newsletter, Clock clock) {
        this(newsletter, clock, MessageSigner.NONE);
    }

    /** With {@code signer} applied once to each finished message (DKIM, when configured). */
    MessageBuilder(NewsletterConfig newsletter, Clock clock, MessageSigner signer) {
        this.signer = signer;
        this.zone = newsletter.timezone();
        this.from = parseFrom(newsletter.from());
        this.listId = listId(newsletter.name(), from.getAddress());
        this.fromDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        this.listSlug = slug(newsletter.name());
        this.fromHeader = toHeader(from);
        this.messageIds = new MessageIds(from.getAddress().substring(from.getAddress().indexOf('@') + 1));
        this.clock = clock;
    }

    /** The last Date header made, for its second: thousands of messages a second share one. */
    private record Stamp(long second, String header) {
    }

    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    private String date() {
        long second = clock.instant().getEpochSecond();
        Stamp last = stamp;
        if (last.second() != second) {
            last = new Stamp(second, DATE.format(java.time.Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC)));
            stamp = last;
        }
        return last.header();
    }

    InternetAddress from() {
        return from;
    }

    /**
     * The message as it goes on the wire, built in one pass into one buffer: headers first (values
     * checked for CR/LF, non-ASCII as RFC 2047 words), then both parts as quoted-printable.
     */
    WireMessage build(Session session, Recipient to, RenderedDigest digest, String unsubscribeUrl, String unsubscribeToken) {
        return build(session, to, DigestParts.whole(digest), unsubscribeUrl, unsubscribeToken);
    }

    /** The same from the digest's segments: what a render group shares is encoded once for the group. */
    WireMessage build(Session session, Recipient to, DigestParts digest, String unsubscribeUrl, String unsubscribeToken) {
        String subject = HeaderValues.singleLine("Subject", digest.subject());
        String listUnsubscribe = HeaderValues.singleLine("List-Unsubscribe",
                "<" + unsubscribeUrl + ">, <mailto:" + from.getAddress() + "?subject="
                        + URLEncoder.encode("unsubscribe " + unsubscribeToken, StandardCharsets.UTF_8).replace("+", "%20") + ">");
        String messageId = messageIds.next();
        String boundary = messageIds.boundary();
        int chars = length(digest.html()) + length(digest.text());
        Bytes out = new Bytes(chars + chars / 5 + 4096);
        out.line("Date: " + date())
                .line("From: " + fromHeader)
                .line("To: " + toHeader(to.address()))
                .line("Message-ID: " + messageId)
                .line("Subject: " + HeaderWords.text(subject, "Subject: ".length()))
                .line("MIME-Version: 1.0")
                .line("List-Id: " + listId)
                .line(HeaderFold.atCommas("List-Unsubscribe", listUnsubscribe))
                .line("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                .line("Auto-Submitted: auto-generated")
                .line("Feedback-ID: " + feedbackId())
                .line("Content-Type: multipart/alternative; boundary=\"" + boundary + "\"")
                .crlf();
        part(out, boundary, "plain", digest.text());
        part(out, boundary, "html", digest.html());
        out.line("--" + boundary + "--");
        if (signer == MessageSigner.NONE) {
            return new WireMessage(session, out.array(), out.size(), messageId, to.address());
        }
        byte[] signed = signer.sign(out.toArray());
        return new WireMessage(session, signed, signed.length, messageId, to.address());
    }

    /**
     * A message to one person that is not a digest (the confirmation of a sign-up): the same headers
     * rules and parts, without the list headers, since it is not list mail and has nothing to leave.
     */
    WireMessage buildNotice(Session session, Recipient to, String subjectText, String html, String text) {
        String subject = HeaderValues.singleLine("Subject", subjectText);
        String messageId = messageIds.next();
        String boundary = messageIds.boundary();
        Bytes out = new Bytes(html.length() + text.length() + 2048);
        out.line("Date: " + date())
                .line("From: " + fromHeader)
                .line("To: " + toHeader(to.address()))
                .line("Message-ID: " + messageId)
                .line("Subject: " + HeaderWords.text(subject, "Subject: ".length()))
                .line("MIME-Version: 1.0")
                .line("Auto-Submitted: auto-generated")
                .line("Content-Type: multipart/alternative; boundary=\"" + boundary + "\"")
                .crlf();
        part(out, boundary, "plain", text);
        part(out, boundary, "html", html);
        out.line("--" + boundary + "--");
        return new WireMessage(session, out.array(), out.size(), messageId, to.address());
    }

    /**
     * Quoted-printable keeps every line under 76 characters (RFC 5322 allows 998) and suits mostly
     * Latin text with accents. The boundary holds "=_", which quoted-printable can never produce.
     */
    private static void part(Bytes out, String boundary, String subtype, String content) {
        partHeader(out, boundary, subtype);
        QuotedPrintable.encode(content, out);
        out.crlf();
    }

    private static void part(Bytes out, String boundary, String subtype, List<Segment> content) {
        partHeader(out, boundary, subtype);
        QuotedPrintable.encode(content, out);
        out.crlf();
    }

    private static void partHeader(Bytes out, String boundary, String subtype) {
        out.line("--" + boundary)
                .line("Content-Type: text/" + subtype + "; charset=UTF-8")
                .line("Content-Transfer-Encoding: quoted-printable")
                .crlf();
    }

    private static int length(List<Segment> segments) {
        int length = segments.size();
        for (Segment segment : segments) {
            length += segment.text().length();
        }
        return length;
    }

    private static String toHeader(InternetAddress to) {
        String name = to.getPersonal();
        return name == null || name.isEmpty() ? to.getAddress() : HeaderWords.phrase(name) + " <" + to.getAddress() + ">";
    }

    /**
     * The recipient address with the subscriber's name, kept as it is: the To header encodes it
     * ({@link HeaderWords#phrase}), so nothing is encoded here (InternetAddress would, through a
     * ServiceLoader lookup per message).
     */
    static InternetAddress recipientAddress(String email, String name) {
        try {
            HeaderValues.singleLine("To", email);
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return name == null || name.isBlank() ? address : new Named(address.getAddress(), HeaderValues.singleLine("To", name));
        } catch (AddressException e) {
            throw new DeliveryException("invalid recipient address; expected name@domain: " + e.getMessage(), e);
        }
    }

    /** An address with a display name that is never encoded into an RFC 2047 word by Jakarta Mail itself. */
    private static final class Named extends InternetAddress {
        private static final long serialVersionUID = 1L;

        Named(String email, String name) {
            this.address = email;
            this.personal = name;
        }
    }

    private static InternetAddress parseFrom(String value) {
        try {
            InternetAddress parsed = new InternetAddress(HeaderValues.singleLine("From", value), true);
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new DeliveryException("newsletter.from: invalid address \"" + value + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Gmail's feedback loop identifier, {@code YYYYMMDD:LIST:digest:DOMAIN}: the send day in the
     * newsletter's zone (the edition's for a scheduled send), the list, the kind of mail, the sender.
     * Built from the List-Id's ASCII slug and the From domain, so it needs no encoding.
     */
    private String feedbackId() {
        return DAY.format(clock.instant().atZone(zone)) + ":" + listSlug + ":digest:" + fromDomain;
    }

    /** RFC 2919 List-Id: an ASCII phrase and {@code <slug.from-domain>}. */
    private static String listId(String name, String fromAddress) {
        String ascii = ascii(name);
        String slug = slug(name);
        String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
        String phrase = ascii.replace("\"", "").trim();
        return HeaderValues.singleLine("List-Id", "\"" + phrase + "\" <" + slug + "." + domain + ">");
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7E]", "");
    }

    /** The newsletter's name as lower-case ASCII letters, digits and dashes ("digest" when none is left). */
    private static String slug(String name) {
        String slug = ascii(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "digest" : slug;
    }
}
