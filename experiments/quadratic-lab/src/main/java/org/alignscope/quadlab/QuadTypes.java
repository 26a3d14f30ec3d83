package org.alignscope.quadlab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.alignscope.quadratic.Projection;
import org.alignscope.settings.SettingType;
import org.alignscope.settings.Types;

/** How the quad commands' own kinds of settings are written: gap ratios and the projection of a step. */
final class QuadTypes {
    private QuadTypes() {
    }

    /** One gap ratio m &gt; 1, kept as written: it names the run's folder ({@code m_50}). */
    static SettingType<String> gapRatio() {
        return Types.parsed("a number > 1", text -> {
            gapValue(text);
            return text;
        }, m -> m);
    }

    /** Distinct gap ratios m &gt; 1, comma-separated, each kept as written. */
    static SettingType<List<String>> gapRatios() {
        return new SettingType<>() {
            @Override
            public List<String> parse(String text) {
                List<String> ms = new ArrayList<>();
                for (String part : text.split(",")) {
                    ms.add(part.strip());
                }
                validate(ms);
                return List.copyOf(ms);
            }

            @Override
            public void validate(List<String> ms) {
                if (ms.isEmpty()) {
                    throw new IllegalArgumentException("give at least one value");
                }
                Set<Double> distinct = new HashSet<>();
                for (String m : ms) {
                    if (!distinct.add(gapValue(m))) {
                        throw new IllegalArgumentException("each value at most once (" + m + " is given twice)");
                    }
                }
            }

            @Override
            public String allowed() {
                return "numbers > 1, comma-separated";
            }

            @Override
            public String format(List<String> ms) {
                return String.join(",", ms);
            }
        };
    }

    /** The value of a gap ratio as written, checked to be a finite number &gt; 1. */
    static double gapValue(String m) {
        double v;
        try {
            v = Double.parseDouble(m);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be numbers > 1 (got '" + m + "')");
        }
        if (!(v > 1) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("must be > 1 (got " + m + ")");
        }
        return v;
    }

    /** {@code sgd}, {@code dsgd}, {@code bsgd} or {@code a,b} (the weights of P^D and P^B). */
    static SettingType<Projection> projection() {
        return Types.parsed("sgd, dsgd, bsgd or a,b (weights of P^D and P^B)", QuadTypes::projection,
                Projection::label);
    }

    private static Projection projection(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "sgd":
                return Projection.SGD;
            case "dsgd":
                return Projection.DSGD;
            case "bsgd":
                return Projection.BSGD;
            default:
                String[] parts = text.split(",");
                if (parts.length == 2) {
                    try {
                        return new Projection(Double.parseDouble(parts[0].strip()),
                                Double.parseDouble(parts[1].strip()));
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                throw new IllegalArgumentException("must be sgd, dsgd, bsgd or 'a,b' (weights of P^D and P^B), got '"
                        + text + "'");
        }
    }

    /** A number as a form writes it back: integers without a decimal point. */
    static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
