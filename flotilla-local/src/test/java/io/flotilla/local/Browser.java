package io.flotilla.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A JUnit extension with one headless Chromium for a test class: Debian's {@code /usr/bin/chromium}
 * driven by {@code /usr/bin/chromedriver}, both named explicitly so Selenium Manager never runs
 * (nothing is downloaded); stopped after the class, leaving no process.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {

    static final String CHROMIUM = System.getProperty("flotilla.chromium", "/usr/bin/chromium");
    static final String DRIVER =
            System.getProperty("flotilla.chromedriver", "/usr/bin/chromedriver");

    private ChromeDriver driver;
    private ChromeDriverService service;

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty("webdriver.chrome.driver", DRIVER);
        service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Path.of(DRIVER).toFile())
                        .usingAnyFreePort()
                        .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + tempDir());
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Saves a PNG of the whole page (the window grown to its height) under {@code
     * target/ui-screenshots/}.
     */
    Path screenshot(String name) {
        Object height = driver.executeScript("return document.documentElement.scrollHeight");
        int h = Math.min(4000, Math.max(1000, ((Number) height).intValue()));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, h));
        driver.executeScript("window.scrollTo(0, 0)");
        try {
            Path dir =
                    Path.of(
                            System.getProperty("flotilla.local.target", "target"),
                            "ui-screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("flotilla-chromium").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }
}
