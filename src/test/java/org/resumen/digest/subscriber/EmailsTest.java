package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {
    @Test
    void masksAllOfTheLocalPartButItsFirstLetter() {
        assertThat(Emails.mask("ana@example.org")).isEqualTo("a***@example.org");
        assertThat(Emails.mask("x@example.org")).isEqualTo("x***@example.org");
        assertThat(Emails.mask("sin-arroba")).isEqualTo("***");
        assertThat(Emails.mask(null)).isEqualTo("***");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@example.org", "ana.perez+resumen@mail.example.com.ar", "o'brien@example.net"})
    void acceptsOrdinaryAddresses(String email) {
        assertThat(Emails.problem(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@@example.org", "ana", "ana@example", "@example.org", "ana@.example.org",
        "ana@example.org.", "ana@example..org", "ana maria@example.org", "Ana <ana@example.org>",
        "ana@example.org,beto@example.org", "ñandú@example.org"})
    void rejectsWhatIsNotABareNameAtDomain(String email) {
        assertThat(Emails.problem(email)).contains("invalid address \"" + email + "\"; expected name@domain");
    }

    @Test
    void showsLineBreaksEscapedSoTheReportStaysOnOneLine() {
        assertThat(Emails.problem("ana@example.org\r\nBcc: todos@example.org"))
                .contains("invalid address \"ana@example.org\\r\\nBcc: todos@example.org\"; expected name@domain");
    }

    @Test
    void anEmptyAddressIsMissing() {
        assertThat(Emails.problem("  ")).contains("missing address; expected name@domain");
    }
}
