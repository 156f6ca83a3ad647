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
import org.resumen.digest.subscriber.Subscriber.Status;
import org.resumen.digest.testing.Chromium;

/**
 * Sign-up in headless Chromium: the form, the confirmation mail GreenMail receives, its link opened
 * and confirmed in the browser, and the next edition reaching the new reader with their topics.
 */
class SignUpBrowserIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String CARLA = "carla@example.net";

    @TempDir
    Path dir;

    private WebWorld world;
    private Chromium browser;

    @BeforeEach
    void sendTheFirstEditionAndOpenABrowser() {
        browser = Chromium.start();
        world = new WebWorld(dir, greenMail);
        assertThat(world.sendFirst().sent()).isEqualTo(2);
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aVisitorSignsUpConfirmsFromTheMailAndTheNextEditionReachesThemWithTheirTopic() {
        browser.driver.get(world.server.url() + "/subscribe");
        Layout.check(browser, "subscribe", "es-AR");
        assertThat(browser.driver.findElement(By.id("website")).isDisplayed()).as("the honeypot is out of sight").isFalse();

        browser.driver.findElement(By.id("email")).sendKeys(CARLA);
        browser.driver.findElement(By.id("name")).sendKeys("Carla Peña");
        browser.driver.findElement(By.cssSelector("input[name=topic][value='Economía']")).click();
        browser.driver.findElement(By.id("send")).click();

        heading("Revisá tu correo");
        Layout.check(browser, "subscribe-sent", "es");
        world.awaitMessages(3);
        assertThat(world.latestHtml(CARLA)).contains("Hola, Carla Peña:", "Confirmar mi suscripción");

        browser.driver.get(world.linkInMail(CARLA, "confirm"));
        Layout.check(browser, "confirm-ask", "es");
        assertThat(world.subscriber(CARLA).status()).isEqualTo(Status.PENDING);
        browser.driver.findElement(By.id("confirm")).click();

        heading("Suscripción confirmada");
        Layout.check(browser, "confirmed", "es");

        world.sendSecond();
        assertThat(world.messagesTo(CARLA)).hasSize(2);
        assertThat(world.latestHtml(CARLA)).contains(WebWorld.ECONOMY_SECOND, "Hola, Carla Peña:")
                .doesNotContain(WebWorld.POLITICS_SECOND);
    }

    @Test
    void anExpiredLinkShowsAPageThatLeadsBackToTheForm() {
        browser.driver.get(world.server.url() + "/subscribe");
        browser.driver.findElement(By.id("email")).sendKeys(CARLA);
        browser.driver.findElement(By.id("send")).click();
        world.awaitMessages(3);
        world.later(Duration.ofHours(73));

        browser.driver.get(world.linkInMail(CARLA, "confirm"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Este enlace ya no sirve");
        Layout.check(browser, "confirm-expired", "es");
        browser.driver.findElement(By.id("again")).click();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/subscribe");
        world.sendSecond();
        assertThat(world.messagesTo(CARLA)).as("the confirmation only").hasSize(1);
    }

    /** Waits for the page a click leads to (its h1), instead of reading the h1 of the page being left. */
    private void heading(String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
