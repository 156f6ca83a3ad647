package org.resumen.digest.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.resumen.digest.delivery.DeliveryLedger;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.edition.Editions;

/** The public archive: the frozen editions that reached at least one subscriber, newest first. */
final class Archive {
    private static final String SENT = "sent";

    private final Editions editions;
    private final DeliveryLedger ledger;

    Archive(Editions editions, DeliveryLedger ledger) {
        this.editions = editions;
        this.ledger = ledger;
    }

    List<Edition> sent() {
        List<Edition> sent = new ArrayList<>();
        for (LocalDate date : editions.dates()) {
            sent(date).ifPresent(sent::add);
        }
        Collections.reverse(sent);
        return sent;
    }

    /** The edition of {@code date} if it was sent; an edition still going out shows once its first message went. */
    Optional<Edition> sent(LocalDate date) {
        return editions.find(date).filter(edition -> ledger.counts(edition.id()).getOrDefault(SENT, 0) > 0);
    }
}
