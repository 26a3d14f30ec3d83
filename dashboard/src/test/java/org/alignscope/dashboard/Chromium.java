package org.alignscope.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser of the page tests: Debian's chromium, headless, through /usr/bin/chromedriver. Nothing is
 * downloaded: the driver and the browser are given by path (tests skip themselves where they are missing).
 */
final class Chromium {
    static final String DRIVER = "/usr/bin/chromedriver";
    static final String BROWSER = "/usr/bin/chromium";
    /** Counts the drawn (non-transparent) pixels of every chart canvas. */
    static final String DRAWN = "return Array.from(document.querySelectorAll('.chart canvas')).map(function (c) {"
            + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
            + " for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } } return n; });";

    private Chromium() {
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(DRIVER)) && Files.isExecutable(Path.of(BROWSER));
    }

    /** A headless browser with its own profile folder; {@code finderLog} receives Selenium's driver-finder log. */
    static WebDriver start(Path profile, List<LogRecord> finderLog) {
        Logger finder = Logger.getLogger("org.openqa.selenium.remote.service.DriverFinder");
        finder.setLevel(Level.ALL);
        finder.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                finderLog.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        return new ChromeDriver(service, options);
    }

    /** Waits up to 30 s for {@code cond}; the failure names what was awaited and the page's status line. */
    static void await(WebDriver d, String what, Function<WebDriver, Boolean> cond) {
        try {
            new WebDriverWait(d, Duration.ofSeconds(30)).until(cond::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status: "
                    + d.findElement(By.id("status")).getText(), e);
        }
    }

    /** The page's JavaScript errors (uncaught exceptions and console errors). */
    static List<String> errors(WebDriver d) {
        return d.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(Object::toString).toList();
    }
}
