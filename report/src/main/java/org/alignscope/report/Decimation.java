package org.alignscope.report;

/**
 * Shrinks a long series for drawing without hiding its extremes: the index range is cut into {@code columns}
 * buckets (one per pixel column) and each bucket keeps its minimum and maximum, in their original order.
 * A figure then costs milliseconds whatever the series length, and every spike stays visible.
 */
public final class Decimation {
    private Decimation() {
    }

    /** Returns {x', y'} with at most 2·columns points; short series and non-finite values pass through / drop out. */
    public static double[][] minMax(double[] x, double[] y, int columns) {
        int n = Math.min(x.length, y.length);
        if (n <= 2 * columns) {
            return finite(x, y, n);
        }
        return extremes(x, y, n, i -> indexBucket(i, n, columns));
    }

    /**
     * As {@link #minMax} for a logarithmic x axis: the buckets are {@code columns} equal spans of log10 x (x positive
     * and increasing), so that the first hundred steps of a run keep as many points per pixel as its last thousands.
     */
    public static double[][] minMaxLogX(double[] x, double[] y, int columns) {
        int n = Math.min(x.length, y.length);
        if (n <= 2 * columns) {
            return finite(x, y, n);
        }
        double lo = Math.log10(x[0]);
        double span = Math.log10(x[n - 1]) - lo;
        return extremes(x, y, n, i -> span > 0 ? Math.min(columns - 1, (int) ((Math.log10(x[i]) - lo) / span
                * columns)) : 0);
    }

    /** The bucket b of index i when bucket b holds the indices [⌊b·n/columns⌋, ⌊(b + 1)·n/columns⌋). */
    private static int indexBucket(int i, int n, int columns) {
        int b = (int) ((long) i * columns / n);
        while ((int) ((long) (b + 1) * n / columns) <= i) {
            b++;
        }
        while ((int) ((long) b * n / columns) > i) {
            b--;
        }
        return b;
    }

    /**
     * The minimum and maximum of each run of consecutive indices in one bucket, in their original order; a bucket
     * without a finite value keeps nothing.
     */
    private static double[][] extremes(double[] x, double[] y, int n, java.util.function.IntUnaryOperator bucketOf) {
        double[] outX = new double[2 * n];
        double[] outY = new double[2 * n];
        int m = 0;
        int i = 0;
        while (i < n) {
            int bucket = bucketOf.applyAsInt(i);
            int iMin = -1;
            int iMax = -1;
            for (; i < n && bucketOf.applyAsInt(i) == bucket; i++) {
                if (Double.isFinite(y[i])) {
                    iMin = iMin < 0 || y[i] < y[iMin] ? i : iMin;
                    iMax = iMax < 0 || y[i] > y[iMax] ? i : iMax;
                }
            }
            if (iMin >= 0) {
                int first = Math.min(iMin, iMax);
                int second = Math.max(iMin, iMax);
                outX[m] = x[first];
                outY[m++] = y[first];
                if (second != first) {
                    outX[m] = x[second];
                    outY[m++] = y[second];
                }
            }
        }
        return new double[][] {java.util.Arrays.copyOf(outX, m), java.util.Arrays.copyOf(outY, m)};
    }

    private static double[][] finite(double[] x, double[] y, int n) {
        double[] outX = new double[n];
        double[] outY = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(y[i])) {
                outX[m] = x[i];
                outY[m++] = y[i];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(outX, m), java.util.Arrays.copyOf(outY, m)};
    }
}
