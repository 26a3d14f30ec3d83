package org.alignscope.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart saved as PNG (XChart), built fluently: series are decimated to two points per pixel
 * column ({@link Decimation}, in log10 x on a logarithmic x axis) so that a figure of a 30,000-step run costs
 * milliseconds. Titles, axis labels and series names are {@link Typeset} ({@code θ_t} → θₜ). The legend goes
 * under the plot when its entries fit in one row and beside it, one entry a line, when they do not, so that it is
 * never cut off. The axes show what
 * {@link AxisRange} can draw of the data (non-finite values, and non-positive ones on a log axis, dropped; absurd
 * outliers clipped to the edge), and the title says what they left out. Series of the same name are told apart
 * by " #2", " #3" ... Several charts can share one PNG as a grid ({@link #saveGrid}); every PNG gets an SVG copy.
 */
public final class LinePlot {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private boolean logX;
    private boolean logY;
    private Double yMin;
    private Double yMax;
    private final List<Series> series = new ArrayList<>();
    private XYChart chart;
    private BufferedImage image;

    /** Pixels a legend entry takes beyond its text: the line sample and the paddings around it. */
    private static final int LEGEND_ENTRY = 54;
    /** Pixels of one entry of a legend drawn one entry a line. */
    private static final int LEGEND_LINE = 20;
    /** Pixels between x tick labels that XChart aims at (its default, 74, lets long labels touch). */
    private static final int X_TICK_SPACING = 110;

    /** One series; {@code error} (or null) is the half-length of a vertical error bar at each point. */
    private record Series(String name, double[] x, double[] y, double[] error, boolean points, Color color,
                          boolean dashed) {
    }

    public LinePlot(String title, String xLabel, String yLabel) {
        this(title, xLabel, yLabel, 640, 420);
    }

    public LinePlot(String title, String xLabel, String yLabel, int width, int height) {
        this.title = Typeset.of(title);
        this.xLabel = Typeset.of(xLabel);
        this.yLabel = Typeset.of(yLabel);
        this.width = width;
        this.height = height;
    }

    public LinePlot logX() {
        logX = true;
        return this;
    }

    public LinePlot logY() {
        logY = true;
        return this;
    }

    /** A fixed y range (values outside it are drawn at its edge); needs finite min &lt; max. */
    public LinePlot yRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("a y range needs finite min < max, got [" + min + ", " + max + "]");
        }
        yMin = min;
        yMax = max;
        return this;
    }

    /** A line. */
    public LinePlot line(String name, double[] x, double[] y) {
        series.add(new Series(Typeset.of(name), x, y, null, false, null, false));
        return this;
    }

    /** A line in a given colour, dashed when {@code dashed}. */
    public LinePlot line(String name, double[] x, double[] y, Color color, boolean dashed) {
        series.add(new Series(Typeset.of(name), x, y, null, false, color, dashed));
        return this;
    }

    /** Points with markers and no line. */
    public LinePlot points(String name, double[] x, double[] y) {
        series.add(new Series(Typeset.of(name), x, y, null, true, null, false));
        return this;
    }

    /** Points joined by a line, each with a vertical error bar from y − error to y + error. */
    public LinePlot errorBars(String name, double[] x, double[] y, double[] error, Color color) {
        if (error.length != y.length) {
            throw new IllegalArgumentException("an error bar per point is needed: " + error.length + " for "
                    + y.length + " points");
        }
        series.add(new Series(Typeset.of(name), x, y, error, false, color, false));
        return this;
    }

    /**
     * Builds the XChart chart. Both axes get an {@link AxisRange} over every series, so that the chart never sees a
     * non-finite or absurd range; what the ranges leave out is appended to the title.
     */
    public XYChart chart() {
        AxisRange xr = AxisRange.of(logX, series.stream().map(Series::x).toArray(double[][]::new));
        double[][] ys = series.stream().flatMap(LinePlot::extent).toArray(double[][]::new);
        AxisRange yr = yMin != null ? AxisRange.fixed(yMin, yMax, ys) : AxisRange.of(logY, ys);
        boolean beside = !legendFitsInOneRow();
        int h = beside ? Math.max(height, series.size() * LEGEND_LINE + 80) : height;
        XYChart chart = new XYChartBuilder().width(width).height(h).title(title + notes(xr, yr))
                .xAxisTitle(axisTitle(xLabel, xr)).yAxisTitle(axisTitle(yLabel, yr)).build();
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(xr.logAxis());
        styler.setYAxisLogarithmic(yr.logAxis());
        styler.setXAxisMin(xr.min());
        styler.setXAxisMax(xr.max());
        styler.setYAxisMin(yr.min());
        styler.setYAxisMax(yr.max());
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendVisible(series.size() > 1);
        styler.setLegendPosition(beside ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(beside ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
        styler.setXAxisTickMarkSpacingHint(X_TICK_SPACING);
        styler.setAntiAlias(true);
        Set<String> names = new HashSet<>();
        for (Series s : series) {
            double[][] xy = drawn(s.x(), s.y(), xr, yr);
            if (xy[0].length == 0) {
                continue;
            }
            if (s.error() != null) {
                double[] error = errorsDrawn(s, xr, yr);
                XYSeries added = chart.addSeries(unique(s.name(), names), xy[0], xy[1], error);
                added.setMarker(SeriesMarkers.CIRCLE);
                added.setLineColor(s.color());
                added.setMarkerColor(s.color());
                continue;
            }
            double[][] drawn = s.points() ? xy : xr.logAxis() ? Decimation.minMaxLogX(xy[0], xy[1], width)
                    : Decimation.minMax(xy[0], xy[1], width);
            XYSeries added = chart.addSeries(unique(s.name(), names), drawn[0], drawn[1]);
            if (s.points()) {
                added.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                added.setMarker(SeriesMarkers.CIRCLE);
            } else {
                added.setMarker(SeriesMarkers.NONE);
                added.setLineWidth(1.2f);
            }
            if (s.color() != null) {
                added.setLineColor(s.color());
                added.setMarkerColor(s.color());
                if (s.dashed()) {
                    added.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6f, 4f}, 0f));
                }
            }
        }
        return chart;
    }

    /** The y values a series needs room for: its points, and the ends of its error bars. */
    private static java.util.stream.Stream<double[]> extent(Series s) {
        if (s.error() == null) {
            return java.util.stream.Stream.of(s.y());
        }
        double[] low = new double[s.y().length];
        double[] high = new double[s.y().length];
        for (int i = 0; i < low.length; i++) {
            low[i] = s.y()[i] - s.error()[i];
            high[i] = s.y()[i] + s.error()[i];
        }
        return java.util.stream.Stream.of(s.y(), low, high);
    }

    /** The error bars of the points that {@link #drawn} keeps, in the same order. */
    private static double[] errorsDrawn(Series s, AxisRange xr, AxisRange yr) {
        int n = Math.min(s.x().length, s.y().length);
        double[] e = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (xr.drawable(s.x()[i]) && yr.drawable(s.y()[i])) {
                e[m++] = Double.isFinite(s.error()[i]) ? s.error()[i] : 0;
            }
        }
        return java.util.Arrays.copyOf(e, m);
    }

    /**
     * Whether the legend's entries fit side by side in one row under the plot (XChart does not wrap them: what
     * does not fit would be cut off at the chart's right edge).
     */
    boolean legendFitsInOneRow() {
        Font font = new XYChartBuilder().build().getStyler().getLegendFont();
        FontRenderContext context = new FontRenderContext(null, true, true);
        double across = 0;
        for (Series s : series) {
            across += font.getStringBounds(s.name(), context).getWidth() + LEGEND_ENTRY;
        }
        return across <= width - 20;
    }

    /** " (x: ..., y: ...)" for what either axis does not show as it is; empty when it shows everything. */
    private static String notes(AxisRange xr, AxisRange yr) {
        List<String> parts = new ArrayList<>();
        if (!xr.note().isEmpty()) {
            parts.add("x: " + xr.note());
        }
        if (!yr.note().isEmpty()) {
            parts.add("y: " + yr.note());
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    private static String axisTitle(String label, AxisRange r) {
        return r.log10Values() ? "log10 " + label : label;
    }

    /** The series name, or the name with " #2", " #3" ... when an earlier series already has it. */
    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + " #" + i;
        }
        return n;
    }

    /** The points as drawn: those either axis cannot draw dropped, the others clipped to the axes. */
    private static double[][] drawn(double[] x, double[] y, AxisRange xr, AxisRange yr) {
        int n = Math.min(x.length, y.length);
        double[] cx = new double[n];
        double[] cy = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!xr.drawable(x[i]) || !yr.drawable(y[i])) {
                continue;
            }
            cx[m] = xr.draw(x[i]);
            cy[m++] = yr.draw(y[i]);
        }
        return new double[][] {java.util.Arrays.copyOf(cx, m), java.util.Arrays.copyOf(cy, m)};
    }

    /**
     * Starts the one-time cost of the first chart (loading Java2D, fonts and XChart, about a second) on a
     * background thread, so that it overlaps with a computation that will draw later.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> BitmapEncoder.getBufferedImage(
                new LinePlot("warm-up", "x", "y").logY().line("a", new double[] {1, 2}, new double[] {1, 2}).chart()),
                "alignscope-plot-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public void save(Path file) {
        saveGrid(List.of(this), 1, 1, file);
    }

    /** The chart built once; a plot that appears in several figures is laid out a single time. */
    private synchronized XYChart built() {
        if (chart == null) {
            chart = chart();
        }
        return chart;
    }

    /** The chart rendered once; a plot that appears in several figures is drawn a single time. */
    private synchronized BufferedImage image() {
        if (image == null) {
            image = BitmapEncoder.getBufferedImage(built());
        }
        return image;
    }

    /**
     * Saves plots as one PNG figure, {@code rows} × {@code cols}, filled row by row, and the same figure as SVG
     * beside it ({@code .png} → {@code .svg}, {@link SvgFigure}).
     */
    public static void saveGrid(List<LinePlot> plots, int rows, int cols, Path file) {
        int w = 0;
        int h = 0;
        List<BufferedImage> images = new ArrayList<>();
        List<XYChart> charts = new ArrayList<>();
        for (LinePlot p : plots) {
            BufferedImage img = p.image();
            images.add(img);
            charts.add(p.built());
            w = Math.max(w, img.getWidth());
            h = Math.max(h, img.getHeight());
        }
        BufferedImage grid = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < images.size() && i < rows * cols; i++) {
            g.drawImage(images.get(i), (i % cols) * w, (i / cols) * h, null);
        }
        g.dispose();
        PngFile.write(grid, file);
        SvgFigure.write(charts, rows, cols, w, h, SvgFigure.besidePng(file));
    }
}
