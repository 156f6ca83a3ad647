package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.resumen.digest.render.Segment;

/** The encoding of a digest's parts, whole or as segments of lines (shared ones encoded once for a group). */
class QuotedPrintableTest {
    private static final String[] PIECES = {"a", "Senado", " ", "  ", "\t", "=", "ñ", "«Sin acuerdo»", "“no”", "—", "…",
        "\uD83D\uDE00", "<a href=\"https://resumen.example.org/mute/AAAAAAAAAAEU1hrDAgy0pxQaq1c1hu8SRWNvbm9tw61h\">",
        "x".repeat(80), "\n", "\n", "\r\n"};

    @Test
    void segmentsOfLinesEncodeToExactlyTheBytesOfTheJoinedTextAndDecodeBackToIt() throws Exception {
        Random random = new Random(20251216);
        for (int round = 0; round < 3_000; round++) {
            String text = randomText(random);
            List<Segment> segments = segmentsOf(text, random);

            Bytes whole = new Bytes(16);
            QuotedPrintable.encode(text, whole);
            Bytes first = new Bytes(16);
            QuotedPrintable.encode(segments, first);
            Bytes again = new Bytes(16);
            QuotedPrintable.encode(segments, again);

            assertThat(first.toString()).as("segments of %s", text).isEqualTo(whole.toString());
            assertThat(again.toString()).as("shared segments from their cached encoding").isEqualTo(whole.toString());
            assertThat(whole.toString().split("\r\n", -1)).allMatch(line -> line.length() <= QuotedPrintable.MAX_LINE);
            String decoded = new String(MimeUtility.decode(new ByteArrayInputStream(whole.toArray()), "quoted-printable")
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(decoded).isEqualTo(text.replace("\r\n", "\n").replace("\n", "\r\n"));
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(200);
        for (int i = 0; i < parts; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString().replace("\r\n", "\n");
    }

    /** The text cut at random LFs into segments, some shared, as SharedDigests cuts a part into lines. */
    private static List<Segment> segmentsOf(String text, Random random) {
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || (text.charAt(i) == '\n' && random.nextInt(3) == 0)) {
                segments.add(new Segment(text.substring(from, i), random.nextBoolean()));
                from = i + 1;
            }
        }
        return segments;
    }
}
