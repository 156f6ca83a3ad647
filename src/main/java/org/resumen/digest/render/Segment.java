package org.resumen.digest.render;

import java.util.function.Function;

/**
 * A run of whole lines of a rendered part. A shared segment is the same object in the digest of
 * every subscriber of a render group, so what is derived from it once (its transfer encoding) holds
 * for all of them; a personal one belongs to one digest.
 */
public final class Segment {
    private final String text;
    private final boolean shared;
    private volatile Object derived;

    public Segment(String text, boolean shared) {
        this.text = text;
        this.shared = shared;
    }

    /** The lines, joined by LF, without a line break at the end. */
    public String text() {
        return text;
    }

    public boolean shared() {
        return shared;
    }

    /**
     * {@code derive(text())}, computed once for a shared segment (a race computes it twice, both
     * equal); a segment serves one kind of derived value only.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Function<String, T> derive) {
        if (!shared) {
            return derive.apply(text);
        }
        Object value = derived;
        if (value == null) {
            value = derive.apply(text);
            derived = value;
        }
        return (T) value;
    }
}
