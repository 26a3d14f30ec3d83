package org.alignscope.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts of pathological data render to PNG (a generous timeout only guards against a hang). */
@Tag("reliability")
class LinePlotExtremeTest {
    private static final Duration HANG = Duration.ofSeconds(120);

    private static void renders(LinePlot plot, Path file) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(HANG, () -> plot.save(file));
        assertTrue(Files.exists(file));
    }

    @Test
    void aDivergedLossRendersOnLinearAndLogAxes(@TempDir Path dir) throws Exception {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {0.6, 0.55, 3, 1e40, 1e161, Double.NaN};
        renders(new LinePlot("loss", "step", "loss").line("a", x, y), dir.resolve("linear.png"));
        renders(new LinePlot("loss", "step", "loss").logY().line("a", x, y), dir.resolve("log.png"));
        LinePlot withNote = new LinePlot("loss", "step", "loss").line("a", x, y);
        assertTrue(withNote.chart().getTitle().contains("clipped"), withNote.chart().getTitle());
    }

    @Test
    void nonFiniteEqualAndAllClippedSeriesRender(@TempDir Path dir) {
        double[] x = {0, 1, 2};
        renders(new LinePlot("nan", "x", "y").line("a", x, new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}), dir.resolve("nan.png"));
        renders(new LinePlot("equal", "x", "y").logY().line("a", x, new double[] {2, 2, 2}), dir.resolve("eq.png"));
        renders(new LinePlot("clipped", "x", "y").line("a", x, new double[] {1e300, 1e300, 1e300}),
                dir.resolve("clipped.png"));
        renders(new LinePlot("theta", "x", "y").yRange(0, 1).line("a", x, new double[] {-5, 0.5, 1e161}),
                dir.resolve("fixed.png"));
        renders(new LinePlot("x extreme", "x", "y").logX().line("a", new double[] {1e-300, 1, 1e300}, x),
                dir.resolve("logx.png"));
    }

    @Test
    void seriesOfTheSameNameRenderSideBySide(@TempDir Path dir) {
        double[] x = {0, 1};
        LinePlot p = new LinePlot("twins", "x", "y").line("seed 1", x, x).line("seed 1", x, new double[] {1, 0});
        assertTrue(p.chart().getSeries("seed 1 #2") != null);
        LinePlot.saveGrid(List.of(p), 1, 1, dir.resolve("twins.png"));
    }
}
