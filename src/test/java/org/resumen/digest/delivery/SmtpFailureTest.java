package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;

class SmtpFailureTest {
    @Test
    void aRecipientRefusedWith5xxIsPermanent() throws Exception {
        SMTPAddressFailedException refused = new SMTPAddressFailedException(new InternetAddress("ana@example.org"),
                "RCPT TO:<ana@example.org>", 550, "550 5.1.1 mailbox unavailable");
        SendFailedException e = new SendFailedException("Invalid Addresses", refused);
        SmtpFailure failure = SmtpFailure.of(e);
        assertThat(failure.code()).isEqualTo(550);
        assertThat(failure.reply()).isEqualTo("550 5.1.1 mailbox unavailable");
        assertThat(failure.permanent()).isTrue();
    }

    @Test
    void theSenderRefusedWith5xxIsNotTheRecipientsFaultAndIsRetriedLater() throws Exception {
        SMTPSenderFailedException refused = new SMTPSenderFailedException(new InternetAddress("resumen@example.org"),
                "MAIL FROM:<resumen@example.org>", 530, "530 5.7.0 Authentication required");
        SmtpFailure failure = SmtpFailure.of(refused);
        assertThat(failure.code()).isEqualTo(530);
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.aboutTheSender()).isTrue();
    }

    @Test
    void aLostConnectionHasNoCodeAndSaysWhatHappened() {
        MessagingException e = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525", new ConnectException("Connection refused"));
        SmtpFailure failure = SmtpFailure.of(e);
        assertThat(failure.code()).isZero();
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reply()).isEqualTo("connection failed, no SMTP reply code: Couldn't connect to host, port: 127.0.0.1, 2525 (ConnectException: Connection refused)");
    }

    @Test
    void a421IsThrottlingWhereverItComes() throws Exception {
        SMTPSenderFailedException atMailFrom = new SMTPSenderFailedException(new InternetAddress("resumen@example.org"),
                "MAIL FROM:<resumen@example.org>", 421, "421 4.7.0 Try again later, closing connection");
        SMTPAddressFailedException atRcpt = new SMTPAddressFailedException(new InternetAddress("ana@example.org"),
                "RCPT TO:<ana@example.org>", 421, "421 4.7.28 unusual rate of mail");
        assertThat(SmtpFailure.of(atMailFrom).throttle()).isTrue();
        assertThat(SmtpFailure.of(new SendFailedException("Invalid Addresses", atRcpt)).throttle()).isTrue();
    }

    @Test
    void aGreetingRefusedWith421IsThrottlingAndA554GreetingIsNotTheRecipientsFault() {
        SmtpFailure busy = SmtpFailure.of(new MessagingException(
                "Got bad greeting from SMTP host: 127.0.0.1, port: 2525, response: 421 4.7.0 too many connections"));
        SmtpFailure closed = SmtpFailure.of(new MessagingException(
                "Got bad greeting from SMTP host: 127.0.0.1, port: 2525, response: 554 no SMTP service here"));
        assertThat(busy.code()).isEqualTo(421);
        assertThat(busy.reply()).isEqualTo("421 4.7.0 too many connections");
        assertThat(busy.throttle()).isTrue();
        assertThat(closed.permanent()).isFalse();
        assertThat(closed.throttle()).isFalse();
    }

    @Test
    void a47xPolicyReplyToTheSenderIsThrottlingButGreylistingOfOneRecipientIsNot() throws Exception {
        SMTPSenderFailedException rate = new SMTPSenderFailedException(new InternetAddress("resumen@example.org"),
                "MAIL FROM:<resumen@example.org>", 451, "451 4.7.500 Server busy. Please try again later");
        SMTPAddressFailedException greylisted = new SMTPAddressFailedException(new InternetAddress("carla@example.org"),
                "RCPT TO:<carla@example.org>", 451, "451 4.7.1 Greylisted, try again later");
        assertThat(SmtpFailure.of(rate).throttle()).isTrue();
        assertThat(SmtpFailure.of(new SendFailedException("Invalid Addresses", greylisted)).throttle()).isFalse();
    }
}
