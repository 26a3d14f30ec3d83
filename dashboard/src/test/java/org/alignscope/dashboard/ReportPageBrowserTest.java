package org.alignscope.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignscope.io.CsvWriter;
import org.alignscope.report.Decimation;
import org.alignscope.report.Manifest;
import org.alignscope.report.html.ReportPage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The static page of a reproduction-like folder (9 values of m, seeds under each) and of a training-like folder
 * (the arms plain, dom, bulk, two seeds each) in chromium: the legends list groups in their natural order,
 * clicking a group hides its lines, the log-step switch changes the axis, and zooming into the first 300 steps
 * shows more points than the page's thinned series used to hold there. With {@code -Dalignscope.writeDocs=true}
 * it also writes the two pages' screenshots to {@code docs/figures/}.
 */
@Tag("reliability")
@Timeout(120)
class ReportPageBrowserTest {
    private static final int[] M = {5, 10, 20, 50, 100, 200, 300, 400, 500};
    private static final List<String> ARMS = List.of("plain", "dom", "bulk");
    private static final int SEEDS = 2;
    /** Reproduction trajectories: a row every 10 steps over 30,000 steps, as {@code quad reproduce} writes. */
    private static final int STRIDE = 10;
    private static final int ROWS = 3001;
    /** Training metrics: a row every step. */
    private static final int STEPS = 2000;
    private static final double EARLY = 300;
    /** Group legend entries of a panel, in order. */
    private static final String GROUPS = "return Array.from(document.querySelectorAll('#panel-' + arguments[0]"
            + " + ' .legend .item.group')).filter(function (e) { return !e.hidden; })"
            + ".map(function (e) { return e.textContent; });";
    /** Whether each of the panel's series of a group is shown: [group's series shown..., others' mean shown]. */
    private static final String SHOWN = "var panel = arguments[0], group = arguments[1];"
            + " var u = alignscope.chart(panel), m = alignscope.meta(panel), mine = [], others = [];"
            + " m.forEach(function (s, i) { if (s.role === 'seed') { return; }"
            + "   (s.group === group ? mine : others).push(u.series[i + 1].show); });"
            + " return [mine, others];";
    /** Zooms a panel's step axis to [0, arguments[1]], as dragging over it does (uPlot applies it a moment later). */
    private static final String ZOOM = "alignscope.chart(arguments[0]).setScale('x', {min: 0, max: arguments[1]});";
    /** The step axis's range and the number of points of a group's first seed of a column inside it. */
    private static final String VISIBLE = "var panel = arguments[0], group = arguments[1], col = arguments[2],"
            + " u = alignscope.chart(panel), m = alignscope.meta(panel);"
            + " var i = m.findIndex(function (s) { return s.group === group && s.col === col && s.role === 'seed'; }) + 1;"
            + " var xs = u.data[0], ys = u.data[i], n = 0;"
            + " for (var k = 0; k < xs.length; k++) {"
            + "   if (xs[k] >= u.scales.x.min && xs[k] <= u.scales.x.max && ys[k] != null) { n++; } }"
            + " return [u.scales.x.min, u.scales.x.max, n, i];";

    @Test
    void aReproductionPageGroupsItsRunsByM(@TempDir Path tmp) {
        assumeTrue(Chromium.installed(), "chromium and chromium-driver are not installed");
        Path dir = tmp.resolve("reproduce");
        double[][] first = reproduction(dir);
        Path page = ReportPage.write(dir);
        WebDriver d = Chromium.start(tmp.resolve("profile"), new ArrayList<>());
        try {
            d.get(page.toUri().toString());
            Chromium.await(d, "the charts", x -> x.findElements(By.cssSelector(".chart canvas")).size() >= 2);
            screenshot(d, "report-reproduction.png");
            List<String> m = new ArrayList<>();
            for (int v : M) {
                m.add("m=" + v);
            }
            assertEquals(m, script(d, GROUPS, "theta"), "one legend entry per m, in numeric order");
            assertEquals(m, script(d, GROUPS, "loss"));
            assertTrue(text(d, "#panel-theta .legend").contains("min–max"), "the page says what the band is");

            toggleHides(d, "theta", "m=50");
            logStepSwitches(d, "loss", "theta");
            zoomShowsMore(d, "loss", "m=5", "loss", first);
            assertEquals(List.of(), Chromium.errors(d));
        } finally {
            d.quit();
        }
    }

    @Test
    void aTrainingPageGroupsItsRunsByArm(@TempDir Path tmp) {
        assumeTrue(Chromium.installed(), "chromium and chromium-driver are not installed");
        Path dir = tmp.resolve("train");
        double[][] first = training(dir);
        Path page = ReportPage.write(dir);
        WebDriver d = Chromium.start(tmp.resolve("profile"), new ArrayList<>());
        try {
            d.get(page.toUri().toString());
            Chromium.await(d, "the charts", x -> x.findElements(By.cssSelector(".chart canvas")).size() >= 3);
            screenshot(d, "report-training.png");
            assertEquals(ARMS, script(d, GROUPS, "theta"), "the arms, not the runs");
            assertEquals(ARMS, script(d, GROUPS, "loss"));
            toggleHides(d, "theta", "dom");
            logStepSwitches(d, "loss", "theta");
            zoomShowsMore(d, "loss", "plain", "ref_loss", first);

            d.findElement(By.id("filter")).sendKeys("bulk");
            Chromium.await(d, "the filter", x -> List.of("bulk").equals(script(x, GROUPS, "theta")));
            d.findElement(By.id("filter")).clear();
            d.findElement(By.id("filter")).sendKeys(" ");
            Chromium.await(d, "the filter cleared", x -> ARMS.equals(script(x, GROUPS, "theta")));
            assertEquals(List.of(), Chromium.errors(d));
        } finally {
            d.quit();
        }
    }

    /** Clicking a group's legend entry hides its lines (mean and band) and no other group's; a second click shows them. */
    private static void toggleHides(WebDriver d, String panel, String group) {
        WebElement item = d.findElement(By.cssSelector("#panel-" + panel + " .legend .item.group[data-name='" + group + "']"));
        List<?> before = script(d, SHOWN, panel, group);
        assertTrue(((List<?>) before.get(0)).stream().allMatch(Boolean.TRUE::equals), "shown at first: " + before);
        item.click();
        List<?> after = script(d, SHOWN, panel, group);
        assertTrue(!((List<?>) after.get(0)).isEmpty()
                && ((List<?>) after.get(0)).stream().allMatch(Boolean.FALSE::equals), "hidden: " + after);
        assertTrue(((List<?>) after.get(1)).contains(true), "the other groups stay: " + after);
        item.click();
        assertTrue(((List<?>) script(d, SHOWN, panel, group).get(0)).stream().allMatch(Boolean.TRUE::equals));
    }

    /** The alignment panel starts on a log-step axis, the loss panel on a linear one; the switch changes it. */
    private static void logStepSwitches(WebDriver d, String linear, String log) {
        String distr = "return alignscope.chart(arguments[0]).scales.x.distr;";
        assertEquals(4L, ((JavascriptExecutor) d).executeScript(distr, log), "log-step (asinh) by default");
        assertEquals(1L, ((JavascriptExecutor) d).executeScript(distr, linear));
        By box = By.cssSelector("#panel-" + linear + " input[data-control='logx']");
        d.findElement(box).click();
        assertEquals(4L, ((JavascriptExecutor) d).executeScript(distr, linear));
        @SuppressWarnings("unchecked")
        List<Long> drawn = (List<Long>) ((JavascriptExecutor) d).executeScript(
                "return [alignscope.chart(arguments[0]).root.querySelector('canvas')].map(function (c) {"
                        + " var a = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                        + " for (var i = 3; i < a.length; i += 4) { if (a[i] !== 0) { n++; } } return n; });", linear);
        assertTrue(drawn.get(0) > 1000, "the log-step chart is drawn: " + drawn);
        d.findElement(box).click();
        assertEquals(1L, ((JavascriptExecutor) d).executeScript(distr, linear));
    }

    /** Zooming to steps [0, 300] shows more of a seed's points than min–max decimation left there. */
    private static void zoomShowsMore(WebDriver d, String panel, String group, String col, double[][] seed) {
        double[][] thinned = Decimation.minMax(seed[0], seed[1], ReportPage.COLUMNS);
        long before = 0;
        for (double x : thinned[0]) {
            before += x <= EARLY ? 1 : 0;
        }
        ((JavascriptExecutor) d).executeScript(ZOOM, panel, EARLY);
        List<?> zoom = script(d, VISIBLE, panel, group, col);
        assertTrue(((Number) zoom.get(3)).longValue() > 0, "the seed's series: " + zoom);
        assertEquals(0L, ((Number) zoom.get(0)).longValue(), "zoomed: " + zoom);
        assertEquals(300L, ((Number) zoom.get(1)).longValue(), "zoomed: " + zoom);
        long after = ((Number) zoom.get(2)).longValue();
        long all = 0;
        for (double x : seed[0]) {
            all += x <= EARLY ? 1 : 0;
        }
        assertEquals(all, after, "every written point of the first 300 steps (thinned, " + before + ")");
        assertTrue(after > before, after + " points, the thinned series had " + before);
    }

    private static List<?> script(WebDriver d, String js, Object... args) {
        return (List<?>) ((JavascriptExecutor) d).executeScript(js, args);
    }

    private static String text(WebDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }

    /** The page as it opens, for the guide (only with -Dalignscope.writeDocs=true). */
    private static void screenshot(WebDriver d, String name) {
        if (!Boolean.getBoolean("alignscope.writeDocs")) {
            return;
        }
        Path out = Path.of("..", "docs", "figures", name);
        try {
            Files.write(out, ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** m_<m>/seed_<s>/trajectory.csv like {@code quad reproduce}; returns the (step, loss) of m_5's first seed. */
    private static double[][] reproduction(Path dir) {
        new Manifest("alignscope quad reproduce").setting("m", M).complete().write(dir);
        double[][] first = null;
        for (int m : M) {
            for (int s = 1; s <= SEEDS; s++) {
                SplittableRandom r = new SplittableRandom(31L * m + s);
                double[][] loss = new double[2][ROWS];
                try (CsvWriter w = new CsvWriter(dir.resolve("m_" + m).resolve("seed_" + s).resolve("trajectory.csv"),
                        true, "step", "loss", "theta", "regime")) {
                    for (int i = 0; i < ROWS; i++) {
                        int step = i * STRIDE;
                        double l = 3000 * Math.exp(-step / (20.0 * m)) + 0.1 * (1 + 0.2 * r.nextDouble());
                        double theta = Math.min(1, Math.max(0, 1 - Math.exp(-step / (30.0 * m))
                                * (1 - 0.02 * m / 10.0) + 0.05 * r.nextGaussian()));
                        w.row(step, l, theta, theta < 0.5 ? "low" : "stable");
                        loss[0][i] = step;
                        loss[1][i] = l;
                    }
                }
                first = first == null ? loss : first;
            }
        }
        return first;
    }

    /** <arm>/seed_<s>/metrics.csv like {@code train}; returns the (step, ref_loss) of plain's first seed. */
    private static double[][] training(Path dir) {
        new Manifest("alignscope train").complete().write(dir);
        double[][] first = null;
        for (int a = 0; a < ARMS.size(); a++) {
            for (int s = 1; s <= SEEDS; s++) {
                SplittableRandom r = new SplittableRandom(7L * a + s);
                double[][] loss = new double[2][STEPS];
                try (CsvWriter w = new CsvWriter(dir.resolve(ARMS.get(a)).resolve("seed_" + s).resolve("metrics.csv"),
                        true, "step", "event", "batch_loss", "ref_loss", "ref_theta", "lambda_1", "lambda_2")) {
                    for (int t = 0; t < STEPS; t++) {
                        double ref = 2.3 * Math.exp(-t / (300.0 + 100 * a)) + 0.05;
                        w.row(t, t == 500 && a > 0 ? "switch" : "", ref * (1 + 0.3 * r.nextGaussian()), ref,
                                Math.min(1, 0.2 + 0.6 * (1 - Math.exp(-t / 200.0)) + 0.05 * r.nextGaussian()),
                                40 + 10 * Math.tanh(t / 400.0) + a, 20 + 5 * Math.tanh(t / 400.0));
                        loss[0][t] = t;
                        loss[1][t] = ref;
                    }
                }
                first = first == null ? loss : first;
            }
        }
        return first;
    }
}
