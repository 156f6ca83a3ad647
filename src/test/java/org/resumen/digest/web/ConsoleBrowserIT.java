package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.resumen.digest.admin.Admins;
import org.resumen.digest.admin.Passwords;
import org.resumen.digest.admin.Role;
import org.resumen.digest.testing.Chromium;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;

/**
 * The console in headless Chromium: the dashboard, an edition's preview as a chosen subscriber, a
 * test send, send now through its confirmation to 100 %, and a refused recipient's SMTP reply in the
 * delivery log; every page at 1280 px and 375 px.
 */
class ConsoleBrowserIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String ADMIN = "jefa@example.org";
    static final String UNKNOWN_MAILBOX = "5.1.1 <beto@example.com>: Recipient address rejected: no such mailbox";

    @TempDir
    Path dir;

    private WebWorld world;
    private Chromium browser;
    private ScriptedSmtp smtp;

    @BeforeEach
    void start() {
        browser = Chromium.start();
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminPreviewsAsASubscriberTestSendsAndSendsNowToEveryoneOnce() {
        world = new WebWorld(dir, greenMail);
        world.syncAndIngest();
        signIn();
        assertThat(waitFor(By.id("next-edition")).getText()).isEqualTo("2025-12-17 07:00");
        Layout.check(browser, "console-dashboard", "es-AR");

        browser.driver.findElement(By.id("nav-editions")).click();
        waitFor(By.id("preview-as")).sendKeys(WebWorld.ANA);
        browser.driver.findElement(By.id("preview-button")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("subscriber="));
        Layout.check(browser, "console-edition", "es-AR");
        browser.driver.switchTo().frame(waitFor(By.id("preview-frame")));
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Hola, Ana Núñez:", WebWorld.ECONOMY_FIRST);
        browser.driver.switchTo().defaultContent();

        waitFor(By.id("test-to")).sendKeys("prueba@example.net");
        browser.driver.findElement(By.id("test-send")).click();
        assertThat(waitFor(By.id("test-notice")).getText()).isEqualTo("Listo: la prueba salió para prueba@example.net.");
        assertThat(world.messagesTo("prueba@example.net")).hasSize(1);

        sendNowAndAwaitTheEnd("console");
        assertThat(browser.driver.findElement(By.id("sent")).getText()).isEqualTo("2");
        assertThat(world.messagesTo(WebWorld.ANA)).hasSize(1);
        assertThat(world.messagesTo(WebWorld.BETO)).hasSize(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aRecipientTheServerRefusesShowsItsSmtpReplyInTheDeliveryLog() {
        ReceivedMail received = new ReceivedMail();
        smtp = ScriptedSmtp.recordingInto(received).refusingAlways(WebWorld.BETO, 550, UNKNOWN_MAILBOX).start(0);
        world = new WebWorld(dir, smtp.port());
        world.syncAndIngest();
        signIn();
        browser.driver.findElement(By.id("nav-editions")).click();

        sendNowAndAwaitTheEnd("console-refused");
        assertThat(browser.driver.findElement(By.id("rejected")).getText()).isEqualTo("1");
        browser.driver.findElement(By.id("to-log")).click();
        new Select(waitFor(By.id("status"))).selectByValue("rejected");
        browser.driver.findElement(By.id("filter")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("status=rejected"));

        WebElement row = waitFor(By.cssSelector("#deliveries tbody tr"));
        assertThat(row.getText()).contains(WebWorld.BETO, "Rechazados", "550 " + UNKNOWN_MAILBOX);
        assertThat(browser.driver.findElements(By.cssSelector("#deliveries tbody tr"))).hasSize(1);
        Layout.check(browser, "console-log-rejected", "es-AR");
        assertThat(received.messagesPerRecipient()).containsOnlyKeys(WebWorld.ANA);
    }

    @Test
    void theSourcesPageShowsEachSourceAndIngestsNow() {
        world = new WebWorld(dir, greenMail);
        signIn();
        browser.driver.findElement(By.id("nav-sources")).click();
        waitFor(By.id("ingest")).click();

        assertThat(waitFor(By.id("notice")).getText()).isEqualTo("Listo: 3 notas nuevas; 0 fuentes fallaron.");
        assertThat(browser.driver.findElement(By.id("sources")).getText()).contains("Redacción", "2025-12-16 07:00");
        Layout.check(browser, "console-sources", "es-AR");
    }

    /** From the edition page: send now, the confirmation, and the progress page until it says finished. */
    private void sendNowAndAwaitTheEnd(String screenshots) {
        waitFor(By.id("send-now")).click();
        waitFor(By.id("confirm-send"));
        Layout.check(browser, screenshots + "-confirm", "es-AR");
        browser.driver.findElement(By.id("confirm-send")).click();
        new WebDriverWait(browser.driver, Duration.ofMinutes(2))
                .until(ExpectedConditions.attributeToBe(By.id("progress"), "data-finished", "true"));
        assertThat(browser.driver.findElement(By.id("percent")).getText()).isEqualTo("100");
        assertThat(browser.driver.findElement(By.id("bar")).getAttribute("value")).isEqualTo("100");
        Layout.check(browser, screenshots + "-progress", "es-AR");
    }

    private void signIn() {
        new Admins(world.app.database.dataSource(), new Passwords(), world.app.clock).add(ADMIN, ConsoleClient.PASSWORD, Role.ADMIN);
        browser.driver.get(world.server.url() + "/admin/login");
        browser.driver.findElement(By.id("email")).sendKeys(ADMIN);
        browser.driver.findElement(By.id("password")).sendKeys(ConsoleClient.PASSWORD);
        browser.driver.findElement(By.id("signin")).click();
        waitFor(By.id("signed-in"));
    }

    /** The element once the page that shows it has loaded: a click returns before the browser follows the form. */
    private WebElement waitFor(By by) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }
}
