package org.alignscope.spectral;

import java.util.Arrays;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.random.RandomStream;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The eigenvalue density of a symmetric operator by stochastic Lanczos quadrature (SLQ; Lin, Saad, Yang, SIAM Rev.
 * 58(1), 2016; Ghorbani, Krishnan, Xiao, ICML 2019; PyHessian's {@code density}).
 *
 * <p>For each probe v (Rademacher, normalised to unit length) an m-step Lanczos run with full reorthogonalisation
 * gives a tridiagonal T; its eigenvalues θ_j are the Gauss quadrature <em>nodes</em> and the squared first
 * components of its eigenvectors τ_j (which sum to 1) the <em>weights</em>, so that Σ_j τ_j f(θ_j) ≈ vᵀf(H)v,
 * exactly for polynomials f of degree ≤ 2m − 1. Averaged over probes, Σ τ_j θ_j^p estimates tr(H^p)/n.
 *
 * <p>The density is φ(t) = (1/probes) Σ_probes Σ_j τ_j N(t; θ_j, σ²), a sum of Gaussians, evaluated on an evenly
 * spaced grid; it integrates to 1 over the real line. Default σ² = 1e-5·max(1, λ_max − λ_min) (PyHessian's
 * convention); the grid spans [θ_min − pad, θ_max + pad] with pad = max(8σ, 1% of the range), so that the
 * density integrates to 1 over the grid as well. The density is not renormalised.
 */
public final class SpectralDensity {

    /** The random-stream path element of the probes ("SLQD"). */
    public static final long STREAM = 0x534C5144L;

    /**
     * Settings.
     *
     * @param probes       number of random probe vectors (≥ 1)
     * @param lanczosSteps Lanczos steps per probe (≥ 1); each costs one operator application
     * @param gridPoints   points of the density grid (≥ 2)
     * @param sigma        Gaussian broadening (standard deviation); 0 or negative for PyHessian's default
     * @param seed         probe seed
     */
    public record Options(int probes, int lanczosSteps, int gridPoints, double sigma, long seed) {
        public Options {
            if (probes < 1 || lanczosSteps < 1 || gridPoints < 2) {
                throw new IllegalArgumentException("need probes ≥ 1, lanczosSteps ≥ 1, gridPoints ≥ 2; got "
                        + probes + ", " + lanczosSteps + ", " + gridPoints);
            }
        }

        /** PyHessian-like defaults: 1 probe (PyHessian's n_v), 90 steps (its iter), 10,000 grid points. */
        public static Options defaults() {
            return new Options(1, 90, 10_000, 0, 0L);
        }

        public Options withProbes(int p) {
            return new Options(p, lanczosSteps, gridPoints, sigma, seed);
        }

        public Options withLanczosSteps(int m) {
            return new Options(probes, m, gridPoints, sigma, seed);
        }

        public Options withGridPoints(int g) {
            return new Options(probes, lanczosSteps, g, sigma, seed);
        }

        public Options withSigma(double s) {
            return new Options(probes, lanczosSteps, gridPoints, s, seed);
        }

        public Options withSeed(long s) {
            return new Options(probes, lanczosSteps, gridPoints, sigma, s);
        }
    }

    /**
     * An SLQ estimate.
     *
     * @param nodes                per probe, the quadrature nodes (ascending); fewer than the Lanczos steps if the
     *                             Krylov space was invariant earlier
     * @param weights              per probe, the weights matching {@code nodes} (each row sums to 1)
     * @param grid                 the evaluation points, ascending and evenly spaced
     * @param density              φ at each grid point
     * @param sigma                the Gaussian standard deviation used
     * @param operatorApplications applications used
     */
    public record Result(double[][] nodes, double[][] weights, double[] grid, double[] density, double sigma,
            int operatorApplications) {

        /** The quadrature estimate of tr(H^p)/n: the mean over probes of Σ τ_j θ_j^p. */
        public double moment(int p) {
            double s = 0;
            for (int r = 0; r < nodes.length; r++) {
                for (int j = 0; j < nodes[r].length; j++) {
                    s += weights[r][j] * Math.pow(nodes[r][j], p);
                }
            }
            return s / nodes.length;
        }

        /** The trapezoidal integral of the density over the grid (≈ 1). */
        public double integral() {
            double s = 0;
            for (int i = 1; i < grid.length; i++) {
                s += 0.5 * (density[i] + density[i - 1]) * (grid[i] - grid[i - 1]);
            }
            return s;
        }
    }

    private SpectralDensity() {
    }

    /** Runs SLQ. */
    public static Result estimate(SymmetricOperator op, Options options) {
        int n = op.dimension();
        int steps = Math.min(options.lanczosSteps(), n);
        RandomStream rng = RandomStream.of(options.seed(), STREAM);
        double[][] nodes = new double[options.probes()][];
        double[][] weights = new double[options.probes()][];
        int applications = 0;
        double[] w = new double[n];
        for (int p = 0; p < options.probes(); p++) {
            double[][] v = new double[steps][];
            double[] start = new double[n];
            TraceEstimator.rademacher(rng, start);
            Vectors.scale(1.0 / Math.sqrt(n), start);
            v[0] = start;
            double[] alpha = new double[steps];
            double[] beta = new double[steps];
            int j = 0;
            double anorm = 0;
            while (true) {
                op.apply(v[j], w);
                applications++;
                anorm = Math.max(anorm, Vectors.norm(w));
                double[] h = Vec.orthogonalise(v, j + 1, w);
                alpha[j] = h[j];
                j++;
                if (j == steps) {
                    break;
                }
                double b = Vectors.norm(w);
                if (b <= 1e-10 * anorm) {
                    break; // invariant subspace: the quadrature is exact for this probe
                }
                beta[j - 1] = b;
                v[j] = w.clone();
                Vectors.scale(1.0 / b, v[j]);
            }
            double[] main = Arrays.copyOf(alpha, j);
            double[] secondary = Arrays.copyOf(beta, Math.max(0, j - 1));
            EigenDecompositionSymmetric ed = new EigenDecompositionSymmetric(main, secondary);
            double[] theta = ed.getEigenvalues();
            double[] tau = new double[j];
            for (int i = 0; i < j; i++) {
                double first = ed.getEigenvector(i).getEntry(0);
                tau[i] = first * first;
            }
            Integer[] order = new Integer[j];
            for (int i = 0; i < j; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(theta[a], theta[b]));
            nodes[p] = new double[j];
            weights[p] = new double[j];
            for (int i = 0; i < j; i++) {
                nodes[p][i] = theta[order[i]];
                weights[p][i] = tau[order[i]];
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : nodes) {
            for (double x : row) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double range = hi - lo;
        double sigma = options.sigma() > 0 ? options.sigma() : Math.sqrt(1e-5 * Math.max(1.0, range));
        double pad = Math.max(8 * sigma, 0.01 * range);
        int g = options.gridPoints();
        double[] grid = new double[g];
        double step = (range + 2 * pad) / (g - 1);
        for (int i = 0; i < g; i++) {
            grid[i] = lo - pad + i * step;
        }
        double[] density = new double[g];
        double norm = 1.0 / (Math.sqrt(2 * Math.PI) * sigma * options.probes());
        for (int r = 0; r < nodes.length; r++) {
            for (int jj = 0; jj < nodes[r].length; jj++) {
                double c = nodes[r][jj];
                double wgt = weights[r][jj] * norm;
                // only grid points within 10σ contribute noticeably
                int from = Math.max(0, (int) Math.floor((c - 10 * sigma - grid[0]) / step));
                int to = Math.min(g - 1, (int) Math.ceil((c + 10 * sigma - grid[0]) / step));
                for (int i = from; i <= to; i++) {
                    double d = (grid[i] - c) / sigma;
                    density[i] += wgt * Math.exp(-0.5 * d * d);
                }
            }
        }
        return new Result(nodes, weights, grid, density, sigma, applications);
    }
}
