package org.resumen.digest.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growing byte buffer for building one message on the wire; not thread-safe. */
final class Bytes {
    private byte[] buffer;
    private int size;

    Bytes(int capacity) {
        buffer = new byte[Math.max(16, capacity)];
    }

    void add(byte b) {
        if (size == buffer.length) {
            grow(1);
        }
        buffer[size++] = b;
    }

    void crlf() {
        add((byte) '\r');
        add((byte) '\n');
    }

    /** Appends a string that is ASCII by construction (header values already encoded). */
    Bytes ascii(String s) {
        int n = s.length();
        if (size + n > buffer.length) {
            grow(n);
        }
        for (int i = 0; i < n; i++) {
            buffer[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    Bytes line(String asciiLine) {
        ascii(asciiLine);
        crlf();
        return this;
    }

    Bytes append(byte[] bytes) {
        if (size + bytes.length > buffer.length) {
            grow(bytes.length);
        }
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    int size() {
        return size;
    }

    /** Makes room for {@code n} more bytes, for writers that fill {@link #array()} directly. */
    byte[] reserve(int n) {
        if (size + n > buffer.length) {
            grow(n);
        }
        return buffer;
    }

    /** The buffer itself, valid up to {@link #size()}; see {@link #reserve} and {@link #advanceTo}. */
    byte[] array() {
        return buffer;
    }

    void advanceTo(int newSize) {
        size = newSize;
    }

    byte[] toArray() {
        return Arrays.copyOf(buffer, size);
    }

    @Override
    public String toString() {
        return new String(buffer, 0, size, StandardCharsets.ISO_8859_1);
    }

    private void grow(int needed) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length + buffer.length / 2, size + needed));
    }
}
