package org.alignscope.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.None;

/**
 * One painted XChart line chart as SVG, drawn from the chart's own model — its title, axis titles, axis
 * ranges and scales, and each series' points, colour, line width, dashes, markers and error bars as XChart
 * assigned them when it painted the PNG. Text stays text ({@code <text>}), so a figure is small, sharp at every
 * size and searchable; each series is one {@code <polyline>}. The layout (title on top, axes with ticks, legend
 * under or beside the plot) follows the PNG's but is this class's own.
 */
final class SvgChart {
    private static final String FONT = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"";
    private static final int TITLE = 13;
    private static final int LABEL = 12;
    private static final int TICK = 10;
    private static final int LEGEND = 11;
    /** Pixels one character of legend text takes, about, at {@link #LEGEND}. */
    private static final double CHAR = 6.4;
    private static final int SAMPLE = 22;
    private static final int ROW = 18;

    private final XYChart chart;
    private final XYStyler styler;
    private final List<XYSeries> series;
    private double left;
    private double top;
    private double right;
    private double bottom;

    private SvgChart(XYChart chart) {
        this.chart = chart;
        this.styler = chart.getStyler();
        this.series = new ArrayList<>(chart.getSeriesCollection());
    }

    /**
     * Appends {@code chart} at (x, y): a chart of {@link LinePlot#chart()} (which fixes both axes' ranges), painted
     * already, so that its series have the colours and line styles XChart gave them.
     */
    static void append(StringBuilder b, XYChart chart, double x, double y, String id) {
        new SvgChart(chart).draw(b, x, y, id);
    }

    private void draw(StringBuilder b, double x, double y, String id) {
        int w = chart.getWidth();
        int h = chart.getHeight();
        boolean legend = styler.isLegendVisible() && !series.isEmpty();
        boolean beside = legend && styler.getLegendPosition() == Styler.LegendPosition.OutsideE;
        double legendWidth = beside ? longestName() * CHAR + SAMPLE + 26 : 0;
        left = 64;
        top = 30;
        right = w - 14 - legendWidth;
        bottom = h - 42 - (legend && !beside ? ROW + 8 : 0);
        b.append("<g transform=\"translate(").append(SvgText.coordinate(x)).append(',').append(SvgText.coordinate(y))
                .append(")\" ").append(FONT).append(">\n");
        b.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(SvgText.coordinate(left))
                .append("\" y=\"").append(SvgText.coordinate(top)).append("\" width=\"")
                .append(SvgText.coordinate(right - left)).append("\" height=\"").append(SvgText.coordinate(bottom - top))
                .append("\"/></clipPath>\n");
        text(b, w / 2.0, 19, TITLE, "middle", chart.getTitle(), "font-weight=\"600\"");
        axes(b);
        b.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        for (XYSeries s : series) {
            seriesLine(b, s);
        }
        b.append("</g>\n");
        if (legend) {
            legend(b, beside);
        }
        b.append("</g>\n");
    }

    private void axes(StringBuilder b) {
        b.append("<rect x=\"").append(SvgText.coordinate(left)).append("\" y=\"").append(SvgText.coordinate(top))
                .append("\" width=\"").append(SvgText.coordinate(right - left)).append("\" height=\"")
                .append(SvgText.coordinate(bottom - top)).append("\" fill=\"none\" stroke=\"#555\" stroke-width=\"0.8\"/>\n");
        for (AxisTicks.Tick t : AxisTicks.of(value(left, true), value(right, true), styler.isXAxisLogarithmic(),
                (int) ((right - left) / 90))) {
            double px = px(t.value());
            gridLine(b, px, top, px, bottom);
            tickLabel(b, t, px, bottom + 14, "middle");
        }
        for (AxisTicks.Tick t : AxisTicks.of(value(bottom, false), value(top, false), styler.isYAxisLogarithmic(),
                (int) ((bottom - top) / 40))) {
            double py = py(t.value());
            gridLine(b, left, py, right, py);
            tickLabel(b, t, left - 5, py + 3.5, "end");
        }
        text(b, (left + right) / 2, bottom + 32, LABEL, "middle", chart.getXAxisTitle(), null);
        double cy = (top + bottom) / 2;
        text(b, 14, cy, LABEL, "middle", chart.getYAxisTitle(),
                "transform=\"rotate(-90 14 " + SvgText.coordinate(cy) + ")\"");
    }

    private static void gridLine(StringBuilder b, double x1, double y1, double x2, double y2) {
        b.append("<line x1=\"").append(SvgText.coordinate(x1)).append("\" y1=\"").append(SvgText.coordinate(y1))
                .append("\" x2=\"").append(SvgText.coordinate(x2)).append("\" y2=\"").append(SvgText.coordinate(y2))
                .append("\" stroke=\"#e3e3e3\" stroke-width=\"0.6\"/>\n");
    }

    private static void tickLabel(StringBuilder b, AxisTicks.Tick t, double x, double y, String anchor) {
        b.append("<text x=\"").append(SvgText.coordinate(x)).append("\" y=\"").append(SvgText.coordinate(y))
                .append("\" font-size=\"").append(TICK).append("\" text-anchor=\"").append(anchor).append("\">")
                .append(SvgText.escape(t.label()));
        if (t.exponent() != null) {
            b.append("<tspan font-size=\"").append(TICK - 2).append("\" dy=\"-4\">").append(t.exponent()).append("</tspan>");
        }
        b.append("</text>\n");
    }

    private static void text(StringBuilder b, double x, double y, int size, String anchor, String s, String extra) {
        if (s == null || s.isEmpty()) {
            return;
        }
        b.append("<text x=\"").append(SvgText.coordinate(x)).append("\" y=\"").append(SvgText.coordinate(y))
                .append("\" font-size=\"").append(size).append("\" text-anchor=\"").append(anchor).append('"');
        if (extra != null) {
            b.append(' ').append(extra);
        }
        b.append('>').append(SvgText.escape(s)).append("</text>\n");
    }

    /** One series: its line (one polyline), its markers and its error bars, in its colour. */
    private void seriesLine(StringBuilder b, XYSeries s) {
        double[] x = s.getXData();
        double[] y = s.getYData();
        Color line = s.getLineColor() != null ? s.getLineColor() : Color.BLACK;
        boolean scatter = s.getXYSeriesRenderStyle().orElse(XYSeries.XYSeriesRenderStyle.Line)
                == XYSeries.XYSeriesRenderStyle.Scatter;
        if (!scatter && x.length > 0) {
            b.append("<polyline fill=\"none\" ").append(SvgText.paint("stroke", line)).append(" stroke-width=\"")
                    .append(SvgText.coordinate(s.getLineWidth() > 0 ? s.getLineWidth() : 1.2)).append('"')
                    .append(dashes(s.getLineStyle())).append(" stroke-linejoin=\"round\" points=\"");
            for (int i = 0; i < x.length; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                SvgText.coordinate(b, px(x[i]));
                b.append(',');
                SvgText.coordinate(b, py(y[i]));
            }
            b.append("\"><title>").append(SvgText.escape(s.getName())).append("</title></polyline>\n");
        }
        double[] error = s.getExtraValues();
        Color mark = s.getMarkerColor() != null ? s.getMarkerColor() : line;
        if (error != null) {
            b.append("<path ").append(SvgText.paint("stroke", line)).append(" stroke-width=\"1\" d=\"");
            for (int i = 0; i < x.length && i < error.length; i++) {
                b.append('M');
                SvgText.coordinate(b, px(x[i]));
                b.append(',');
                SvgText.coordinate(b, py(y[i] - error[i]));
                b.append('V');
                SvgText.coordinate(b, py(y[i] + error[i]));
            }
            b.append("\"/>\n");
        }
        if (s.getMarker() != null && !(s.getMarker() instanceof None)) {
            b.append("<g ").append(SvgText.paint("fill", mark)).append(">");
            for (int i = 0; i < x.length; i++) {
                b.append("<circle cx=\"").append(SvgText.coordinate(px(x[i]))).append("\" cy=\"")
                        .append(SvgText.coordinate(py(y[i]))).append("\" r=\"3\"/>");
            }
            b.append("</g>\n");
        }
    }

    private static String dashes(BasicStroke stroke) {
        float[] d = stroke == null ? null : stroke.getDashArray();
        if (d == null || d.length == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(" stroke-dasharray=\"");
        for (int i = 0; i < d.length; i++) {
            b.append(i > 0 ? "," : "").append(SvgText.coordinate(d[i]));
        }
        return b.append('"').toString();
    }

    /** The legend: one row under the plot, or one entry a line beside it. */
    private void legend(StringBuilder b, boolean beside) {
        double x = beside ? right + 14 : left;
        double y = beside ? top + 8 : bottom + 52;
        for (XYSeries s : series) {
            Color c = s.getLineColor() != null ? s.getLineColor() : Color.BLACK;
            b.append("<line x1=\"").append(SvgText.coordinate(x)).append("\" y1=\"").append(SvgText.coordinate(y - 4))
                    .append("\" x2=\"").append(SvgText.coordinate(x + SAMPLE)).append("\" y2=\"")
                    .append(SvgText.coordinate(y - 4)).append("\" ").append(SvgText.paint("stroke", c))
                    .append(" stroke-width=\"2\"").append(dashes(s.getLineStyle())).append("/>\n");
            text(b, x + SAMPLE + 5, y, LEGEND, "start", s.getName(), null);
            if (beside) {
                y += ROW;
            } else {
                x += SAMPLE + 5 + s.getName().length() * CHAR + 18;
            }
        }
    }

    private int longestName() {
        return series.stream().mapToInt(s -> s.getName().length()).max().orElse(0);
    }

    /** As in the PNG, the axes' ranges fill the middle {@code getPlotContentSize()} of the plot. */
    private double px(double v) {
        return left + (right - left) * inset(fraction(v, xMin(), xMax(), styler.isXAxisLogarithmic()));
    }

    private double py(double v) {
        return bottom - (bottom - top) * inset(fraction(v, yMin(), yMax(), styler.isYAxisLogarithmic()));
    }

    private double inset(double f) {
        double size = styler.getPlotContentSize();
        return (1 - size) / 2 + size * f;
    }

    /** The value at a pixel of the plot's edge: {@code px}/{@code py} inverted, for the ticks of the padded axes. */
    private double value(double pixel, boolean x) {
        double f = x ? (pixel - left) / (right - left) : (bottom - pixel) / (bottom - top);
        double size = styler.getPlotContentSize();
        f = (f - (1 - size) / 2) / size;
        double min = x ? xMin() : yMin();
        double max = x ? xMax() : yMax();
        if ((x ? styler.isXAxisLogarithmic() : styler.isYAxisLogarithmic()) && min > 0) {
            return Math.pow(10, Math.log10(min) + f * (Math.log10(max) - Math.log10(min)));
        }
        return min + f * (max - min);
    }

    private static double fraction(double v, double min, double max, boolean log) {
        if (log && min > 0 && v > 0) {
            return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return max > min ? (v - min) / (max - min) : 0.5;
    }

    private double xMin() {
        return styler.getXAxisMin();
    }

    private double xMax() {
        return styler.getXAxisMax();
    }

    private double yMin() {
        return styler.getYAxisMin();
    }

    private double yMax() {
        return styler.getYAxisMax();
    }
}
