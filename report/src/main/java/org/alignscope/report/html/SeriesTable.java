package org.alignscope.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.report.Decimation;

/**
 * The columns of one CSV file as the page draws them: every numeric column becomes its own series of
 * (x, y) pairs over the file's x column ({@code step}, {@code index}, ...), keeping only rows where y is a
 * finite number — an empty field (undefined) or {@code inf} (an unbounded step size) leaves a gap; every text
 * column (phase, event, regime, findings) becomes a list of (x, text) events. The same shape serves a whole
 * file in a report and the new rows of a file in a live update, which the page appends.
 *
 * <p>A long series is thinned for the page, except its early phase: rows over {@code step} up to
 * {@link #EARLY_STEPS} are kept whole, so that zooming into the first steps (or drawing them on a log-step axis)
 * shows every point written there; the rest is cut by {@link Decimation#minMax}.
 */
final class SeriesTable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Rows over {@code step} up to this step are embedded at full resolution. */
    static final double EARLY_STEPS = 500;

    private final String xColumn;
    private final Map<String, double[][]> numeric = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> text = new LinkedHashMap<>();
    private double last = Double.NaN;

    /** Reads {@code rows} (fields in {@code header}'s order); rows without a finite x value are skipped. */
    SeriesTable(String xColumn, String[] header, List<String[]> rows) {
        this.xColumn = xColumn;
        int xi = Arrays.asList(header).indexOf(xColumn);
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (String[] row : rows) {
            double x = xi >= 0 && xi < row.length ? number(row[xi]) : Double.NaN;
            if (!Double.isFinite(x)) {
                continue;
            }
            last = Double.isNaN(last) ? x : Math.max(last, x);
            for (int c = 0; c < header.length && c < row.length; c++) {
                if (c == xi || row[c].isEmpty()) {
                    continue;
                }
                double y = number(row[c]);
                if (Double.isFinite(y)) {
                    points.computeIfAbsent(header[c], k -> new ArrayList<>()).add(new double[] {x, y});
                } else if (Double.isNaN(y) && !isNumberWord(row[c])) {
                    text.computeIfAbsent(header[c], k -> new ArrayList<>()).add(new Object[] {x, row[c]});
                }
            }
        }
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            List<double[]> p = e.getValue();
            double[] xs = new double[p.size()];
            double[] ys = new double[p.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = p.get(i)[0];
                ys[i] = p.get(i)[1];
            }
            numeric.put(e.getKey(), new double[][] {xs, ys});
        }
    }

    /** The largest x value read (NaN when none). */
    double last() {
        return last;
    }

    /**
     * {@code {"x": column, "last": x, "series": {name: [[x...], [y...]]}, "text": {name: [[x...], [text...]]}}};
     * with {@code columns > 0} each series is cut to at most 2·columns points by {@link Decimation#minMax}, plus its
     * rows up to {@link #EARLY_STEPS} kept whole when x is {@code step}.
     */
    ObjectNode toJson(int columns) {
        ObjectNode o = NODES.objectNode();
        o.put("x", xColumn);
        if (Double.isFinite(last)) {
            o.set("last", value(last));
        }
        ObjectNode series = o.putObject("series");
        for (Map.Entry<String, double[][]> e : numeric.entrySet()) {
            double[][] xy = columns > 0 ? thin(e.getValue()[0], e.getValue()[1], columns) : e.getValue();
            ArrayNode pair = series.putArray(e.getKey());
            ArrayNode xs = pair.addArray();
            ArrayNode ys = pair.addArray();
            for (int i = 0; i < xy[0].length; i++) {
                xs.add(value(xy[0][i]));
                ys.add(value(xy[1][i]));
            }
        }
        ObjectNode texts = o.putObject("text");
        for (Map.Entry<String, List<Object[]>> e : text.entrySet()) {
            ArrayNode pair = texts.putArray(e.getKey());
            ArrayNode xs = pair.addArray();
            ArrayNode vs = pair.addArray();
            for (Object[] p : e.getValue()) {
                xs.add(value((Double) p[0]));
                vs.add((String) p[1]);
            }
        }
        return o;
    }

    /** The rows up to the early window's end whole (when x is a step), the rest decimated. */
    private double[][] thin(double[] x, double[] y, int columns) {
        int early = 0;
        if (xColumn.equals("step")) {
            while (early < x.length && x[early] <= EARLY_STEPS) {
                early++;
            }
        }
        if (early == 0) {
            return Decimation.minMax(x, y, columns);
        }
        double[][] rest = Decimation.minMax(Arrays.copyOfRange(x, early, x.length),
                Arrays.copyOfRange(y, early, y.length), columns);
        double[] xs = Arrays.copyOf(x, early + rest[0].length);
        double[] ys = Arrays.copyOf(y, early + rest[1].length);
        System.arraycopy(rest[0], 0, xs, early, rest[0].length);
        System.arraycopy(rest[1], 0, ys, early, rest[1].length);
        return new double[][] {xs, ys};
    }

    /** A CSV field as a number: NaN for empty or text, ±∞ for {@code inf}/{@code -inf}. */
    static double number(String field) {
        switch (field) {
            case "inf":
            case "+inf":
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                if (field.isEmpty() || !(Character.isDigit(field.charAt(0)) || field.charAt(0) == '-'
                        || field.charAt(0) == '.' || field.charAt(0) == '+')) {
                    return Double.NaN;
                }
                try {
                    return PageNumbers.parse(field);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }

    private static boolean isNumberWord(String field) {
        return field.equalsIgnoreCase("nan");
    }

    private static ValueNode value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return NODES.numberNode((long) v);
        }
        return NODES.numberNode(PageNumbers.round(v));
    }
}
