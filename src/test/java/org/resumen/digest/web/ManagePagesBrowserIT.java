package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.resumen.digest.admin.Admins;
import org.resumen.digest.admin.Passwords;
import org.resumen.digest.admin.Role;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.testing.Chromium;

/** The admin-only pages in headless Chromium: subscribers (upload, search, unsubscribe, export), admins, API tokens; an editor is refused. */
class ManagePagesBrowserIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String ADMIN = "jefa@example.org";
    static final String EDITOR = "editora@example.org";
    static final String PASSWORD = "una-clave-larga-ñandú";

    @TempDir
    Path dir;

    private WebWorld world;
    private Chromium browser;

    @BeforeEach
    void start() {
        browser = Chromium.start();
        world = new WebWorld(dir, greenMail);
        Admins admins = new Admins(world.app.database.dataSource(), new Passwords(), world.app.clock);
        admins.add(ADMIN, PASSWORD, Role.ADMIN);
        admins.add(EDITOR, PASSWORD, Role.EDITOR);
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
    void anAdminUploadsACsvWithOneBadRowSearchesUnsubscribesAndExports() throws Exception {
        world.sendFirst();
        signIn(ADMIN);
        browser.driver.get(world.server.url() + "/admin/subscribers");
        assertThat(rows()).hasSize(2);
        Path upload = Files.writeString(dir.resolve("nuevos.csv"), "email,name,locale,topics\n"
                + "dario@example.org,Darío Peña,es-AR,Economía\n"
                + "carla@@example.org,Carla,es,\n"
                + "elena@example.com,Elena «La Negra» Ruiz,en,\n", StandardCharsets.UTF_8);
        browser.driver.findElement(By.id("file")).sendKeys(upload.toAbsolutePath().toString());
        browser.driver.findElement(By.id("upload")).click();

        assertThat(waitFor(By.id("upload-problems")).getText()).startsWith("nuevos.csv:3: ").contains("carla@@example.org");
        assertThat(browser.driver.findElement(By.id("upload-report")).getText()).contains("2 filas válidas: 2 agregadas");
        assertThat(world.subscriber("dario@example.org").active()).isTrue();
        assertThat(world.subscriber("elena@example.com").name()).isEqualTo("Elena «La Negra» Ruiz");
        Layout.check(browser, "admin-subscribers-upload", "es-AR");

        browser.driver.findElement(By.id("q")).sendKeys("peña");
        browser.driver.findElement(By.id("search")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("q="));
        assertThat(rows()).extracting(row -> row.getAttribute("data-email")).containsExactly("dario@example.org");
        Layout.check(browser, "admin-subscribers", "es-AR");

        rows().get(0).findElement(By.tagName("button")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBe(By.cssSelector("tr[data-email='dario@example.org'] td.status"), "dado de baja"));
        assertThat(world.subscriber("dario@example.org").status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
        assertThat(browser.driver.getCurrentUrl()).as("back on the same search").contains("q=pe%C3%B1a");

        // a bounced reader is shown as such, and only an admin's click lifts it
        world.app.subscribers.stop(world.subscriber("elena@example.com").id(), Subscriber.Status.BOUNCED);
        browser.driver.get(world.server.url() + "/admin/subscribers?q=elena");
        WebElement elena = waitFor(By.cssSelector("tr[data-email='elena@example.com']"));
        assertThat(elena.findElement(By.cssSelector("td.status")).getText()).isEqualTo("rebotó: sin envíos");
        assertThat(elena.findElement(By.tagName("button")).getText()).isEqualTo("Levantar el bloqueo");
        elena.findElement(By.tagName("button")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBe(By.cssSelector("tr[data-email='elena@example.com'] td.status"), "activo"));
        assertThat(world.subscriber("elena@example.com").status()).isEqualTo(Subscriber.Status.ACTIVE);

        String href = browser.driver.findElement(By.id("export")).getAttribute("href");
        HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", AdminPages.SESSION_COOKIE + "=" + browser.driver.manage().getCookieNamed(AdminPages.SESSION_COOKIE).getValue())
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"subscribers-");
        assertThat(export.headers().firstValue("Content-Type").orElse("")).isEqualTo("text/csv; charset=utf-8");
        assertThat(export.body()).startsWith("\uFEFFemail,name,locale,topics,timezone\r\n")
                .contains("dario@example.org,Darío Peña,es-AR,Economía,\r\n", "elena@example.com,Elena «La Negra» Ruiz,en,,\r\n")
                .doesNotContain("carla@@");
    }

    @Test
    void anAdminAddsAnAccountAndCreatesAndRevokesAToken() {
        signIn(ADMIN);
        browser.driver.get(world.server.url() + "/admin/admins");
        assertThat(browser.driver.findElement(By.cssSelector("tr[data-email='" + ADMIN + "']")).getText()).contains("tu cuenta");
        Layout.check(browser, "admin-admins", "es-AR");
        browser.driver.findElement(By.id("email")).sendKeys("nuevo@example.org");
        browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver.findElement(By.id("add")).click();
        assertThat(waitFor(By.id("notice")).getText()).isEqualTo("Cuenta nuevo@example.org agregada.");
        // refusals are said in the page's language, like everything else on it
        browser.driver.findElement(By.id("email")).sendKeys("nuevo@example.org");
        browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver.findElement(By.id("add")).click();
        assertThat(waitFor(By.id("problem")).getText())
                .isEqualTo("nuevo@example.org ya tiene una cuenta; para cambiarle el rol o la contraseña, quitala primero.");

        browser.driver.get(world.server.url() + "/admin/tokens");
        browser.driver.findElement(By.id("name")).sendKeys("cms de la redacción");
        browser.driver.findElement(By.id("create")).click();
        String token = waitFor(By.id("token")).getText();
        assertThat(token).hasSize(43);
        Layout.check(browser, "admin-tokens", "es-AR");
        browser.driver.get(world.server.url() + "/admin/tokens");
        assertThat(browser.driver.findElements(By.id("token"))).as("shown once").isEmpty();
        browser.driver.findElement(By.cssSelector("tr[data-name='cms de la redacción'] button")).click();
        assertThat(waitFor(By.cssSelector("tr[data-name='cms de la redacción'] .revoked")).getText()).startsWith("revocado el ");
    }

    @Test
    void anEditorIsRefusedTheAdminOnlyPages() {
        signIn(EDITOR);
        for (String page : List.of("/admin/subscribers", "/admin/admins", "/admin/tokens")) {
            browser.driver.get(world.server.url() + page);
            assertThat(waitFor(By.id("error")).getText()).as(page).isEqualTo("Esta página es solo para el rol admin.");
        }
        Layout.check(browser, "admin-refused-role", "es-AR");
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#subscribers tbody tr"));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void signIn(String email) {
        browser.driver.get(world.server.url() + "/admin/login");
        browser.driver.findElement(By.id("email")).sendKeys(email);
        browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver.findElement(By.id("signin")).click();
        waitFor(By.id("signed-in"));
    }
}
