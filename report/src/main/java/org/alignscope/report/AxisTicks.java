package org.alignscope.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and labels of one axis of an SVG figure: steps of 1, 2 or 5 times a power of ten on a linear
 * axis; powers of ten on a logarithmic one (every k-th when there are too many, the linear steps when the axis
 * spans less than a decade).
 */
final class AxisTicks {
    /** One tick: its value and label; {@code exponent} is set on a logarithmic axis's powers of ten. */
    record Tick(double value, String label, Integer exponent) {
    }

    private AxisTicks() {
    }

    /** At most about {@code most} ticks within [min, max]. */
    static List<Tick> of(double min, double max, boolean log, int most) {
        if (log && min > 0) {
            int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
            int hi = (int) Math.floor(Math.log10(max) + 1e-9);
            if (hi - lo + 1 >= 2) {
                int every = Math.max(1, (int) Math.ceil((hi - lo + 1) / (double) Math.max(2, most)));
                List<Tick> ticks = new ArrayList<>();
                for (int e = lo; e <= hi; e++) {
                    if ((e - lo) % every == 0) {
                        ticks.add(new Tick(Math.pow(10, e), "10", e));
                    }
                }
                return ticks;
            }
        }
        return linear(min, max, Math.max(2, most));
    }

    private static List<Tick> linear(double min, double max, int most) {
        List<Tick> ticks = new ArrayList<>();
        if (!(max > min) || !Double.isFinite(max - min)) {
            ticks.add(new Tick(min, label(min), null));
            return ticks;
        }
        double step = AxisRange.niceStep((max - min) / most);
        for (long i = (long) Math.ceil(min / step - 1e-9); i * step <= max + step * 1e-9; i++) {
            double v = i * step;
            ticks.add(new Tick(v, label(v), null));
        }
        return ticks;
    }

    /** Six significant digits at most, plain between 0.001 and 100,000, otherwise as 1.5e-05 → 1.5e-5. */
    static String label(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            String e = String.format(Locale.ROOT, "%." + (d.precision() - 1) + "e", d);
            return e.replaceFirst("e\\+?(-?)0*(\\d)", "e$1$2");
        }
        return d.toPlainString();
    }
}
