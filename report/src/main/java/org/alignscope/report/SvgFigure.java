package org.alignscope.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.io.AtomicFile;
import org.knowm.xchart.XYChart;

/**
 * The SVG copy of a PNG figure: the same grid of charts, each drawn by {@link SvgChart} as lines and text,
 * written through the run folder's atomic writes next to the PNG ({@code fig5.png} → {@code fig5.svg}).
 */
final class SvgFigure {
    private SvgFigure() {
    }

    /** {@code file} with its {@code .png} ending (if any) replaced by {@code .svg}. */
    static Path besidePng(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(base + ".svg");
    }

    /** The charts (painted) as one SVG, {@code rows} × {@code cols} cells of {@code w} × {@code h}, row by row. */
    static String grid(List<XYChart> charts, int rows, int cols, int w, int h) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(cols * w).append("\" height=\"").append(rows * h).append("\" viewBox=\"0 0 ").append(cols * w)
                .append(' ').append(rows * h).append("\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        for (int i = 0; i < charts.size() && i < rows * cols; i++) {
            SvgChart.append(b, charts.get(i), (i % cols) * w, (i / cols) * h, "plot" + i);
        }
        return b.append("</svg>\n").toString();
    }

    static void write(List<XYChart> charts, int rows, int cols, int w, int h, Path file) {
        byte[] bytes = grid(charts, rows, cols, w, h).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }
}
