package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.resumen.digest.subscriber.Tokens.Purpose;

class ExpiringTokensTest {
    private final Tokens tokens = new Tokens("clave-de-prueba-32-caracteres-ok".getBytes(StandardCharsets.UTF_8));
    private final Instant now = Instant.parse("2025-12-16T10:00:00Z");

    @Test
    void aConfirmationTokenNamesItsSubscriberUntilItExpires() {
        String token = tokens.issue(42, Purpose.CONFIRM, now.plus(Duration.ofHours(72)));
        assertThat(tokens.verify(token, Purpose.CONFIRM, now)).contains(new Tokens.Expiring(42, false));
        assertThat(tokens.verify(token, Purpose.CONFIRM, now.plus(Duration.ofHours(72)))).contains(new Tokens.Expiring(42, true));
    }

    @Test
    void anAlteredExpiryOrAnotherPurposeOrAPlainTokenIsRejected() {
        String token = tokens.issue(42, Purpose.CONFIRM, now.plusSeconds(60));
        String later = tokens.issue(42, Purpose.CONFIRM, now.plusSeconds(3600));
        String spliced = token.substring(0, 11) + later.substring(11, 22) + token.substring(22);
        assertThat(tokens.verify(spliced, Purpose.CONFIRM, now)).isEmpty();
        assertThat(tokens.verify(token, Purpose.UNSUBSCRIBE, now)).isEmpty();
        assertThat(tokens.verify(tokens.issue(42, Purpose.CONFIRM), Purpose.CONFIRM, now)).isEmpty();
        assertThat(tokens.verify(token, Purpose.CONFIRM)).isEmpty();
    }
}
