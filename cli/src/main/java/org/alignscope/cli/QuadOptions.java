package org.alignscope.cli;

import picocli.CommandLine.Option;

/** Options shared by {@code quad run} and {@code quad sweep}. */
final class QuadOptions {
    @Option(names = "--d", description = "Dimension d (default: 500; the file's length with --spectrum file:PATH).")
    Integer d;

    @Option(names = "--k", defaultValue = "50", description = "Dominant dimension k, in [1, d-1] (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--eta", defaultValue = "0.003", description = "Step size η > 0 (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--schedule", defaultValue = "constant",
            description = "Step-size schedule: constant, step:EVERY:FACTOR, cosine:T or inverse:TAU (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--sigma", defaultValue = "0.5", description = "Isotropic noise standard deviation σ >= 0 (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--noise", defaultValue = "isotropic",
            description = "isotropic (uses --sigma), diag:PATH (variances per eigen-direction) or cov:PATH (d x d covariance in eigen-coordinates).")
    String noise;

    @Option(names = "--spectrum", defaultValue = "authors",
            description = "authors (uses --m), two-level:DOM:BULK or file:PATH (default: ${DEFAULT-VALUE}).")
    String spectrum;

    @Option(names = "--init-scale", defaultValue = "1", description = "x_0 ~ N(0, scale² I) (default: ${DEFAULT-VALUE}).")
    double initScale;

    @Option(names = "--init", defaultValue = "gaussian",
            description = "gaussian (uses --init-scale) or file:PATH (c_0 in eigen-coordinates, d numbers) (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--step", defaultValue = "sgd", description = "sgd, dsgd, bsgd or 'a,b' (weights of P^D and P^B) (default: ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--steps", defaultValue = "30000", description = "Number of updates T >= 1 (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--steady", description = "Alignment statistics over the last N updates (default: T/3).")
    Integer steady;

    @Option(names = "--stride", defaultValue = "10", description = "Write trajectory rows every N steps (default: ${DEFAULT-VALUE}); statistics use every step.")
    int stride;

    @Option(names = "--dense", description = "Simulate in a random rotated basis, O(d²) per step, instead of eigen-coordinates.")
    boolean dense;

    @Option(names = "--no-run-plots", description = "Skip plot.png in each run folder (the overlays are still drawn).")
    boolean noRunPlots;

    @Option(names = "--threads", description = "Worker threads (default: the number of cores); results do not depend on it.")
    Integer threads;

    int dimension() {
        if (d != null) {
            return d;
        }
        return spectrum.startsWith("file:") ? 0 : 500;
    }

    int steadyWindow() {
        return steady != null ? steady : (int) Math.max(1, steps / 3);
    }

    int threadCount() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new IllegalArgumentException("--threads: must be >= 1 (got " + n + ")");
        }
        return n;
    }
}
