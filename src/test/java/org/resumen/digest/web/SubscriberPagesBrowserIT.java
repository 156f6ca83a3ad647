package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.resumen.digest.subscriber.Subscriber.Status;
import org.resumen.digest.testing.Chromium;

/**
 * The subscriber pages in headless Chromium, reached from the links of a digest GreenMail received:
 * what a reader clicks, what they see at 1280 px and at 375 px, and what the next edition brings.
 */
class SubscriberPagesBrowserIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

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
    void aReaderClicksTheUnsubscribeLinkOfTheirDigestPressesTheButtonAndTheNextEditionSkipsThem() throws Exception {
        browser.driver.get(world.linkInMail(WebWorld.ANA, "unsubscribe"));
        checkLayout("unsubscribe", "es-AR");
        assertThat(world.subscriber(WebWorld.ANA).status()).as("opening the page changes nothing").isEqualTo(Status.ACTIVE);

        browser.driver.findElement(By.id("unsubscribe")).click();

        await(By.tagName("h1"), "Baja confirmada");
        assertThat(browser.driver.findElement(By.tagName("main")).getText())
                .contains("No enviaremos más Resumen Político a a***@example.org.");
        checkLayout("unsubscribed", "es-AR");
        assertThat(world.subscriber(WebWorld.ANA).status()).isEqualTo(Status.UNSUBSCRIBED);

        world.sendSecond();
        assertThat(world.messagesTo(WebWorld.ANA)).as("Ana got the first edition only").hasSize(1);
        assertThat(world.messagesTo(WebWorld.BETO)).hasSize(2);
    }

    @Test
    void aReaderWhoWantsLessOfASectionClicksItsLinkConfirmsAndTheNextEditionLeavesItOut() throws Exception {
        String link = world.muteLinkInMail(WebWorld.ANA, "Deportes");
        browser.driver.get(link);
        checkLayout("mute", "es-AR");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("¿Menos de Deportes?");
        assertThat(world.subscriber(WebWorld.ANA).topics()).as("opening the page changes nothing").isEmpty();

        browser.driver.findElement(By.id("mute")).click();

        await(By.id("done"), "Sin Deportes");
        checkLayout("muted", "es-AR");
        assertThat(world.subscriber(WebWorld.ANA).topics()).as("everything but sports")
                .containsExactlyInAnyOrder("Economía", "Política");
        world.sendSecond();
        assertThat(world.latestHtml(WebWorld.ANA)).contains(WebWorld.ECONOMY_SECOND, WebWorld.POLITICS_SECOND)
                .doesNotContain(WebWorld.SPORTS_SECOND).doesNotContain("Menos de Deportes");
        assertThat(world.latestHtml(WebWorld.BETO)).contains(WebWorld.SPORTS_SECOND);

        // the same link again: still a page that says it is done, and nothing changes
        browser.driver.get(link);
        assertThat(browser.driver.findElement(By.id("done")).getText()).isEqualTo("Sin Deportes");
        assertThat(world.subscriber(WebWorld.ANA).topics()).containsExactlyInAnyOrder("Economía", "Política");
    }

    @Test
    void topicsAndLanguageChosenOnThePreferencesPageShapeTheNextEdition() throws Exception {
        browser.driver.get(world.linkInMail(WebWorld.BETO, "preferences"));
        checkLayout("preferences", "es");
        assertThat(checkboxLabels()).containsExactly("Deportes", "Economía", "Política", "dolar", "gobernadores", "seleccion");

        topic("Economía").click();
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("language"))).selectByValue("en");
        browser.driver.findElement(By.id("save")).click();

        await(By.id("notice"), "Done: your preferences are saved. The next edition follows them.");
        assertThat(topic("Economía").isSelected()).isTrue();
        assertThat(topic("Política").isSelected()).isFalse();
        checkLayout("preferences-saved", "en");

        world.sendSecond();
        List<MimeMessage> beto = world.messagesTo(WebWorld.BETO);
        assertThat(beto).hasSize(2);
        String html = world.latestHtml(WebWorld.BETO);
        assertThat(html).contains(WebWorld.ECONOMY_SECOND, "Hi Beto Ibáñez,")
                .doesNotContain(WebWorld.POLITICS_SECOND).doesNotContain(WebWorld.SPORTS_SECOND);
        assertThat(world.latestHtml(WebWorld.ANA)).contains(WebWorld.ECONOMY_SECOND, WebWorld.POLITICS_SECOND, WebWorld.SPORTS_SECOND);
    }

    @Test
    void aPauseChosenInTheBrowserHoldsTheNextEditionBack() throws Exception {
        browser.driver.get(world.linkInMail(WebWorld.BETO, "preferences"));
        browser.driver.findElement(By.cssSelector("input[name=pause][value='2']")).click();
        browser.driver.findElement(By.id("save")).click();

        assertThat(browser.driver.findElement(By.tagName("main")).getText())
                .contains("Seguir en pausa hasta el 30 de diciembre de 2025");
        world.sendSecond();
        assertThat(world.messagesTo(WebWorld.BETO)).as("paused for two weeks").hasSize(1);
        assertThat(world.messagesTo(WebWorld.ANA)).hasSize(2);
    }

    @Test
    void theNotFoundPageTheArchiveAndTheWebVersionFitAPhoneAndADesktop() {
        browser.driver.get(world.server.url() + "/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        checkLayout("not-found", "es-AR");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("No encontramos esta página");

        browser.driver.get(world.server.url() + "/archive");
        checkLayout("archive", "es-AR");
        browser.driver.findElement(By.cssSelector("ul.editions a")).click();
        checkLayout("archive-edition", "es-AR");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("16 de diciembre de 2025");

        browser.driver.get(world.linkInMail(WebWorld.ANA, "editions"));
        checkLayout("web-version", "es-AR");
        assertThat(browser.driver.getPageSource()).contains(WebWorld.ECONOMY_FIRST);
    }

    /** At 1280 px and at 375 px: no horizontal scroll, every input labelled, lang set; a screenshot of each. */
    private void checkLayout(String page, String lang) {
        for (int width : new int[] {1280, 375}) {
            browser.viewport(width, 900);
            assertThat(browser.horizontalOverflow()).as(page + " at " + width + " px: wider than the screen by").isZero();
            assertThat(browser.unlabelledInputs()).as(page + ": inputs without a label").isEmpty();
            assertThat(browser.lang()).as(page + ": lang").isEqualTo(lang);
            browser.screenshot(page + "-" + width);
        }
        browser.viewport(1280, 900);
    }

    private List<String> checkboxLabels() {
        return browser.driver.findElements(By.cssSelector("label.check input[type=checkbox]")).stream()
                .map(box -> box.findElement(By.xpath("..")).getText().trim()).toList();
    }

    private WebElement topic(String name) {
        return browser.driver.findElement(By.cssSelector("input[name=topic][value='" + name + "']"));
    }

    /** Waits for the page a click leads to, instead of reading the page being left. */
    private void await(By element, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(element, text));
    }
}
