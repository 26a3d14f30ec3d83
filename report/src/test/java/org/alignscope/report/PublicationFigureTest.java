package org.alignscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** Figures as a paper needs them: a legend that is never cut, typeset symbols. */
@Tag("reliability")
class PublicationFigureTest {
    private static final double[] X = {0, 1, 2, 3};

    @Test
    void aLegendTooWideForOneRowGoesBesideThePlotAndIsNotCut(@TempDir Path dir) throws Exception {
        LinePlot p = new LinePlot("Alignment θ (squared) against step", "step", "θ_t").yRange(0, 1);
        for (String m : List.of("5", "10", "20", "50", "100", "200", "300", "400", "500")) {
            p.line("m=" + m + " seed 42", X, new double[] {0.9, 0.5, 0.7, 0.8});
        }
        assertFalse(p.legendFitsInOneRow());
        p.save(dir.resolve("alignment.png"));
        BufferedImage img = ImageIO.read(dir.resolve("alignment.png").toFile());
        for (int x = img.getWidth() - 4; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                assertEquals(Color.WHITE.getRGB(), img.getRGB(x, y), "a pixel drawn at the right edge (" + x + ", " + y
                        + "): something is cut off");
            }
        }
        LinePlot two = new LinePlot("t", "x", "y").line("a", X, X).line("b", X, X);
        assertTrue(two.legendFitsInOneRow(), "a short legend stays under the plot");
    }

    @Test
    void symbolsAreTypesetAndTheFigureFontHasThem() {
        assertEquals("θₜ", Typeset.of("θ_t"));
        assertEquals("m = λₖ/λₖ₊₁", Typeset.of("m = λ_k/λ_{k+1}"));
        assertEquals("ηˡᵒˢˢ_D", Typeset.of("η^{loss}_D"));
        assertEquals("θ_∞ and x_", Typeset.of("θ_∞ and x_"), "a script without Unicode forms stays as written");
        XYChart c = new LinePlot("Decrease phase, η*", "m = λ_k/λ_{k+1}", "θ_t").line("θ̄_t limit", X, X).chart();
        assertEquals("m = λₖ/λₖ₊₁", c.getXAxisTitle());
        Font font = c.getStyler().getAxisTitleFont();
        for (String text : List.of(c.getXAxisTitle(), c.getYAxisTitle(), "ηˡᵒˢˢ η* θ̄ₜ")) {
            assertEquals(-1, font.canDisplayUpTo(text), "the figure font lacks a character of " + text);
        }
    }

    @Test
    void errorBarsWidenTheAxisToTheirEnds() {
        XYChart c = new LinePlot("E", "m", "E[θ]").logX().errorBars("mean of 7 seeds", new double[] {5, 50, 500},
                new double[] {0.5, 0.6, 0.7}, new double[] {0.2, 0.01, 0.25}, Color.BLUE).chart();
        assertTrue(c.getStyler().getYAxisMin() <= 0.3 && c.getStyler().getYAxisMax() >= 0.95);
        assertTrue(c.getSeries("mean of 7 seeds").getExtraValues() != null, "the series carries its error bars");
    }

    @Test
    void aLogStepAxisKeepsTheEarlyStepsPointByPoint() {
        int n = 30_001;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = Math.sin(i);
        }
        double[][] d = Decimation.minMaxLogX(x, y, 640);
        assertTrue(d[0].length <= 2 * 640);
        for (int i = 0; i < 20; i++) {
            assertEquals(i + 1, d[0][i], "the first steps each keep their point");
        }
        double[][] linear = Decimation.minMax(x, y, 640);
        assertTrue(linear[0][4] > 20, "a linear decimation merges the first tens of steps");
    }
}
