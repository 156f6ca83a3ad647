package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.resumen.digest.testing.Chromium;

/** The console's first admin, sign-out and sign-in in headless Chromium, at 1280 px and 375 px. */
class AdminLoginBrowserIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String PASSWORD = "una-clave-larga-ñandú";

    @TempDir
    Path dir;

    private WebWorld world;
    private Chromium browser;

    @BeforeEach
    void start() {
        browser = Chromium.start();
        world = new WebWorld(dir, greenMail);
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
    void theSetupLinkCreatesTheFirstAdminWhoSignsOutAndBackInAndAWrongPasswordIsRefused() {
        browser.driver.get(world.server.firstAdminLink().orElseThrow());
        Layout.check(browser, "admin-setup", "es-AR");
        browser.driver.findElement(By.id("email")).sendKeys("jefa@example.org");
        browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver.findElement(By.id("again")).sendKeys(PASSWORD);
        browser.driver.findElement(By.id("create")).click();

        assertThat(waitFor(By.id("signed-in")).getText()).isEqualTo("Entraste como jefa@example.org (rol: admin).");
        Layout.check(browser, "admin-home", "es-AR");
        browser.driver.findElement(By.id("logout")).click();
        // The click returns before the browser has followed the redirect: wait for the page, not a moment.
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches("/admin/login$"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/login");

        signIn("jefa@example.org", "no-es-la-clave");
        assertThat(waitFor(By.id("error")).getText()).isEqualTo("Correo o contraseña incorrectos.");
        Layout.check(browser, "admin-login-wrong", "es-AR");

        signIn("jefa@example.org", PASSWORD);
        assertThat(waitFor(By.id("signed-in")).getText()).contains("jefa@example.org");
    }

    /** The element once the page that shows it has loaded: a click returns before the browser follows the form. */
    private org.openqa.selenium.WebElement waitFor(By by) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(by));
    }

    private void signIn(String email, String password) {
        browser.driver.get(world.server.url() + "/admin/login");
        browser.driver.findElement(By.id("email")).clear();
        browser.driver.findElement(By.id("email")).sendKeys(email);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("signin")).click();
    }
}
