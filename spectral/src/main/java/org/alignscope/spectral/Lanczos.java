package org.alignscope.spectral;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
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
 * <p><b>Warm starts.</b> {@link WarmStart#SUM} starts the same recurrence from one vector, the normalised sum of
 * the previous eigenvectors. {@link WarmStart#SUBSPACE} starts from all of them at once, a band form of the
 * recurrence described at {@link Run}; it keeps the same stopping rule, restart and certification.
 *
 * <p><b>Stopping.</b> With H V = V T + v_next cᵀ, the residual of the Ritz pair (θ, Vs) is |cᵀs| (for plain
 * Lanczos β_j |s_j|; for the band form ‖C s‖, C the couplings to the pending vectors). The iteration stops when that estimate is ≤ tolerance·|θ_1| for the k wanted pairs, or when
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
     *                  With {@link WarmStart#SUBSPACE} they are orthonormalised (dependent or non-finite ones
     *                  dropped) and become the first basis vectors: their products give the Rayleigh–Ritz pairs of
     *                  the old subspace at once, and the basis then grows from the residual block (see
     *                  {@link Run}); with {@link WarmStart#SUM} the Krylov space starts from their normalised sum.
     *                  The random stream is still used after a breakdown.
     */
    public static EigenResult solve(SymmetricOperator op, LanczosOptions options, Which which, double[][] warmStart) {
        int n = op.dimension();
        if (options.k() > n) {
            throw new IllegalArgumentException("k = " + options.k() + " exceeds the dimension " + n);
        }
        RandomStream rng = RandomStream.of(options.seed(), STREAM);
        double[][] start;
        if (warmStart == null) {
            start = new double[0][];
        } else if (options.warmStart() == WarmStart.SUM) {
            start = summedStart(warmStart, n);
        } else {
            start = orthonormalStart(warmStart, n);
        }
        if (start.length == 0) {
            start = new double[][] {Vec.randomUnit(rng, n, new double[0][], 0)};
        }
        double sign = which == Which.LARGEST ? 1.0 : -1.0;
        return new Run(op, options, sign, rng, start.length).run(start, which);
    }

    /** {Σ u_i/‖u_i‖ normalised} over the non-zero vectors, or no vector when that sum is zero or not finite. */
    private static double[][] summedStart(double[][] warm, int n) {
        double[] sum = new double[n];
        for (double[] u : warm) {
            checkLength(u, n);
            double un = Vectors.norm(u);
            if (un > 0) {
                Vectors.axpy(1.0 / un, u, sum);
            }
        }
        double sn = Vectors.norm(sum);
        if (sn == 0 || !Double.isFinite(sn)) {
            return new double[0][];
        }
        Vectors.scale(1.0 / sn, sum);
        return new double[][] {sum};
    }

    private static void checkLength(double[] u, int n) {
        if (u.length != n) {
            throw new IllegalArgumentException("warm-start vector of length " + u.length + ", expected " + n);
        }
    }

    /** The warm-start vectors orthonormalised by CGS2, at most n of them; dependent or non-finite ones dropped. */
    private static double[][] orthonormalStart(double[][] warm, int n) {
        double[][] q = new double[Math.min(warm.length, n)][];
        int count = 0;
        for (double[] u : warm) {
            checkLength(u, n);
            double before = Vectors.norm(u);
            if (count == q.length || !(before > 0) || !Double.isFinite(before)) {
                continue;
            }
            double[] w = u.clone();
            Vec.orthogonalise(q, count, w);
            double after = Vectors.norm(w);
            if (after > 1e-8 * before) {
                Vectors.scale(1.0 / after, w);
                q[count++] = w;
            }
        }
        return Arrays.copyOf(q, count);
    }

    /**
     * One solve. The basis v[0..j) is orthonormal; its first a vectors have been applied ("applied"), the others
     * are "pending". With T[r][c] = v_rᵀ H v_c stored for every applied column c, the relation
     * H V_a = V_a T_a + V_pending C holds (C = the pending rows of T), so the Ritz pair (θ, V_a s) of T_a has the
     * residual ‖C s‖ exactly (rounding aside). Applying a pending vector moves it to the applied block and adds
     * at most one new pending vector, the orthogonalised remainder of its product. A cold start has one pending
     * vector at a time: this is the Lanczos recurrence (C s = β s_last). A warm start of p vectors keeps up to p
     * pending vectors (a band Lanczos process, Ruhe 1979); the next one applied is the pending direction of the
     * largest residual among the wanted pairs not yet converged, obtained by a Householder rotation of the
     * pending block, so that pairs already accurate cost nothing.
     */
    private static final class Run {
        private final SymmetricOperator op;
        private final LanczosOptions o;
        private final double sign;
        private final RandomStream rng;
        private final int n;
        private final int startCount;
        private int applications;

        Run(SymmetricOperator op, LanczosOptions o, double sign, RandomStream rng, int startCount) {
            this.op = op;
            this.o = o;
            this.sign = sign;
            this.rng = rng;
            this.n = op.dimension();
            this.startCount = startCount;
        }

        private void apply(double[] v, double[] out) {
            op.apply(v, out);
            applications++;
            if (sign != 1.0) {
                Vectors.scale(sign, out);
            }
        }

        EigenResult run(double[][] start, Which which) {
            final int k = o.k();
            final int m = Math.max(k, Math.min(Math.max(o.krylovDimension(), startCount + 2), n));
            final int capacity = m + startCount + 1;
            final int iterationBudget = o.maxApplications() - k;
            final double tol = o.tolerance();
            double[][] v = new double[capacity][];
            double[][] t = new double[capacity][capacity];
            double[] w = new double[n];
            double anorm = 0;
            System.arraycopy(start, 0, v, 0, start.length);
            int j = start.length;
            int a = 0;
            Ritz ritz = null;
            while (applications < iterationBudget) {
                if (a >= startCount && j - a > 1 && ritz != null) {
                    steer(v, t, a, j, ritz, k, tol);
                }
                apply(v[a], w);
                anorm = Math.max(anorm, Vectors.norm(w));
                double[] h = Vec.orthogonalise(v, j, w);
                t[a][a] = h[a];
                for (int r = a + 1; r < j; r++) {
                    t[r][a] = h[r];
                    t[a][r] = h[r];
                }
                a++;
                double beta = Vectors.norm(w);
                boolean exhausted = false;
                if (j < n && beta > 1e-10 * anorm) {
                    Vectors.scale(1.0 / beta, w);
                    v[j] = w;
                    w = new double[n];
                    t[j][a - 1] = beta;
                    t[a - 1][j] = beta;
                    j++;
                } else if (j == a && j < n) {
                    // Breakdown: V spans an invariant subspace. Continue with a fresh direction, decoupled.
                    v[j] = Vec.randomUnit(rng, n, v, j);
                    exhausted = v[j] == null;
                    if (!exhausted) {
                        j++;
                    }
                } else if (j == a) {
                    exhausted = true;
                }
                if (a >= k) {
                    ritz = Ritz.of(t, a);
                    double scale = scaleOf(ritz.theta, k);
                    boolean allSmall = true;
                    for (int i = 0; i < k && allSmall; i++) {
                        allSmall = ritz.residual(t, a, j, i) <= tol * scale;
                    }
                    if (allSmall || exhausted) {
                        break;
                    }
                } else if (a >= 1 && a >= startCount) {
                    ritz = Ritz.of(t, a);
                }
                if (exhausted) {
                    break;
                }
                if (a == m) {
                    // Thick restart: keep p leading Ritz vectors and every pending vector.
                    int p = Math.min(m - 1, k + (m - k) / 2);
                    double[][] kept = new double[p][];
                    double[][] coupling = new double[j - a][p];
                    for (int i = 0; i < p; i++) {
                        kept[i] = Vec.combine(v, a, ritz.column(i), n);
                        for (int r = a; r < j; r++) {
                            coupling[r - a][i] = ritz.projectRow(t[r], i);
                        }
                    }
                    double[][] pending = Arrays.copyOfRange(v, a, j);
                    Arrays.fill(v, null);
                    System.arraycopy(kept, 0, v, 0, p);
                    System.arraycopy(pending, 0, v, p, pending.length);
                    for (double[] row : t) {
                        Arrays.fill(row, 0);
                    }
                    for (int i = 0; i < p; i++) {
                        t[i][i] = ritz.theta[i];
                        for (int r = 0; r < pending.length; r++) {
                            t[p + r][i] = coupling[r][i];
                            t[i][p + r] = coupling[r][i];
                        }
                    }
                    a = p;
                    j = p + pending.length;
                    ritz = Ritz.of(t, a);
                }
            }
            ritz = Ritz.of(t, a);
            return certify(ritz, v, a, which);
        }

        /**
         * Rotates the pending block v[a..j) so that v[a] is the pending direction of the largest residual among
         * the first k Ritz pairs not yet converged (of all pairs while fewer than k are applied). The rotation is
         * the Householder reflection Q = I − 2uuᵀ/uᵀu with u = e₁ + c (c the unit residual direction), which maps
         * e₁ to −c; the pending rows of T are rotated alike, so H V_a = V_a T_a + V_pending C still holds.
         */
        private void steer(double[][] v, double[][] t, int a, int j, Ritz ritz, int k, double tol) {
            int pending = j - a;
            int wanted = Math.min(k, a);
            double scale = scaleOf(ritz.theta, wanted);
            double[] c = null;
            double worst = -1;
            for (int i = 0; i < wanted; i++) {
                double[] ci = new double[pending];
                for (int r = 0; r < pending; r++) {
                    ci[r] = ritz.projectRow(t[a + r], i);
                }
                double e = Vectors.norm(ci);
                if (e > worst && (e > tol * scale || c == null)) {
                    worst = e;
                    c = ci;
                }
            }
            if (!(worst > 0)) {
                return;
            }
            Vectors.scale(1.0 / worst, c);
            double[] u = c.clone();
            if (u[0] < 0) {
                Vectors.scale(-1.0, u);
            }
            u[0] += 1;
            double f = 2 / Vectors.dot(u, u);
            double[] z = new double[n]; // z = Σ_r u_r v[a + r]
            for (int r = 0; r < pending; r++) {
                Vectors.axpy(u[r], v[a + r], z);
            }
            for (int r = 0; r < pending; r++) {
                Vectors.axpy(-f * u[r], z, v[a + r]);
            }
            for (int col = 0; col < a; col++) {
                double d = 0;
                for (int r = 0; r < pending; r++) {
                    d += u[r] * t[a + r][col];
                }
                for (int r = 0; r < pending; r++) {
                    t[a + r][col] -= f * u[r] * d;
                    t[col][a + r] = t[a + r][col];
                }
            }
        }

        private EigenResult certify(Ritz ritz, double[][] v, int j, Which which) {
            int k = o.k();
            double[][] vectors = new double[k][];
            double[] values = new double[k];
            double[] residuals = new double[k];
            double[] hv = new double[n];
            for (int i = 0; i < k; i++) {
                double[] y = Vec.combine(v, j, ritz.column(i), n);
                Vectors.scale(1.0 / Vectors.norm(y), y);
                apply(y, hv); // hv = sign·H y
                double rq = Vectors.dot(y, hv);
                Vectors.axpy(-rq, y, hv);
                vectors[i] = y;
                values[i] = sign * rq;
                residuals[i] = Vectors.norm(hv);
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

        /** rowᵀ s_i: a pending row of T (its entries over the applied columns) times the i-th Ritz vector. */
        double projectRow(double[] row, int i) {
            double e = 0;
            for (int r = 0; r < s.length; r++) {
                e += row[r] * s[r][i];
            }
            return e;
        }

        /** ‖C s_i‖: the residual of the i-th Ritz pair, C = rows [a, j) of T over the applied columns [0, a). */
        double residual(double[][] t, int a, int j, int i) {
            double sum = 0;
            for (int r = a; r < j; r++) {
                double e = projectRow(t[r], i);
                sum += e * e;
            }
            return Math.sqrt(sum);
        }
    }
}
