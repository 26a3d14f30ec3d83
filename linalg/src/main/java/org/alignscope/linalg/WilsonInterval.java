package org.alignscope.linalg;

/**
 * The Wilson score interval for a binomial proportion: with p̂ = x/n and z the normal quantile,
 * centre (p̂ + z²/2n)/(1 + z²/n) and half-width z√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n). Unlike p̂ ± z√(p̂(1 − p̂)/n) it
 * stays inside [0, 1] and does not collapse to a point at x = 0 or x = n, which matters for the few trials of a
 * short run. With n = 0 the rate is NaN and the interval is [0, 1].
 *
 * @param successes x
 * @param trials    n
 * @param low       the lower bound
 * @param high      the upper bound
 */
public record WilsonInterval(long successes, long trials, double low, double high) {
    /** z of a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    /** The 95 % interval of x successes in n trials. */
    public static WilsonInterval of(long successes, long trials) {
        return of(successes, trials, Z95);
    }

    /** The interval at normal quantile {@code z}. */
    public static WilsonInterval of(long successes, long trials, double z) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return new WilsonInterval(0, 0, 0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new WilsonInterval(successes, trials, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** x/n (NaN with no trials). */
    public double rate() {
        return trials == 0 ? Double.NaN : successes / (double) trials;
    }
}
