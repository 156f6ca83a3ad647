package org.resumen.digest.subscriber;

import java.util.List;

/**
 * What reading subscriber files produced: the rows that can be used, and one {@code file:line: reason}
 * message for every row, header or file that was skipped.
 */
public record SubscriberFileReport(List<SubscriberRow> rows, List<String> problems) {

    public SubscriberFileReport {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
