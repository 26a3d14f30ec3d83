package org.alignscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapTest {
    @Test
    void coloursRunFromTheFirstStopToTheLastAndLabelsKeepFourDigits() {
        assertEquals(new Color(68, 1, 84), Heatmap.colour(0));
        assertEquals(new Color(253, 231, 37), Heatmap.colour(1));
        assertEquals(new Color(33, 145, 140), Heatmap.colour(0.5));
        assertEquals("0.1235", Heatmap.label(0.123456));
        assertEquals("1.235e-05", Heatmap.label(1.2345e-5));
    }

    @Test
    void positionsAreLinearOrLogarithmic() {
        Heatmap h = new Heatmap("t", "x", List.of("a", "b"), "y", List.of("r"));
        h.cell(0, 0, 1, null).cell(1, 0, 5, null);
        assertEquals(0.25, Heatmap.position(2, h.colourRange()), 1e-15);
        assertTrue(Double.isNaN(Heatmap.position(Double.NaN, h.colourRange())));
        h.cell(0, 0, 10, null).cell(1, 0, 1000, null).logColour();
        assertEquals(0.5, Heatmap.position(100, h.colourRange()), 1e-12);
    }

    @Test
    void squaresTakeTheirValuesColourAndMissingOnesAreGrey(@TempDir Path dir) throws Exception {
        Heatmap h = new Heatmap("final loss", "eta", List.of("0.1", "0.2", "0.3"), "m", List.of("5", "50"));
        h.cell(0, 0, 1.0, null).cell(1, 0, 2.0, null).cell(2, 0, 3.0, "1/2 diverged").cell(0, 1, Double.NaN, "diverged");
        Path file = dir.resolve("plots/h.png");
        h.save(file);
        BufferedImage img = ImageIO.read(file.toFile());
        // left margin 110, top 50, squares 96 x 56: sample near each square's top-left corner, away from the text
        assertEquals(Heatmap.colour(0).getRGB(), img.getRGB(110 + 5, 50 + 5));
        assertEquals(Heatmap.colour(1).getRGB(), img.getRGB(110 + 2 * 96 + 5, 50 + 5));
        assertEquals(Heatmap.colour(0.5).getRGB(), img.getRGB(110 + 96 + 5, 50 + 5));
        assertEquals(new Color(200, 200, 200).getRGB(), img.getRGB(110 + 5, 50 + 56 + 5));
        assertNotEquals(img.getRGB(110 + 5, 50 + 5), img.getRGB(110 + 48, 50 + 28 - 4), "the value is printed in the square");
        assertTrue(Files.size(file) > 1000);
    }
}
