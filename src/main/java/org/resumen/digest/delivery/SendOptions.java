package org.resumen.digest.delivery;

import java.time.LocalDate;

/**
 * What to send: the edition of {@code date} (null = today in the newsletter's time zone); only to
 * {@code testAddress} when set (a test send, not recorded); even when the selection is empty with
 * {@code force}; render and report without sending with {@code dryRun}; with {@code release}, an
 * edition the source-health gate holds goes out anyway (an admin's decision).
 */
public record SendOptions(LocalDate date, String testAddress, boolean force, boolean dryRun, boolean release) {
    public SendOptions(LocalDate date, String testAddress, boolean force, boolean dryRun) {
        this(date, testAddress, force, dryRun, false);
    }

    public static SendOptions scheduled(LocalDate date) {
        return new SendOptions(date, null, false, false);
    }

    public boolean isTest() {
        return testAddress != null && !testAddress.isBlank();
    }
}
