package org.resumen.digest.delivery;

import java.time.LocalDate;

/**
 * What to send: the edition of {@code date} (null = today in the newsletter's time zone); only to
 * {@code testAddress} when set (a test send, not recorded); even when the selection is empty with
 * {@code force}; render and report without sending with {@code dryRun}; with {@code release}, an
 * edition the source-health gate holds goes out anyway (an admin's decision); with
 * {@code waitForSources} (the schedule's own fire), failing sources are pulled again for up to
 * {@code newsletter.source-grace} before the gate decides; a send by hand decides on one pull.
 */
public record SendOptions(LocalDate date, String testAddress, boolean force, boolean dryRun, boolean release,
                          boolean waitForSources) {
    public SendOptions(LocalDate date, String testAddress, boolean force, boolean dryRun) {
        this(date, testAddress, force, dryRun, false, false);
    }

    public SendOptions(LocalDate date, String testAddress, boolean force, boolean dryRun, boolean release) {
        this(date, testAddress, force, dryRun, release, false);
    }

    /** The edition of {@code date} as a send by hand would send it (no waiting for failing sources). */
    public static SendOptions scheduled(LocalDate date) {
        return new SendOptions(date, null, false, false);
    }

    /** The schedule's own fire: failing sources get {@code newsletter.source-grace} to come back. */
    public static SendOptions onSchedule(LocalDate date) {
        return new SendOptions(date, null, false, false, false, true);
    }

    public boolean isTest() {
        return testAddress != null && !testAddress.isBlank();
    }
}
