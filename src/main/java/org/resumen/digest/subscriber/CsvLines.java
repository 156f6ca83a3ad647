package org.resumen.digest.subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where each line of a subscriber file starts, found in one streaming pass that also checks the file
 * is UTF-8, so that a row's {@code file:line} can be named while the file is parsed as a stream.
 * Positions count characters after a byte-order mark, as the CSV parser counts them. Two ints per line.
 */
final class CsvLines {
    private int[] starts = new int[1024];
    private int[] contentEnds = new int[1024];
    private int count;
    /** The line of the first byte that is not UTF-8, or 0. */
    private int notUtf8AtLine;
    private boolean byteOrderMark;

    private CsvLines() {
    }

    /** Scans a file's bytes; see {@link #notUtf8AtLine()} for a file that is not UTF-8. */
    static CsvLines scan(InputStream in) throws IOException {
        CsvLines lines = new CsvLines();
        lines.read(in);
        return lines;
    }

    /** 0 when the whole file is UTF-8, else the line of its first byte that is not. */
    int notUtf8AtLine() {
        return notUtf8AtLine;
    }

    /** True when the file starts with a byte-order mark, which the parser must not see. */
    boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** The physical line (1-based) of a record starting at {@code position}, past blank lines the parser skipped. */
    int lineAt(long position) {
        int found = Arrays.binarySearch(starts, 0, count, (int) position);
        int line = found >= 0 ? found : -found - 2;
        if (line < 0) {
            return 1;
        }
        if (position >= contentEnds[line] && line + 1 < count) {
            line++;
        }
        while (line + 1 < count && contentEnds[line] == starts[line]) {
            line++;
        }
        return line + 1;
    }

    private void read(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        int position = 0;
        boolean first = true;
        boolean afterCarriageReturn = false;
        addLine(0);
        boolean end = false;
        while (!end) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            end = n < 0;
            if (n > 0) {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, end);
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (first) {
                    first = false;
                    if (c == '\uFEFF') {
                        byteOrderMark = true;
                        continue;
                    }
                }
                if (afterCarriageReturn) {
                    afterCarriageReturn = false;
                    if (c == '\n') {
                        starts[count - 1] = position + 1;
                        position++;
                        continue;
                    }
                }
                if (c == '\n' || c == '\r') {
                    contentEnds[count - 1] = position;
                    addLine(position + 1);
                    afterCarriageReturn = c == '\r';
                }
                position++;
            }
            chars.clear();
            if (result.isError()) {
                notUtf8AtLine = count;
                return;
            }
            bytes.compact();
        }
        contentEnds[count - 1] = position;
    }

    private void addLine(int start) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            contentEnds = Arrays.copyOf(contentEnds, count * 2);
        }
        starts[count] = start;
        contentEnds[count] = Integer.MAX_VALUE;
        count++;
    }
}
