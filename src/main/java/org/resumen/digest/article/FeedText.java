package org.resumen.digest.article;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.resumen.digest.Text;

/**
 * A feed's bytes as text, in the encoding its BOM, Content-Type or XML declaration gives (ROME's
 * {@link XmlReader} rules); refuses an encoding Java cannot read and an HTML page given as a feed,
 * each with its own reason.
 */
final class FeedText {
    private static final Pattern DECLARED = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern HTML_START = Pattern.compile(
            "\\A\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*<(!doctype\\s+html|html[\\s>])",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private FeedText() {
    }

    static String decode(FeedDocument document, String source, String location) {
        String text = read(document, source, location);
        if (HTML_START.matcher(text).lookingAt()) {
            throw new SourceException(source, location, htmlReason(text, document));
        }
        return text;
    }

    private static String read(FeedDocument document, String source, String location) {
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document.bytes()), document.contentType(), true)) {
            StringWriter text = new StringWriter(document.bytes().length);
            reader.transferTo(text);
            return text.toString();
        } catch (UnsupportedEncodingException | UnsupportedCharsetException e) {
            throw new SourceException(source, location, unsupported(document), e);
        } catch (IOException e) {
            throw new SourceException(source, location, "cannot read the feed: " + e.getMessage(), e);
        }
    }

    private static String unsupported(FeedDocument document) {
        String head = new String(document.bytes(), 0, Math.min(200, document.bytes().length),
                StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head);
        String encoding = declared.find() ? declared.group(1) : String.valueOf(document.contentType());
        return "the feed's encoding \"" + encoding + "\" is not supported; expected UTF-8 "
                + "(or another encoding Java reads, such as ISO-8859-1 or UTF-16)";
    }

    private static String htmlReason(String text, FeedDocument document) {
        String reason = "this is an HTML page, not a feed; expected RSS or Atom";
        Element alternate = Jsoup.parse(text, document.uri().toString())
                .selectFirst("link[rel~=(?i)alternate][type~=(?i)(rss|atom)][href]");
        if (alternate != null && alternate.absUrl("href").toLowerCase(Locale.ROOT).startsWith("http")) {
            return reason + "; the page names its feed: " + Text.line(alternate.absUrl("href"));
        }
        return reason + " (the page's address is not its feed's; look for an RSS or Atom link on it)";
    }
}
