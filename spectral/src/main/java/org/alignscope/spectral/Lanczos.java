package org.alignscope.spectral;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * Extreme eigenpairs of a symmetric operator by thick-restart Lanczos with full reorthogonalisation.
 *
 * <p><b>Method.</b> The Lanczos recurrence builds an orthonormal basis V of the Krylov space of the start vector;
 * every new vector is reorthogonalised against the whole basis by classical Gram–Schmidt applied twice, so the
 * projected matrix T = VᵀHV stays exact to rounding. When the basis reaches
 * {@link LanczosOptions#krylovDimension()} vectors, it is compressed to the p = k + ⌊(m − k)/2⌋ leading Ritz
 * vectors plus the current residual direction (the thick restart of Wu and Simon, SIAM J. Matrix Anal. Appl.
 * 22(2), 2000), which keeps T an arrowhead-plus-tridiagonal matrix; T is diagonalised densely (it is at most
 * m × m). For the smallest eigenvalues the same iteration runs on −H.
 *
 * <p><b>Stopping.</b> With H V = V T + v_next cᵀ, the residual of the Ritz pair (θ, Vs) is |cᵀs| (for plain
 * Lanczos β_j |s_j|). The iteration stops when that estimate is ≤ tolerance·|θ_1| for the k wanted pairs, or when
 * the budget minus k applications is spent. Each returned vector is then applied once more to the operator: the
 * eigenvalue reported is its Rayleigh quotient and the residual the true ‖Hv − λv‖. The converged flags come from
 * these true residuals, so a run stopped by the budget reports its unconverged pairs honestly.
 *
 * <p><b>Invariant subspaces.</b> If the recurrence breaks down (the Krylov space is invariant, as happens for
 * small n or an exactly degenerate spectrum), the basis is continued with a fresh random vector orthogonal to
 * it. A single-vector Krylov method cannot see more than one direction of an exactly repeated eigenvalue except
 * through such breakdowns and through rounding, which full reorthogonalisation lets grow; in tests on
 * spectra with triple eigenvalues every copy was found, but a repeated eigenvalue can be missed in general.
 *
 * <p><b>Determinism.</b> The start vector is drawn from {@code RandomStream.of(seed, STREAM)}; the same operator,
 * options and seed give the same result bit for bit.
 */
public final class Lanczos {

    /** The random-stream path element used for start vectors ("LANC"). */
    public static final long STREAM = 0x4C414E43L;

    private Lanczos() {
    }

    /** The k largest algebraic eigenpairs, cold start. */
    public static EigenResult largest(SymmetricOperator op, LanczosOptions options) {
        return solve(op, options, Which.LARGEST, null);
    }

    /** The k smallest algebraic (most negative) eigenpairs, cold start. */
    public static EigenResult smallest(SymmetricOperator op, LanczosOptions options) {
        return solve(op, options, Which.SMALLEST, null);
    }

    /**
     * Extreme eigenpairs, optionally warm-started.
     *
     * @param warmStart previous eigenvectors (any number, each of length n) or {@code null} for a random start.
     *                  The Krylov space is started from their normalised sum, so that every previous direction
     *                  is present with equal weight; the random stream is still used after a breakdown.
     */
    public static EigenResult solve(SymmetricOperator op, LanczosOptions options, Which which, double[][] warmStart) {
        int n = op.dimension();
        if (options.k() > n) {
            throw new IllegalArgumentException("k = " + options.k() + " exceeds the dimension " + n);
        }
        RandomStream rng = RandomStream.of(options.seed(), STREAM);
        double[] start = null;
        if (warmStart != null && warmStart.length > 0) {
            start = new double[n];
            for (double[] u : warmStart) {
                if (u.length != n) {
                    throw new IllegalArgumentException("warm-start vector of length " + u.length + ", expected " + n);
                }
                double un = Vec.norm(u);
                if (un > 0) {
                    Vec.axpy(1.0 / un, u, start);
                }
            }
            double sn = Vec.norm(start);
            if (sn == 0 || !Double.isFinite(sn)) {
                start = null;
            } else {
                Vec.scale(1.0 / sn, start);
            }
        }
        if (start == null) {
            start = Vec.randomUnit(rng, n, new double[0][], 0);
        }
        double sign = which == Which.LARGEST ? 1.0 : -1.0;
        return new Run(op, options, sign, rng).run(start, which);
    }

    /** One solve; holds the basis and the projected matrix. */
    private static final class Run {
        private final SymmetricOperator op;
        private final LanczosOptions o;
        private final double sign;
        private final RandomStream rng;
        private final int n;
        private int applications;

        Run(SymmetricOperator op, LanczosOptions o, double sign, RandomStream rng) {
            this.op = op;
            this.o = o;
            this.sign = sign;
            this.rng = rng;
            this.n = op.dimension();
        }

        private void apply(double[] v, double[] out) {
            op.apply(v, out);
            applications++;
            if (sign != 1.0) {
                Vec.scale(sign, out);
            }
        }

        EigenResult run(double[] start, Which which) {
            final int k = o.k();
            final int m = Math.max(k, Math.min(o.krylovDimension(), n));
            final int iterationBudget = o.maxApplications() - k;
            final double tol = o.tolerance();
            double[][] v = new double[m + 1][];
            double[][] t = new double[m][m];
            double[] coupling = new double[m];
            double[] w = new double[n];
            double anorm = 0;
            int j = 0;
            v[0] = start;
            Ritz ritz = null;
            while (applications < iterationBudget) {
                apply(v[j], w);
                double wn = Vec.norm(w);
                anorm = Math.max(anorm, wn);
                double[] h = Vec.orthogonalise(v, j + 1, w);
                t[j][j] = h[j];
                for (int i = 0; i < j; i++) {
                    t[i][j] = coupling[i];
                    t[j][i] = coupling[i];
                }
                j++;
                double beta = Vec.norm(w);
                Arrays.fill(coupling, 0);
                boolean exhausted = false;
                if (j < n && beta > 1e-10 * anorm) {
                    double[] next = w.clone();
                    Vec.scale(1.0 / beta, next);
                    v[j] = next;
                    coupling[j - 1] = beta;
                } else if (j < n) {
                    // Breakdown: V spans an invariant subspace. Continue with a fresh direction, decoupled.
                    v[j] = Vec.randomUnit(rng, n, v, j);
                    exhausted = v[j] == null;
                } else {
                    exhausted = true;
                    v[j] = null;
                }
                if (j >= k) {
                    ritz = Ritz.of(t, j);
                    double scale = scaleOf(ritz.theta, k);
                    boolean allSmall = true;
                    for (int i = 0; i < k && allSmall; i++) {
                        allSmall = ritz.estimate(coupling, i) <= tol * scale;
                    }
                    if (allSmall || exhausted) {
                        break;
                    }
                }
                if (exhausted) {
                    break;
                }
                if (j == m) {
                    // Thick restart: keep p leading Ritz vectors and the residual direction v[m].
                    int p = Math.min(m - 1, k + (m - k) / 2);
                    double[][] kept = new double[p][];
                    double[] newCoupling = new double[m];
                    for (int i = 0; i < p; i++) {
                        kept[i] = Vec.combine(v, j, ritz.column(i), n);
                        newCoupling[i] = ritz.estimateSigned(coupling, i);
                    }
                    double[] residualDirection = v[j];
                    Arrays.fill(v, null);
                    System.arraycopy(kept, 0, v, 0, p);
                    v[p] = residualDirection;
                    for (double[] row : t) {
                        Arrays.fill(row, 0);
                    }
                    for (int i = 0; i < p; i++) {
                        t[i][i] = ritz.theta[i];
                    }
                    coupling = newCoupling;
                    j = p;
                }
            }
            ritz = Ritz.of(t, j);
            return certify(ritz, v, j, which);
        }

        private EigenResult certify(Ritz ritz, double[][] v, int j, Which which) {
            int k = o.k();
            double[][] vectors = new double[k][];
            double[] values = new double[k];
            double[] residuals = new double[k];
            double[] hv = new double[n];
            for (int i = 0; i < k; i++) {
                double[] y = Vec.combine(v, j, ritz.column(i), n);
                Vec.scale(1.0 / Vec.norm(y), y);
                apply(y, hv); // hv = sign·H y
                double rq = Vec.dot(y, hv);
                Vec.axpy(-rq, y, hv);
                vectors[i] = y;
                values[i] = sign * rq;
                residuals[i] = Vec.norm(hv);
            }
            Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
            Comparator<Integer> byValue = Comparator.comparingDouble(i -> values[i]);
            Arrays.sort(order, which == Which.LARGEST ? byValue.reversed() : byValue);
            double[] sortedValues = new double[k];
            double[][] sortedVectors = new double[k][];
            double[] sortedResiduals = new double[k];
            for (int i = 0; i < k; i++) {
                sortedValues[i] = values[order[i]];
                sortedVectors[i] = vectors[order[i]];
                sortedResiduals[i] = residuals[order[i]];
            }
            double maxAbs = 0;
            for (double th : ritz.theta) {
                maxAbs = Math.max(maxAbs, Math.abs(th));
            }
            double scale = Math.max(Math.abs(sortedValues[0]), 1e-8 * maxAbs);
            boolean[] converged = new boolean[k];
            for (int i = 0; i < k; i++) {
                converged[i] = sortedResiduals[i] <= o.tolerance() * scale;
            }
            return new EigenResult(which, sortedValues, sortedVectors, sortedResiduals, converged, applications,
                    o.tolerance(), scale);
        }

        private static double scaleOf(double[] theta, int k) {
            double maxAbs = 0;
            for (double th : theta) {
                maxAbs = Math.max(maxAbs, Math.abs(th));
            }
            return Math.max(Math.abs(theta[0]), 1e-8 * maxAbs);
        }
    }

    /** Ritz values (descending) and the eigenvectors of the leading j × j block of T. */
    static final class Ritz {
        final double[] theta;
        final double[][] s; // s[row][col], column i belongs to theta[i]

        private Ritz(double[] theta, double[][] s) {
            this.theta = theta;
            this.s = s;
        }

        static Ritz of(double[][] t, int j) {
            double[][] block = new double[j][j];
            for (int r = 0; r < j; r++) {
                System.arraycopy(t[r], 0, block[r], 0, j);
            }
            EigenDecompositionSymmetric ed = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(block, false));
            double[] values = ed.getEigenvalues();
            Integer[] order = IntStream.range(0, j).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
            double[] theta = new double[j];
            double[][] s = new double[j][j];
            for (int c = 0; c < j; c++) {
                theta[c] = values[order[c]];
                RealVector ev = ed.getEigenvector(order[c]);
                for (int r = 0; r < j; r++) {
                    s[r][c] = ev.getEntry(r);
                }
            }
            return new Ritz(theta, s);
        }

        double[] column(int i) {
            double[] c = new double[s.length];
            for (int r = 0; r < s.length; r++) {
                c[r] = s[r][i];
            }
            return c;
        }

        double estimateSigned(double[] coupling, int i) {
            double e = 0;
            for (int r = 0; r < s.length; r++) {
                e += coupling[r] * s[r][i];
            }
            return e;
        }

        double estimate(double[] coupling, int i) {
            return Math.abs(estimateSigned(coupling, i));
        }
    }
}
