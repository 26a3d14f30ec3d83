package org.alignscope.verify;

/**
 * How much search effort a run spends. {@code instances} is the number of random instances of each
 * deterministic claim; Monte Carlo and trend claims use fewer instances, each with many draws or a whole grid.
 *
 * @param instances random instances per deterministic claim (default 2,000; ten times as many in a thorough run)
 * @param thorough  whether the larger Monte Carlo draws, trend families and grids are used
 */
public record Budget(int instances, boolean thorough) {

    /** The default instance count of {@code quad verify}. */
    public static final int DEFAULT_INSTANCES = 2000;

    public Budget {
        if (instances < 1) {
            throw new IllegalArgumentException("instances: must be >= 1 (got " + instances + ")");
        }
    }

    /** The instances of a default run, or of a thorough one (ten times as many). */
    public static int instancesFor(boolean thorough) {
        return DEFAULT_INSTANCES * (thorough ? 10 : 1);
    }

    /** Instances of a deterministic claim. */
    public int deterministic() {
        return instances;
    }

    /** Instances of a Monte Carlo claim (each with {@link #draws()} draws). */
    public int monteCarlo() {
        return Math.max(4, instances / 100);
    }

    /** Families of a trend claim (each evaluated on a whole grid of d or m). */
    public int trend() {
        return Math.max(3, instances / 200);
    }

    /** Monte Carlo draws per instance. */
    public int draws() {
        return thorough ? 100_000 : 20_000;
    }

    /** Monte Carlo draws per grid point of a d → ∞ trend (the spread of θ shrinks like 1/√d). */
    public int trendDraws() {
        return thorough ? 1024 : 256;
    }
}
