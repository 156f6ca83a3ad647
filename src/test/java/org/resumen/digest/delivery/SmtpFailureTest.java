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
}
