package org.alignscope.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.alignscope.report.html.ReportPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in Debian's chromium through /usr/bin/chromedriver (skipped where they are not installed; .ci/run
 * installs them). Nothing is downloaded: the driver and the browser are given by path, and the test checks that
 * Selenium Manager was skipped.
 */
@Timeout(180)
class DashboardBrowserTest {
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final String BROWSER = "/usr/bin/chromium";
    /** Counts the drawn (non-transparent) pixels of every chart canvas. */
    private static final String DRAWN = "return Array.from(document.querySelectorAll('.chart canvas')).map(function (c) {"
            + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
            + " for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } } return n; });";

    private static WebDriver browser(Path profile, List<LogRecord> finderLog) {
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
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        return new ChromeDriver(service, options);
    }

    private static void await(WebDriver d, String what, java.util.function.Function<WebDriver, Boolean> cond) {
        try {
            new WebDriverWait(d, Duration.ofSeconds(30)).until(cond::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status: "
                    + d.findElement(By.id("status")).getText(), e);
        }
    }

    /** The page's JavaScript errors (uncaught exceptions and console errors). */
    private static List<String> errors(WebDriver d) {
        return d.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(Object::toString).toList();
    }

    private static String lastStep(WebDriver d) {
        return d.findElement(By.id("status")).getAttribute("data-last-step");
    }

    @Test
    void thePageRendersItsChartsAndFollowsTheRunAsItWrites(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(DRIVER)) && Files.isExecutable(Path.of(BROWSER)),
                "chromium and chromium-driver are not installed");
        Path dir = tmp.resolve("run");
        LiveRun.write(dir, "plain", "dom");
        List<LogRecord> finderLog = new ArrayList<>();
        WebDriver d = browser(tmp.resolve("profile"), finderLog);
        try (DashboardServer s = DashboardServer.start(dir, null, 0)) {
            assertTrue(finderLog.stream().anyMatch(r -> r.getMessage().startsWith("Skipping Selenium Manager")),
                    "Selenium Manager must not run");
            d.get(s.url().toString());
            await(d, "the snapshot", x -> "49".equals(lastStep(x)));
            await(d, "the charts", x -> x.findElements(By.cssSelector(".chart canvas")).size() >= 3);
            @SuppressWarnings("unchecked")
            List<Long> drawn = (List<Long>) ((JavascriptExecutor) d).executeScript(DRAWN);
            assertTrue(drawn.size() >= 3, "loss, alignment and eigenvalue charts: " + drawn);
            for (long n : drawn) {
                assertTrue(n > 1000, "every chart canvas has drawn pixels: " + drawn);
            }
            assertTrue(d.findElement(By.id("status")).getText().contains("2 run(s)"));

            LiveRun.append(dir, "dom", 50);
            await(d, "the appended row", x -> "50".equals(lastStep(x)));
            LiveRun.append(dir, "bulk", 51);
            await(d, "the new arm", x -> "51".equals(lastStep(x))
                    && x.findElement(By.id("status")).getText().contains("3 run(s)"));
            assertEquals(List.of(), errors(d));
        } finally {
            d.quit();
        }
    }

    @Test
    void theStaticReportRendersFromDiskWithoutAServer(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(DRIVER)) && Files.isExecutable(Path.of(BROWSER)),
                "chromium and chromium-driver are not installed");
        Path dir = tmp.resolve("run");
        LiveRun.write(dir, "plain");
        Path page = ReportPage.write(dir);
        WebDriver d = browser(tmp.resolve("profile"), new ArrayList<>());
        try {
            d.get(page.toUri().toString());
            await(d, "the report", x -> "49".equals(lastStep(x)));
            @SuppressWarnings("unchecked")
            List<Long> drawn = (List<Long>) ((JavascriptExecutor) d).executeScript(DRAWN);
            assertTrue(drawn.size() >= 4 && drawn.stream().allMatch(n -> n > 1000), "drawn pixels: " + drawn);
            assertEquals(List.of(), errors(d));
            assertEquals(0L, ((JavascriptExecutor) d).executeScript(
                    "return performance.getEntriesByType('resource').length;"), "the page fetched nothing");
        } finally {
            d.quit();
        }
    }
}
