package org.alignscope.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart saved as PNG (XChart), built fluently: series are decimated to two points per pixel column
 * ({@link Decimation}) so that a figure of a 30,000-step run costs milliseconds. Log axes drop non-positive
 * values. Several charts can share one PNG as a grid ({@link #saveGrid}).
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

    private record Series(String name, double[] x, double[] y, boolean points, Color color, boolean dashed) {
    }

    public LinePlot(String title, String xLabel, String yLabel) {
        this(title, xLabel, yLabel, 640, 420);
    }

    public LinePlot(String title, String xLabel, String yLabel, int width, int height) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
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

    public LinePlot yRange(double min, double max) {
        yMin = min;
        yMax = max;
        return this;
    }

    /** A line. */
    public LinePlot line(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, false, null, false));
        return this;
    }

    /** A line in a given colour, dashed when {@code dashed}. */
    public LinePlot line(String name, double[] x, double[] y, Color color, boolean dashed) {
        series.add(new Series(name, x, y, false, color, dashed));
        return this;
    }

    /** Points with markers and no line. */
    public LinePlot points(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, true, null, false));
        return this;
    }

    /** Builds the XChart chart. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(logX);
        styler.setYAxisLogarithmic(logY);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendVisible(series.size() > 1);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setAntiAlias(true);
        if (yMin != null) {
            styler.setYAxisMin(yMin);
            styler.setYAxisMax(yMax);
        }
        for (Series s : series) {
            double[][] xy = clean(s.x(), s.y());
            if (xy[0].length == 0) {
                continue;
            }
            double[][] drawn = s.points() ? xy : Decimation.minMax(xy[0], xy[1], width);
            XYSeries added = chart.addSeries(s.name(), drawn[0], drawn[1]);
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

    /** Drops points that a log axis cannot show and non-finite values. */
    private double[][] clean(double[] x, double[] y) {
        int n = Math.min(x.length, y.length);
        double[] cx = new double[n];
        double[] cy = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                continue;
            }
            if ((logX && x[i] <= 0) || (logY && y[i] <= 0)) {
                continue;
            }
            cx[m] = x[i];
            cy[m++] = y[i];
        }
        return new double[][] {java.util.Arrays.copyOf(cx, m), java.util.Arrays.copyOf(cy, m)};
    }

    public void save(Path file) {
        saveGrid(List.of(this), 1, 1, file);
    }

    /** Saves plots as one PNG, {@code rows} × {@code cols}. */
    public static void saveGrid(List<LinePlot> plots, int rows, int cols, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            List<XYChart> charts = new ArrayList<>();
            for (LinePlot p : plots) {
                charts.add(p.chart());
            }
            String name = file.toString();
            String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
            if (charts.size() == 1) {
                BitmapEncoder.saveBitmap(charts.get(0), base, BitmapEncoder.BitmapFormat.PNG);
            } else {
                BitmapEncoder.saveBitmap(charts, rows, cols, base, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
