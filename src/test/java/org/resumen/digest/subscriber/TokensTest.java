package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumen.digest.DigestException;
import org.resumen.digest.subscriber.Tokens.Purpose;

class TokensTest {
    private final Tokens tokens = new Tokens(key("una clave de prueba bastante larga"));

    @Test
    void aTokenVerifiesToTheSubscriberItWasIssuedFor() {
        String token = tokens.issue(42, Purpose.UNSUBSCRIBE);

        assertThat(tokens.verify(token, Purpose.UNSUBSCRIBE)).isEqualTo(OptionalLong.of(42));
    }

    @Test
    void aTokenIsUrlSafeOpaqueAndDoesNotShowTheId() {
        String token = tokens.issue(42, Purpose.UNSUBSCRIBE);

        assertThat(token).matches("[A-Za-z0-9_-]{32}").doesNotContain("42");
    }

    @Test
    void aTamperedTokenIsRejected() {
        String token = tokens.issue(42, Purpose.UNSUBSCRIBE);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(tokens.verify(tampered, Purpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void theSignatureOfOneSubscriberCannotBeMovedToAnother() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(42, Purpose.UNSUBSCRIBE));
        bytes[7] = 43;
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThat(tokens.verify(moved, Purpose.UNSUBSCRIBE)).isEmpty();
        assertThat(tokens.issue(43, Purpose.UNSUBSCRIBE)).isNotEqualTo(moved);
    }

    @Test
    void aTokenForOnePurposeIsRejectedForAnother() {
        String webVersion = tokens.issue(42, Purpose.WEB_VERSION);

        assertThat(tokens.verify(webVersion, Purpose.UNSUBSCRIBE)).isEmpty();
        assertThat(tokens.verify(webVersion, Purpose.PREFERENCES)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        String foreign = new Tokens(key("otra clave, también bastante larga")).issue(42, Purpose.UNSUBSCRIBE);

        assertThat(tokens.verify(foreign, Purpose.UNSUBSCRIBE)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"x", "no es un token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "++++++++++++++++++++++++++++++++",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "ñññññññññññññññññññññññññññññññ", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void garbageIsRejectedWithoutAnException(String garbage) {
        assertThat(tokens.verify(garbage, Purpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new Tokens(key("corta")))
                .isInstanceOf(DigestException.class)
                .hasMessage("secret must be at least 16 bytes long to sign links");
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMuteTokenCarriesItsSectionAndNeitherTheSectionNorTheSubscriberCanBeChanged() {
        String token = tokens.issueMute(42, "Economía");
        assertThat(tokens.verifyMute(token)).contains(new Tokens.Muted(42, "Economía"));

        byte[] bytes = Base64.getUrlDecoder().decode(token);
        byte[] otherSection = java.util.Arrays.copyOf(bytes, bytes.length);
        otherSection[otherSection.length - 1] ^= 1;
        byte[] otherReader = java.util.Arrays.copyOf(bytes, bytes.length);
        otherReader[7] = 43;
        assertThat(tokens.verifyMute(Base64.getUrlEncoder().withoutPadding().encodeToString(otherSection))).isEmpty();
        assertThat(tokens.verifyMute(Base64.getUrlEncoder().withoutPadding().encodeToString(otherReader))).isEmpty();
        assertThat(tokens.verifyMute(tokens.issue(42, Purpose.UNSUBSCRIBE))).as("another purpose").isEmpty();
        assertThat(tokens.verify(token, Purpose.UNSUBSCRIBE)).isEmpty();
    }
}
