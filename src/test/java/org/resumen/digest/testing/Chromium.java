package org.resumen.digest.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through /usr/bin/chromedriver, so nothing is
 * downloaded. Without Chromium the browser tests are skipped loudly, except under CI (env CI set),
 * where they fail.
 */
public final class Chromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshots of the pages are kept as test artifacts. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh browser (own profile folder), or skips/fails the test when Chromium is missing. */
    public static Chromium start() {
        requireInstalled();
        try {
            Path profile = Files.createTempDirectory("digest-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            // As root, Chromium needs --no-sandbox; the rest keeps it from calling home or updating itself.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
            // A reader in Argentina: the pages without a subscriber's language follow Accept-Language.
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-AR,es"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // A click returns before the browser has loaded the next page: every lookup waits for its element
            // (up to 10 s) instead of each test racing the page it just asked for.
            driver.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(10));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "BROWSER TESTS NOT RUN: " + BINARY + " or " + DRIVER
                + " is missing; install them with: apt-get install -y chromium chromium-driver";
        if (System.getenv("CI") != null) {
            fail(message + " (CI is set, so this is a failure)");
        }
        System.err.println("\n" + "!".repeat(100) + "\n" + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
    }

    /** Lays the page out as on a screen {@code width} CSS pixels wide (375 = a phone). */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Saves what the viewport shows as target/screenshots/{name}.png; returns the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How much wider than the viewport the document is, in CSS pixels (0 = no horizontal scroll). */
    public long horizontalOverflow() {
        return (Long) driver.executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
    }

    /** The name (or id) of each form control no label describes. */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledInputs() {
        return (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')).filter(e => e.labels.length === 0"
                + " && !e.getAttribute('aria-label')).map(e => e.name || e.id || e.outerHTML);");
    }

    public String lang() {
        return (String) driver.executeScript("return document.documentElement.lang;");
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A left-over temporary profile folder is harmless.
        }
    }
}
