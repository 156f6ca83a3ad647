package org.resumen.digest.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A shared render cut once at the places where stand-in values stood, so that each subscriber's
 * copy is one pass of appends instead of a search-and-replace over the whole text per value.
 * Equivalent to replacing the keys one after the other because every key holds private-use
 * characters that neither the text around it nor any value put in can contain.
 */
final class Slots {
    private final String[] literals;
    private final int[] slots;
    private final int literalLength;

    private Slots(String[] literals, int[] slots) {
        this.literals = literals;
        this.slots = slots;
        int length = 0;
        for (String literal : literals) {
            length += literal.length();
        }
        this.literalLength = length;
    }

    /** Cuts {@code text} at every occurrence of every key; slot i is where {@code keys.get(i)} stood. */
    static Slots cut(String text, List<String> keys) {
        List<String> literals = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = -1;
            int key = -1;
            for (int k = 0; k < keys.size(); k++) {
                int found = text.indexOf(keys.get(k), from);
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                    key = k;
                }
            }
            if (at < 0) {
                literals.add(text.substring(from));
                break;
            }
            literals.add(text.substring(from, at));
            slots.add(key);
            from = at + keys.get(key).length();
        }
        return new Slots(literals.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The text with {@code values.get(i)} in slot i. */
    String fill(List<String> values) {
        int length = literalLength;
        for (int slot : slots) {
            length += values.get(slot).length();
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < slots.length; i++) {
            out.append(literals[i]).append(values.get(slots[i]));
        }
        return out.append(literals[slots.length]).toString();
    }
}
