package org.alignscope.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The part of some data that an axis (or a colour scale) can draw, so that a chart never receives a
 * pathological range: a diverged run's loss of 1e161 next to 0.6, infinities or NaN. The rule:
 *
 * <ul>
 *   <li>Non-finite values are dropped; on a logarithmic axis so are values &le; 0.</li>
 *   <li>The bulk of the data is the range between its 5th and 95th percentiles (of log10 v on a logarithmic
 *       axis; estimated from at most 4,096 evenly spaced values), and its width w that range's length (for a constant series: its magnitude, or 1 for zeros).</li>
 *   <li>On a linear axis a value is clipped when it lies more than 1e6 &times; w beyond the bulk or
 *       when |v| &gt; 1e15; on a logarithmic axis when it lies more than max(6, w) decades
 *       beyond the bulk (a factor 1e6 of the value, or the bulk's own extent). A clipped value is drawn at the
 *       edge of the axis, so that a spike still shows, and {@link #note()} says how many there were.</li>
 *   <li>A logarithmic axis whose values span more than {@value #MAX_TICKS} decades is drawn as log10 of the
 *       values on a linear axis ({@link #log10Values()}): one labelled tick per decade would not fit.</li>
 *   <li>When every drawable value is equal the range is widened around it; with no drawable value at all it is
 *       [0, 1] (logarithmic: [1, 10]).</li>
 * </ul>
 *
 * <p>The range is finite with min &lt; max, and {@link #ticks()} gives at most {@value #MAX_TICKS} round tick
 * positions in it.
 *
 * @param logAxis     whether the chart draws a logarithmic axis
 * @param log10Values whether the values are drawn as their log10 on a linear axis (a log axis of too many decades)
 * @param min         the lower end of the axis, in drawn units (log10 of the value when {@code log10Values})
 * @param max         the upper end, likewise
 * @param clipLow     values below this (in data units) are drawn at {@code min}
 * @param clipHigh    values above this (in data units) are drawn at {@code max}
 * @param dropped     how many values cannot be drawn at all (non-finite, or &le; 0 on a logarithmic axis)
 * @param clippedLow  how many values lie below {@code clipLow}
 * @param clippedHigh how many values lie above {@code clipHigh}
 */
public record AxisRange(boolean logAxis, boolean log10Values, double min, double max, double clipLow,
                        double clipHigh, int dropped, int clippedLow, int clippedHigh) {
    /** How many bulk widths a value may lie beyond the bulk of a linear axis before it is clipped. */
    public static final double CLIP_FACTOR = 1e6;
    /** The largest magnitude a linear axis shows. */
    public static final double LINEAR_LIMIT = 1e15;
    /** The most ticks an axis carries, and the most decades a logarithmic axis spans. */
    public static final int MAX_TICKS = 20;
    private static final double LOG_CLIP_DECADES = 6;
    /** How many values the bulk's percentiles are estimated from. */
    private static final int PERCENTILE_SAMPLE = 4096;

    /** The range of the values of every series together on a linear or logarithmic axis. */
    public static AxisRange of(boolean log, double[]... series) {
        int total = 0;
        for (double[] s : series) {
            total += s.length;
        }
        double[] kept = new double[total];
        int n = 0;
        for (double[] s : series) {
            for (double v : s) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    kept[n++] = log ? Math.log10(v) : v;
                }
            }
        }
        int dropped = total - n;
        if (n == 0) {
            return log ? new AxisRange(true, false, 1, 10, 1, 10, dropped, 0, 0)
                    : new AxisRange(false, false, 0, 1, 0, 1, dropped, 0, 0);
        }
        double[] sorted = evenSample(kept, n);
        Arrays.sort(sorted);
        int m = sorted.length;
        double lo = sorted[(int) Math.floor(0.05 * (m - 1))];
        double hi = sorted[(int) Math.ceil(0.95 * (m - 1))];
        double width = hi - lo > 0 ? hi - lo : lo != 0 ? Math.abs(lo) : 1;
        double reach = log ? Math.max(LOG_CLIP_DECADES, width) : CLIP_FACTOR * width;
        double cutLow = lo - reach;
        double cutHigh = hi + reach;
        if (!log) {
            cutLow = Math.min(Math.max(cutLow, -LINEAR_LIMIT), LINEAR_LIMIT);
            cutHigh = Math.max(Math.min(cutHigh, LINEAR_LIMIT), -LINEAR_LIMIT);
        }
        int below = 0;
        int above = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = kept[i];
            below += v < cutLow ? 1 : 0;
            above += v > cutHigh ? 1 : 0;
            double c = Math.max(cutLow, Math.min(cutHigh, v));
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        if (!(max > min)) {
            double pad = log ? 1 : min != 0 ? Math.abs(min) * 0.1 : 1;
            min -= pad;
            max += pad;
        }
        boolean asLog10 = log && max - min > MAX_TICKS;
        double clipLow = log ? Math.pow(10, cutLow) : cutLow;
        double clipHigh = log ? Math.pow(10, cutHigh) : cutHigh;
        if (log && !asLog10) {
            return new AxisRange(true, false, Math.pow(10, min), Math.pow(10, max), clipLow, clipHigh, dropped, below,
                    above);
        }
        return new AxisRange(false, asLog10, min, max, clipLow, clipHigh, dropped, below, above);
    }

    /** A fixed range [min, max] (e.g. [0, 1] for an alignment); values outside it are clipped to it. */
    public static AxisRange fixed(double min, double max, double[]... series) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("an axis range needs finite min < max, got [" + min + ", " + max + "]");
        }
        int dropped = 0;
        int below = 0;
        int above = 0;
        for (double[] s : series) {
            for (double v : s) {
                dropped += Double.isFinite(v) ? 0 : 1;
                below += v < min ? 1 : 0;
                above += v > max ? 1 : 0;
            }
        }
        return new AxisRange(false, false, min, max, min, max, dropped, below, above);
    }

    /** Whether {@code v} can be drawn at all (it may still be clipped). */
    public boolean drawable(double v) {
        return Double.isFinite(v) && (!(logAxis || log10Values) || v > 0);
    }

    /** The position at which to draw {@code v}, in drawn units: clipped to the axis; NaN if it cannot be drawn. */
    public double draw(double v) {
        if (!drawable(v)) {
            return Double.NaN;
        }
        double c = Math.max(clipLow, Math.min(clipHigh, v));
        double d = log10Values ? Math.log10(c) : c;
        return Math.max(min, Math.min(max, d));
    }

    /**
     * At most {@value #MAX_TICKS} tick positions in [min, max], in drawn units: multiples of 1, 2 or 5 × 10^e on a
     * linear axis, powers of ten (every one, or every n-th decade) on a logarithmic axis.
     */
    public List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (logAxis) {
            int first = (int) Math.ceil(Math.log10(min) - 1e-9);
            int last = (int) Math.floor(Math.log10(max) + 1e-9);
            int stride = Math.max(1, (int) Math.ceil((last - first + 1) / (double) MAX_TICKS));
            for (int e = first; e <= last; e += stride) {
                out.add(Math.pow(10, e));
            }
            return out;
        }
        double step = niceStep((max - min) / (MAX_TICKS - 1));
        double start = Math.ceil(min / step) * step;
        for (int i = 0; i < MAX_TICKS && start + i * step <= max + step * 1e-9; i++) {
            out.add(start + i * step);
        }
        return out;
    }

    /**
     * At most {@link #PERCENTILE_SAMPLE} of the first {@code n} values, evenly spaced: the bulk's percentiles need no
     * more, and a figure of many long series then costs no sort of all its points.
     */
    private static double[] evenSample(double[] values, int n) {
        if (n <= PERCENTILE_SAMPLE) {
            return Arrays.copyOf(values, n);
        }
        double[] s = new double[PERCENTILE_SAMPLE];
        for (int i = 0; i < s.length; i++) {
            s[i] = values[(int) ((long) i * n / s.length)];
        }
        return s;
    }

    /** The smallest of 1, 2, 5 × 10^e that is at least {@code raw}. */
    static double niceStep(double raw) {
        double e = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * e >= raw) {
                return f * e;
            }
        }
        return 10 * e;
    }

    /**
     * What the figure must say about values it does not show as they are, e.g. "3 values above 1e+15 clipped,
     * 2 non-finite values dropped"; empty when it shows every value.
     */
    public String note() {
        List<String> parts = new ArrayList<>();
        if (clipped() > 0) {
            parts.add(clipNote());
        }
        if (dropped > 0) {
            parts.add(dropped + (logAxis || log10Values ? " non-finite or non-positive " : " non-finite ")
                    + (dropped == 1 ? "value" : "values") + " dropped");
        }
        if (log10Values) {
            parts.add("log10 of the values: they span more than " + MAX_TICKS + " decades");
        }
        return String.join(", ", parts);
    }

    /** The clipping part of {@link #note()}, e.g. "1 value above 1e+15 clipped"; empty when none was. */
    public String clipNote() {
        List<String> parts = new ArrayList<>();
        if (clippedLow > 0) {
            parts.add(values(clippedLow) + " below " + label(clipLow) + " clipped");
        }
        if (clippedHigh > 0) {
            parts.add(values(clippedHigh) + " above " + label(clipHigh) + " clipped");
        }
        return String.join(", ", parts);
    }

    /** How many values lie beyond the clip limits. */
    public int clipped() {
        return clippedLow + clippedHigh;
    }

    private static String values(int count) {
        return count + (count == 1 ? " value" : " values");
    }

    /** Three significant digits without trailing zeros, e.g. "1e+15", "2.5e-07", "0.6". */
    private static String label(double v) {
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
