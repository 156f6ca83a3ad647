package org.resumen.digest.render;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.resumen.digest.article.Article;
import org.resumen.digest.subscriber.Subscriber;
import org.unbescape.html.HtmlEscape;

/**
 * Renders the digests of one send: subscribers who get the same articles in the same language and
 * time zone share one Thymeleaf render, into which each one's name and links are filled in.
 *
 * <p>Templates are user-edited, so sharing is proved, not assumed: each group is rendered twice with
 * two different stand-ins for the personal values (different lengths, every character different,
 * the five characters HTML escapes, letters of both cases, a space). Only when swapping stand-in one
 * for stand-in two in the first render gives exactly the second render do the templates use these
 * values verbatim (escaped or not), and only then is the render shared. A template that transforms
 * them (upper-cases the name, keeps the first word) fails the proof, and that group is rendered per
 * subscriber, as is every subscriber whose name Thymeleaf would read as false ("no", "off").
 * Thread-safe; keep one instance per send, as a group's render is only valid for that edition.
 */
public final class SharedDigests {
    private static final StandIns NO_MUTE = StandIns.of(List.of());
    private static final Shared NOT_SHARED = new Shared(null, null, null, null, null, null);
    private static final List<String> FALSE_TO_THYMELEAF = List.of("false", "off", "no");

    private final DigestRenderer renderer;
    private final Map<Group, Shared> groups = new ConcurrentHashMap<>();
    private final AtomicInteger groupRenders = new AtomicInteger();
    private final AtomicInteger ownRenders = new AtomicInteger();

    public SharedDigests(DigestRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Exactly what {@link DigestRenderer#render} gives for this request, rendered once per group. */
    public RenderedDigest render(DigestRequest request) {
        return renderParts(request).joined();
    }

    /**
     * {@link #render} as segments: the lines of a group's render that hold nothing personal are
     * segments shared by every subscriber of the group (the same objects), the others their own.
     */
    public DigestParts renderParts(DigestRequest request) {
        DigestRequest usable = renderer.withUsableLocale(Objects.requireNonNull(request, "request"));
        String name = DigestModel.subscriberName(usable.subscriber());
        Personal own = new Personal(name, usable.links());
        Shared shared = shareable(own)
                ? groups.computeIfAbsent(groupOf(usable, name != null), g -> prove(usable, name != null, g.mutedSections()))
                : NOT_SHARED;
        if (shared.raw() == null) {
            ownRenders.incrementAndGet();
            return DigestParts.whole(renderer.render(usable));
        }
        return shared.parts(own);
    }

    /**
     * How many groups shared a render, how many renders the groups took (two each: the proof) and
     * how many subscribers were rendered on their own.
     */
    public String stats() {
        return sharedGroups() + " shared group(s), " + groupRenders.get() + " group render(s), " + ownRenders.get()
                + " own render(s)";
    }

    int ownRenders() {
        return ownRenders.get();
    }

    int sharedGroups() {
        return (int) groups.values().stream().filter(s -> s.raw() != null).count();
    }

    private Shared prove(DigestRequest request, boolean named, List<String> sections) {
        groupRenders.addAndGet(2);
        StandIns standIns = sections.isEmpty() ? NO_MUTE : StandIns.of(sections);
        RenderedDigest one = renderer.renderRaw(withPersonal(request, standIns.one(), named));
        RenderedDigest two = renderer.renderRaw(withPersonal(request, standIns.two(), named));
        return swap(one, standIns.one(), standIns.two()).equals(two) ? Shared.of(one, standIns.one()) : NOT_SHARED;
    }

    private static RenderedDigest swap(RenderedDigest rendered, Personal from, Personal to) {
        Map<String, String> swaps = swaps(from, to);
        return new RenderedDigest(apply(rendered.subject(), swaps), apply(rendered.html(), swaps),
                apply(rendered.text(), swaps));
    }

    // Each value goes in where the stand-in stood, escaped where the stand-in was escaped (th:text,
    // [[...]]) and as is where it was not ([(...)]); the escaped form is looked for first.
    private static Map<String, String> swaps(Personal from, Personal to) {
        Map<String, String> swaps = new LinkedHashMap<>();
        List<String> froms = from.values();
        List<String> tos = to.values();
        for (int i = 0; i < froms.size(); i++) {
            if (froms.get(i) != null && tos.get(i) != null) {
                swaps.put(HtmlEscape.escapeHtml4Xml(froms.get(i)), HtmlEscape.escapeHtml4Xml(tos.get(i)));
                swaps.put(froms.get(i), tos.get(i));
            }
        }
        return swaps;
    }

    private static String apply(String rendered, Map<String, String> swaps) {
        String out = rendered;
        for (Map.Entry<String, String> swap : swaps.entrySet()) {
            out = out.replace(swap.getKey(), swap.getValue());
        }
        return out;
    }

    private static DigestRequest withPersonal(DigestRequest request, Personal personal, boolean named) {
        Subscriber s = request.subscriber();
        Subscriber standIn = new Subscriber(0, "stand-in@example.invalid", named ? personal.name() : null,
                request.locale(), s == null ? Set.of() : s.topics(), s == null ? null : s.timezone(),
                Subscriber.Status.ACTIVE);
        return new DigestRequest(request.edition(), request.articles(), standIn, request.locale(), personal.links());
    }

    // The stand-ins mark their ends with private-use characters; a real value holding one, or a
    // name Thymeleaf evaluates as false in a condition, is rendered on its own.
    private static boolean shareable(Personal own) {
        if (own.links() == null) {
            return false;
        }
        for (String value : own.values()) {
            if (value != null && value.codePoints().anyMatch(c -> Character.getType(c) == Character.PRIVATE_USE)) {
                return false;
            }
        }
        return own.name() == null || !FALSE_TO_THYMELEAF.contains(own.name().toLowerCase(Locale.ROOT));
    }

    private Group groupOf(DigestRequest request, boolean named) {
        return new Group(request.edition().date(), request.articles(),
                request.locale(), renderer.zoneOf(request.subscriber()), named, List.copyOf(request.links().mute().keySet()));
    }

    /** What a shared render depends on besides the personal values; {@code mutedSections}: sections with a mute link. */
    private record Group(LocalDate date, List<Article> articles, Locale locale, ZoneId zone, boolean named,
            List<String> mutedSections) {
    }

    /**
     * The two stand-ins of a group: a name, the three links and one mute link per section (in the
     * order of {@link Links#mute()}, sorted by section), each value marked at both ends with
     * private-use characters; stand-in two differs from one in every character and in length.
     */
    private record StandIns(Personal one, Personal two) {
        static StandIns of(List<String> sections) {
            Map<String, String> muteOne = new LinkedHashMap<>();
            Map<String, String> muteTwo = new LinkedHashMap<>();
            for (int i = 0; i < sections.size(); i++) {
                muteOne.put(sections.get(i), "\uE008https://a.invalid/m/" + i + "?&<>\"' Q\uE009");
                muteTwo.put(sections.get(i), "\uE018http://b.invalid/long/mute/path/" + i + "?k=9&<>\"' ZZZZZZZZZ Rrr\uE019");
            }
            return new StandIns(new Personal("\uE000Ab &<>\"' Ñé\uE001",
                    new Links("\uE002https://a.invalid/u?x=1&y=<'\"> Q\uE003", "\uE004https://a.invalid/w?&<>\"' Q\uE005",
                            "\uE006https://a.invalid/p?&<>\"' Q\uE007", muteOne)),
                    new Personal("\uE010Zyx Wvu Tsr Qpo Nml Kji Hgf Edc &<>\"' Baü Ççñ ÕÓÍ Mnb Vcx Zlk\uE011",
                            new Links("\uE012http://b.invalid/long/unsubscribe/path?k=9&z=<'\"> ZZZZZZZZZ Rrr\uE013",
                                    "\uE014http://b.invalid/long/web/version/path?k=9&<>\"' ZZZZZZZZZ Rrr\uE015",
                                    "\uE016http://b.invalid/long/preferences/path?k=9&<>\"' ZZZZZZZZZ Rrr\uE017", muteTwo)));
        }
    }

    /**
     * The group's render with its stand-in one in it, cut at the stand-in's values: the subject and
     * the whole text as slots, and each part as a {@link Plan} of lines; raw is null when it cannot be
     * shared.
     */
    private record Shared(RenderedDigest raw, Slots subject, Slots text, Plan htmlLines, Plan textLines, Personal standIn) {
        static Shared of(RenderedDigest raw, Personal standIn) {
            List<String> keys = slotValues(standIn, standIn);
            // QuotedPrintable reads a lone CR as a line break too: such HTML is kept whole, never cut into lines
            Plan html = raw.html().indexOf('\r') >= 0 ? Plan.whole(raw.html(), keys) : Plan.of(raw.html(), keys, line -> line);
            // The text's literal lines are tidied and wrapped here, once: a line does not depend on the others
            Plan text = Plan.of(PlainText.squeeze(raw.text()), keys, PlainText::wrap).ending();
            return new Shared(raw, Slots.cut(raw.subject(), keys), Slots.cut(raw.text(), keys), html, text, standIn);
        }

        /** Exactly {@code finish(swap(raw, standIn, own))}, the shared lines left as they are. */
        DigestParts parts(Personal own) {
            List<String> values = slotValues(standIn, own);
            String subject = SubjectLine.clean(this.subject.fill(values));
            List<Segment> html = htmlLines.fill(values, line -> line);
            List<Segment> text = own.linesAsTheyAre() ? textLines.fill(values, PlainText::wrap)
                    : List.of(new Segment(PlainText.tidy(this.text.fill(values)), false));
            return new DigestParts(subject, html, text);
        }

        // As swaps(): each value escaped, then as is; a missing value leaves the stand-in's in place.
        private static List<String> slotValues(Personal standInPersonal, Personal personal) {
            List<String> standIn = standInPersonal.values();
            List<String> own = personal.values();
            List<String> values = new java.util.ArrayList<>(2 * standIn.size());
            for (int i = 0; i < standIn.size(); i++) {
                String value = i < own.size() && own.get(i) != null ? own.get(i) : standIn.get(i);
                values.add(HtmlEscape.escapeHtml4Xml(value));
                values.add(value);
            }
            return values;
        }
    }

    /**
     * A part as its lines: runs of lines without a personal value, done once (as {@code literal}
     * made them) and shared, between lines that hold one (slots, filled per subscriber).
     */
    private record Plan(List<Object> pieces) {
        static Plan of(String lines, List<String> keys, java.util.function.UnaryOperator<String> literal) {
            List<Object> pieces = new java.util.ArrayList<>();
            StringBuilder run = null;
            int from = 0;
            while (true) {
                int end = lines.indexOf('\n', from);
                end = end < 0 ? lines.length() : end;
                String line = lines.substring(from, end);
                if (keys.stream().anyMatch(line::contains)) {
                    if (run != null) {
                        pieces.add(new Segment(run.toString(), true));
                        run = null;
                    }
                    pieces.add(Slots.cut(line, keys));
                } else if (run == null) {
                    run = new StringBuilder(literal.apply(line));
                } else {
                    run.append('\n').append(literal.apply(line));
                }
                if (end == lines.length()) {
                    break;
                }
                from = end + 1;
            }
            if (run != null) {
                pieces.add(new Segment(run.toString(), true));
            }
            return new Plan(List.copyOf(pieces));
        }

        static Plan whole(String part, List<String> keys) {
            return new Plan(List.of(Slots.cut(part, keys)));
        }

        /** The same, ending in a line break (the tidied text does): a last, empty line. */
        Plan ending() {
            List<Object> more = new java.util.ArrayList<>(pieces);
            more.add(new Segment("", true));
            return new Plan(List.copyOf(more));
        }

        List<Segment> fill(List<String> values, java.util.function.UnaryOperator<String> perLine) {
            List<Segment> out = new java.util.ArrayList<>(pieces.size());
            for (Object piece : pieces) {
                out.add(piece instanceof Segment shared ? shared : new Segment(perLine.apply(((Slots) piece).fill(values)), false));
            }
            return out;
        }
    }

    private record Personal(String name, Links links) {
        /**
         * True when every value can stand in a line of the tidied text as it is: not empty, nothing
         * to strip at its ends, no line break; then the text's lines are tidied once per group.
         */
        boolean linesAsTheyAre() {
            for (String value : values()) {
                if (value != null && (value.isEmpty() || !value.strip().equals(value)
                        || value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85
                                || c == 0x2028 || c == 0x2029))) {
                    return false;
                }
            }
            return true;
        }

        List<String> values() {
            if (links == null) {
                return Arrays.asList(name);
            }
            List<String> values = new java.util.ArrayList<>(Arrays.asList(name, links.unsubscribe(), links.webVersion(), links.preferences()));
            values.addAll(links.mute().values());
            return values;
        }
    }
}
