package org.alignscope.quadratic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The eigenvalues λ_1 ≥ … ≥ λ_d &gt; 0 of the Hessian A of L(x) = ½ xᵀAx and the size k of the dominant block
 * D = {1..k}; the bulk is B = {k+1..d} (paper §3.2). Indices in code are 0-based: D = [0, k), B = [k, d).
 */
public record Spectrum(double[] lambda, int k) {

    public Spectrum {
        int d = lambda.length;
        if (d < 2) {
            throw new IllegalArgumentException("d: must be at least 2 (got " + d + ")");
        }
        if (k < 1 || k >= d) {
            throw new IllegalArgumentException("k: must be in [1, d-1] = [1, " + (d - 1) + "] (got " + k + ")");
        }
        for (int i = 0; i < d; i++) {
            if (!(lambda[i] > 0) || !Double.isFinite(lambda[i])) {
                throw new IllegalArgumentException("eigenvalue " + (i + 1) + ": must be finite and > 0 (got " + lambda[i] + ")");
            }
            if (i > 0 && lambda[i] > lambda[i - 1]) {
                throw new IllegalArgumentException("eigenvalues: must be in descending order (eigenvalue " + (i + 1)
                        + " = " + lambda[i] + " > eigenvalue " + i + " = " + lambda[i - 1] + ")");
            }
        }
        if (!(lambda[k - 1] > lambda[k])) {
            throw new IllegalArgumentException("k: needs a gap λ_k > λ_{k+1} (got λ_k = " + lambda[k - 1]
                    + ", λ_{k+1} = " + lambda[k] + ")");
        }
        lambda = lambda.clone();
    }

    /**
     * The authors' construction (quad_sim.py): dominant eigenvalues linspace(100, 80, k); bulk
     * linspace(7, 1, d−k) rescaled so that its maximum is λ_k/(m + 0.1). The realised gap ratio is m + 0.1.
     */
    public static Spectrum authors(int d, int k, double m) {
        checkSizes(d, k);
        if (!(m > 1)) {
            throw new IllegalArgumentException("m: must be > 1 (got " + m + ")");
        }
        double[] lambda = new double[d];
        linspace(lambda, 0, k, 100, 80);
        linspace(lambda, k, d - k, 7, 1);
        double scale = (80 / (m + 0.1)) / 7;
        for (int i = k; i < d; i++) {
            lambda[i] *= scale;
        }
        return new Spectrum(lambda, k);
    }

    /** Two levels: λ_i = dominant for i ≤ k, bulk otherwise. */
    public static Spectrum twoLevel(int d, int k, double dominant, double bulk) {
        checkSizes(d, k);
        double[] lambda = new double[d];
        Arrays.fill(lambda, 0, k, dominant);
        Arrays.fill(lambda, k, d, bulk);
        return new Spectrum(lambda, k);
    }

    /**
     * Eigenvalues read from a text file: numbers separated by white space, commas or new lines; lines starting
     * with '#' are comments. They are sorted into descending order, ready for {@link #Spectrum(double[], int)}
     * once k is known.
     */
    public static double[] readEigenvalues(Path file) throws IOException {
        String text = Files.readString(file);
        double[] values = Arrays.stream(text.lines().filter(l -> !l.strip().startsWith("#"))
                        .flatMap(l -> Arrays.stream(l.split("[\\s,;]+")))
                        .filter(s -> !s.isEmpty()).toArray(String[]::new))
                .mapToDouble(s -> {
                    try {
                        return Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("spectrum file " + file + ": not a number: '" + s + "'");
                    }
                }).toArray();
        Arrays.sort(values);
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    private static void checkSizes(int d, int k) {
        if (d < 2) {
            throw new IllegalArgumentException("d: must be at least 2 (got " + d + ")");
        }
        if (k < 1 || k >= d) {
            throw new IllegalArgumentException("k: must be in [1, d-1] = [1, " + (d - 1) + "] (got " + k + ")");
        }
    }

    /** numpy.linspace(start, stop, n) written into out[from, from+n). */
    private static void linspace(double[] out, int from, int n, double start, double stop) {
        if (n == 1) {
            out[from] = start;
            return;
        }
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) {
            out[from + i] = start + i * step;
        }
        out[from + n - 1] = stop;
    }

    public int dimension() {
        return lambda.length;
    }

    /** λ_i for 0-based i. */
    public double eigenvalue(int i) {
        return lambda[i];
    }

    /** The realised gap ratio λ_k/λ_{k+1}. */
    public double lambdaRatio() {
        return lambda[k - 1] / lambda[k];
    }

    /** A copy of the eigenvalues, descending. */
    @Override
    public double[] lambda() {
        return lambda.clone();
    }
}
