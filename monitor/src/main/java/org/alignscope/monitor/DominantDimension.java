package org.alignscope.monitor;

/**
 * The dominant dimension chosen by the spectrum ({@code monitor.k: auto}): the k in [{@link #SMALLEST},
 * {@link #LARGEST}] with the largest ratio λ<sub>k</sub>/λ<sub>k+1</sub> of consecutive eigenvalues of the reference
 * Hessian, the widest relative eigengap among the top {@link #PAIRS} eigenvalues. A wide gap is what makes the
 * dominant subspace well determined (its Davis–Kahan bound, {@link EigenGap}, divides by the gap), and the paper's
 * dominant/bulk split is a split at a gap.
 */
public final class DominantDimension {
    /** The smallest k auto considers. */
    public static final int SMALLEST = 2;
    /** The largest k auto considers. */
    public static final int LARGEST = 30;
    /** The eigenpairs the ratios compare: λ<sub>1</sub> … λ<sub>{@value #LARGEST} + 1</sub>. */
    public static final int PAIRS = LARGEST + 1;
    /**
     * The fewest parameters auto accepts ({@value #LARGEST} + 2): every pair it compares then lies below the
     * dimension with one to spare, one more than a fixed k's rule k + 1 ≤ n asks.
     */
    public static final int MIN_DIMENSION = LARGEST + 2;

    private DominantDimension() {
    }

    /**
     * The k in [{@link #SMALLEST}, min({@link #LARGEST}, m − 1)] (m = {@code descending.length}) with the largest
     * λ<sub>k</sub>/λ<sub>k+1</sub>, over the k with λ<sub>k+1</sub> &gt; 0 only (a ratio over a non-positive
     * eigenvalue is not a relative gap); the smallest such k on a tie. Where no k qualifies (λ<sub>3</sub> ≤ 0: at
     * most two positive eigenvalues) it is {@link #SMALLEST}.
     *
     * @param descending eigenvalues, largest first
     */
    public static int largestRatio(double[] descending) {
        int best = SMALLEST;
        double bestRatio = Double.NEGATIVE_INFINITY;
        for (int k = SMALLEST; k <= Math.min(LARGEST, descending.length - 1); k++) {
            double next = descending[k];
            if (next > 0 && descending[k - 1] / next > bestRatio) {
                bestRatio = descending[k - 1] / next;
                best = k;
            }
        }
        return best;
    }

    /**
     * Whether {@code k} (or {@link MonitorOptions#AUTO_K}) fits n parameters: k ≤ n − 1, since λ<sub>k+1</sub> bounds
     * the dominant block; auto from {@link #MIN_DIMENSION} parameters.
     */
    public static boolean fits(int k, int n) {
        return k == MonitorOptions.AUTO_K ? n >= MIN_DIMENSION : k <= n - 1;
    }

    /**
     * The one-line detail of a k that does not fit n parameters: {@code written} (an integer or {@code auto}) and
     * the allowed range.
     */
    public static String outOfRange(String written, int n) {
        String fixed = n >= 2 ? "an integer in [1, " + (n - 1) + "]" : "none";
        return written + " does not fit the " + n + " parameters; allowed: " + fixed + (n >= MIN_DIMENSION
                ? ", or auto" : " (auto needs at least " + MIN_DIMENSION + " parameters)");
    }
}
