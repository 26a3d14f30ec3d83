package org.alignscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every saved grid has an SVG copy beside its PNG: valid XML, titles as text, one polyline per line series. */
@Tag("reliability")
class SvgFigureTest {
    private static final double[] STEPS = {1, 10, 100, 1000, 10000};

    @Test
    void aSavedGridHasAnSvgWithItsTitlesAsTextAndAPolylinePerSeries(@TempDir Path dir) throws Exception {
        LinePlot theta = new LinePlot("Alignment θ_t, m = 50 <seed 42 & 43>", "step", "θ_t").logX().yRange(0, 1)
                .line("seed 42", STEPS, new double[] {0.9, 0.2, 0.5, 0.8, 0.85})
                .line("limit", STEPS, new double[] {0.7, 0.7, 0.7, 0.7, 0.7}, Color.BLACK, true);
        LinePlot loss = new LinePlot("Loss", "step", "loss").logY()
                .line("seed 42", STEPS, new double[] {1e3, 1e2, 1, 1e-2, 1e-3});
        LinePlot bars = new LinePlot("E[θ] against m", "m", "E[θ]").logX()
                .errorBars("mean of 7 seeds", new double[] {5, 50, 500}, new double[] {0.5, 0.6, 0.7},
                        new double[] {0.2, 0.01, 0.25}, Color.BLUE);
        Path png = dir.resolve("fig.png");
        LinePlot.saveGrid(List.of(theta, loss, bars), 2, 2, png);
        assertTrue(Files.exists(png));
        Path svg = dir.resolve("fig.svg");
        assertTrue(Files.exists(svg), "the SVG lies beside the PNG");

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("1280", root.getAttribute("width"), "two columns of 640");
        List<String> texts = new ArrayList<>();
        NodeList t = doc.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        assertTrue(texts.contains("Alignment θₜ, m = 50 <seed 42 & 43>"), "the title, typeset and escaped: " + texts);
        assertTrue(texts.contains("Loss") && texts.contains("E[θ] against m"), texts.toString());
        assertTrue(texts.contains("θₜ"), "the axis title");
        assertTrue(texts.contains("seed 42") && texts.contains("limit"), "the legend: " + texts);
        assertTrue(texts.contains("104"), "a power-of-ten tick, 10 with a raised 4: " + texts);

        NodeList lines = doc.getElementsByTagName("polyline");
        assertEquals(4, lines.getLength(), "one polyline per line series, none for the points");
        Element limit = (Element) lines.item(1);
        assertEquals("limit", limit.getTextContent());
        assertEquals("#000000", limit.getAttribute("stroke"));
        assertTrue(!limit.getAttribute("stroke-dasharray").isEmpty(), "dashed as in the PNG");
        assertEquals(5, limit.getAttribute("points").split(" ").length, "every point of the line");
        assertEquals(3, ((Element) doc.getElementsByTagName("path").item(0)).getAttribute("d").split("M").length - 1,
                "one error bar per point");
        assertEquals(3, doc.getElementsByTagName("circle").getLength(), "a marker per point");
    }

    @Test
    void tickLabelsAreShortAndRound() {
        assertEquals("0.3", AxisTicks.label(0.1 * 3));
        assertEquals("1.5e-5", AxisTicks.label(1.5e-5));
        assertEquals("30000", AxisTicks.label(30000));
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
                AxisTicks.of(0, 1, false, 5).stream().map(AxisTicks.Tick::value).map(v -> Math.round(v * 10) / 10.0).toList());
        assertEquals(List.of(1.0, 10.0, 100.0), AxisTicks.of(1, 300, true, 6).stream().map(AxisTicks.Tick::value).toList());
    }
}
