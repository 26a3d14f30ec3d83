package org.alignscope.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;
import org.alignscope.report.html.ReportPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * End to end in Debian's chromium through /usr/bin/chromedriver ({@link Chromium}; skipped where they are not
 * installed; .ci/run installs them). Nothing is downloaded, and the test checks that Selenium Manager was skipped.
 */
@Timeout(180)
class DashboardBrowserTest {
    private static String lastStep(WebDriver d) {
        return d.findElement(By.id("status")).getAttribute("data-last-step");
    }

    @Test
    void thePageRendersItsChartsAndFollowsTheRunAsItWrites(@TempDir Path tmp) throws Exception {
        assumeTrue(Chromium.installed(),
                "chromium and chromium-driver are not installed");
        Path dir = tmp.resolve("run");
        LiveRun.write(dir, "plain", "dom");
        List<LogRecord> finderLog = new ArrayList<>();
        WebDriver d = Chromium.start(tmp.resolve("profile"), finderLog);
        try (DashboardServer s = DashboardServer.start(dir, null, 0)) {
            assertTrue(finderLog.stream().anyMatch(r -> r.getMessage().startsWith("Skipping Selenium Manager")),
                    "Selenium Manager must not run");
            d.get(s.url().toString());
            Chromium.await(d, "the snapshot", x -> "49".equals(lastStep(x)));
            Chromium.await(d, "the charts", x -> x.findElements(By.cssSelector(".chart canvas")).size() >= 3);
            @SuppressWarnings("unchecked")
            List<Long> drawn = (List<Long>) ((JavascriptExecutor) d).executeScript(Chromium.DRAWN);
            assertTrue(drawn.size() >= 3, "loss, alignment and eigenvalue charts: " + drawn);
            for (long n : drawn) {
                assertTrue(n > 1000, "every chart canvas has drawn pixels: " + drawn);
            }
            assertTrue(d.findElement(By.id("status")).getText().contains("2 run(s)"));

            LiveRun.append(dir, "dom", 50);
            Chromium.await(d, "the appended row", x -> "50".equals(lastStep(x)));
            LiveRun.append(dir, "bulk", 51);
            Chromium.await(d, "the new arm", x -> "51".equals(lastStep(x))
                    && x.findElement(By.id("status")).getText().contains("3 run(s)"));
            assertEquals(List.of(), Chromium.errors(d));
        } finally {
            d.quit();
        }
    }

    @Test
    void theStaticReportRendersFromDiskWithoutAServer(@TempDir Path tmp) throws Exception {
        assumeTrue(Chromium.installed(),
                "chromium and chromium-driver are not installed");
        Path dir = tmp.resolve("run");
        LiveRun.write(dir, "plain");
        Path page = ReportPage.write(dir);
        WebDriver d = Chromium.start(tmp.resolve("profile"), new ArrayList<>());
        try {
            d.get(page.toUri().toString());
            Chromium.await(d, "the report", x -> "49".equals(lastStep(x)));
            @SuppressWarnings("unchecked")
            List<Long> drawn = (List<Long>) ((JavascriptExecutor) d).executeScript(Chromium.DRAWN);
            assertTrue(drawn.size() >= 4 && drawn.stream().allMatch(n -> n > 1000), "drawn pixels: " + drawn);
            assertEquals(List.of(), Chromium.errors(d));
            assertEquals(0L, ((JavascriptExecutor) d).executeScript(
                    "return performance.getEntriesByType('resource').length;"), "the page fetched nothing");
        } finally {
            d.quit();
        }
    }
}
