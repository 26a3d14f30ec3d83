package org.alignscope.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A heat map saved as PNG (java.awt): one coloured square per (x, y) pair with its value printed inside, an
 * optional note under the value (e.g. "1/3 diverged"), and a colour bar. Squares without a value are grey and
 * show only their note. Colours run from dark blue (smallest value) to yellow (largest) on a linear scale, or on
 * log10 of the value with {@link #logColour()} when every value is positive. The colour range is an
 * {@link AxisRange} of the values: an absurd outlier takes the end colour and the title says it was clipped.
 */
public final class Heatmap {
    /** Colour stops from the smallest to the largest value (close to matplotlib's viridis). */
    private static final Color[] STOPS = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
        new Color(94, 201, 98), new Color(253, 231, 37)};
    private static final Color MISSING = new Color(200, 200, 200);
    private static final int CELL_W = 96;
    private static final int CELL_H = 56;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> xValues;
    private final List<String> yValues;
    private final double[][] values;
    private final String[][] notes;
    private boolean logColour;

    /** A map with {@code xValues.size()} columns and {@code yValues.size()} rows, every square empty. */
    public Heatmap(String title, String xLabel, List<String> xValues, String yLabel, List<String> yValues) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xValues = List.copyOf(xValues);
        this.yValues = List.copyOf(yValues);
        this.values = new double[yValues.size()][xValues.size()];
        this.notes = new String[yValues.size()][xValues.size()];
        for (double[] row : values) {
            java.util.Arrays.fill(row, Double.NaN);
        }
    }

    /** Sets the square of column {@code x}, row {@code y}: its value (NaN: none) and a note (null: none). */
    public Heatmap cell(int x, int y, double value, String note) {
        values[y][x] = value;
        notes[y][x] = note;
        return this;
    }

    /** Colours by log10 of the value (for losses spanning decades); ignored unless every value is positive. */
    public Heatmap logColour() {
        logColour = true;
        return this;
    }

    /**
     * The range the colours span: an {@link AxisRange} over the finite values (logarithmic with
     * {@link #logColour()} when every value is positive), so that an absurd outlier takes the end colour instead of
     * flattening every other square to one colour.
     */
    AxisRange colourRange() {
        double[] all = java.util.Arrays.stream(values).flatMapToDouble(java.util.Arrays::stream).toArray();
        return AxisRange.of(logColour && positive(), all);
    }

    /** The value's position in [0, 1] on the colour range; NaN if it has none (not finite). */
    static double position(double v, AxisRange r) {
        if (!r.drawable(v)) {
            return Double.NaN;
        }
        return (linear(r, r.draw(v)) - linear(r, r.min())) / (linear(r, r.max()) - linear(r, r.min()));
    }

    /** A position on the range in linear units: log10 of it on a logarithmic range. */
    private static double linear(AxisRange r, double drawn) {
        return r.logAxis() ? Math.log10(drawn) : drawn;
    }

    /** A colour-bar end as a value: 10^end when the range holds log10 values. */
    private static double value(AxisRange r, double end) {
        return r.log10Values() ? Math.pow(10, end) : end;
    }

    private boolean positive() {
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v) && v <= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Linear interpolation between the colour stops; {@code p} in [0, 1]. */
    static Color colour(double p) {
        double q = Math.max(0, Math.min(1, p)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(q));
        double f = q - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Four significant digits, plain or scientific as fits the square. */
    static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    public BufferedImage render() {
        AxisRange range = colourRange();
        boolean coloured = java.util.Arrays.stream(values).flatMapToDouble(java.util.Arrays::stream)
                .anyMatch(range::drawable);
        int left = 110;
        int top = 50;
        int barGap = 30;
        int barW = 18;
        int right = 90;
        int bottom = 60;
        int cols = xValues.size();
        int rows = yValues.size();
        int width = Math.max(left + cols * CELL_W + barGap + barW + right, 420);
        int height = top + rows * CELL_H + bottom;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        centred(g, range.clipped() == 0 ? title : title + " (colours: " + range.clipNote() + ")", width / 2, 24);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int px = left + x * CELL_W;
                int py = top + y * CELL_H;
                double p = position(values[y][x], range);
                Color fill = Double.isNaN(p) ? MISSING : colour(p);
                g.setColor(fill);
                g.fillRect(px, py, CELL_W, CELL_H);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1f));
                g.drawRect(px, py, CELL_W, CELL_H);
                boolean dark = Double.isNaN(p) || p < 0.6;
                g.setColor(Double.isNaN(p) ? Color.BLACK : dark ? Color.WHITE : Color.BLACK);
                String note = notes[y][x];
                if (!Double.isNaN(values[y][x])) {
                    g.setFont(plain);
                    centred(g, label(values[y][x]), px + CELL_W / 2, py + (note == null ? CELL_H / 2 + 5 : CELL_H / 2 - 2));
                }
                if (note != null) {
                    g.setFont(small);
                    centred(g, note, px + CELL_W / 2, py + (Double.isNaN(values[y][x]) ? CELL_H / 2 + 4 : CELL_H / 2 + 14));
                }
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(plain);
        for (int x = 0; x < cols; x++) {
            centred(g, xValues.get(x), left + x * CELL_W + CELL_W / 2, top + rows * CELL_H + 16);
        }
        FontMetrics fm = g.getFontMetrics();
        for (int y = 0; y < rows; y++) {
            String s = yValues.get(y);
            g.drawString(s, left - 8 - fm.stringWidth(s), top + y * CELL_H + CELL_H / 2 + 5);
        }
        centred(g, xLabel, left + cols * CELL_W / 2, top + rows * CELL_H + 40);
        g.drawString(yLabel, 8, top - 8);
        if (coloured) {
            int bx = left + cols * CELL_W + barGap;
            int bh = rows * CELL_H;
            for (int i = 0; i < bh; i++) {
                g.setColor(colour(1 - i / (double) Math.max(1, bh - 1)));
                g.fillRect(bx, top + i, barW, 1);
            }
            g.setColor(Color.BLACK);
            g.setFont(small);
            g.drawString(label(value(range, range.max())), bx + barW + 4, top + 10);
            g.drawString(label(value(range, range.min())), bx + barW + 4, top + bh);
            if (range.logAxis() || range.log10Values()) {
                g.drawString("(log colour)", bx + barW + 4, top + bh / 2);
            }
        }
        g.dispose();
        return img;
    }

    private static void centred(Graphics2D g, String s, int cx, int baseline) {
        g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, baseline);
    }

    public void save(Path file) {
        PngFile.write(render(), file);
    }
}
