package org.alignscope.linalg;

/**
 * The share ā/(ā + b̄) of two sample means over the same n paired samples (a<sub>j</sub>, b<sub>j</sub>), a ratio of
 * means rather than a mean of ratios, with its delta-method standard error: with f(a, b) = a/(a + b),
 * ∇f = (b̄, −ā)/(ā + b̄)² and C the sample covariance of (a, b) (ddof 1), se² = ∇fᵀ C ∇f / n
 * = (b̄² s<sub>aa</sub> − 2ā b̄ s<sub>ab</sub> + ā² s<sub>bb</sub>) / ((ā + b̄)⁴ n). Needs n ≥ 2; the share is NaN
 * when ā + b̄ = 0.
 *
 * @param share         ā/(ā + b̄)
 * @param standardError its delta-method standard error
 */
public record SampleShare(double share, double standardError) {

    /** The share of {@code a} in {@code a + b}, paired by index. */
    public static SampleShare of(double[] a, double[] b) {
        int n = a.length;
        if (n < 2 || b.length != n) {
            throw new IllegalArgumentException("need n >= 2 paired samples, got " + n + " and " + b.length);
        }
        double ma = 0;
        double mb = 0;
        for (int j = 0; j < n; j++) {
            ma += a[j];
            mb += b[j];
        }
        ma /= n;
        mb /= n;
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        for (int j = 0; j < n; j++) {
            double da = a[j] - ma;
            double db = b[j] - mb;
            saa += da * da;
            sab += da * db;
            sbb += db * db;
        }
        saa /= n - 1;
        sab /= n - 1;
        sbb /= n - 1;
        double sum = ma + mb;
        double var = (mb * mb * saa - 2 * ma * mb * sab + ma * ma * sbb) / (sum * sum * sum * sum * n);
        return new SampleShare(ma / sum, Math.sqrt(Math.max(0, var)));
    }
}
