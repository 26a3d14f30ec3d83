package org.alignscope.linalg;

/**
 * The mean of independent samples x_1 … x_n and its standard error √(s²/n), s² = Σ(x_i − x̄)²/(n − 1) the unbiased
 * sample variance (two passes, so the variance does not lose digits to a large mean). Needs n ≥ 2 for a finite
 * standard error.
 *
 * @param mean          x̄ = Σ x_i / n
 * @param standardError √(s²/n)
 */
public record SampleMean(double mean, double standardError) {

    /** The mean and standard error of {@code x}. */
    public static SampleMean of(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new SampleMean(mean, Math.sqrt(ss / (n - 1) / n));
    }
}
