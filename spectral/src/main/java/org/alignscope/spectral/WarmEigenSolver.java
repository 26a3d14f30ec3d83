package org.alignscope.spectral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.random.RandomStream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The m largest algebraic eigenpairs of a symmetric operator H, started from vectors close to them (the previous
 * evaluation's eigenvectors, or a training run's tracked basis): a Rayleigh–Ritz step on their span first, then
 * block expansion by the residuals of the pairs that have not converged.
 *
 * <p><b>Method.</b> V is an orthonormal basis (classical Gram–Schmidt, applied twice) with the products HV kept
 * beside it. Rayleigh–Ritz: T = VᵀHV = S Θ Sᵀ; the Ritz pairs are (θ<sub>i</sub>, x<sub>i</sub> = V s<sub>i</sub>)
 * with Hx<sub>i</sub> = (HV) s<sub>i</sub> by linearity, so the residual r<sub>i</sub> = Hx<sub>i</sub> −
 * θ<sub>i</sub>x<sub>i</sub> costs no operator application. If the start vectors span the wanted eigenspace to
 * within tolerance, this step is the whole solve (m applications, one per start vector). Otherwise the residuals
 * of the unconverged pairs are orthogonalised against V and added (one application each) and the Rayleigh–Ritz
 * step is repeated: span{V, R} = span{V, HX}, a block Krylov step (block Davidson with the identity as
 * preconditioner). When V reaches max(2m + 10, 30) vectors it is compressed to its m + ⌊(max − m)/2⌋ leading Ritz
 * vectors (and their products), as in thick-restart Lanczos. Start vectors fewer than m are completed by random
 * unit vectors from {@code RandomStream.of(seed, STREAM)}.
 *
 * <p><b>Certificate.</b> Each returned vector x is normalised, λ = xᵀHx is its Rayleigh quotient and the residual
 * ‖Hx − λx‖ is computed from Hx = (HV)s: a true product up to the rounding of the linear combination (no Lanczos
 * estimate). A pair is converged when its residual is ≤ tolerance·scale, scale = max(|λ<sub>1</sub>|,
 * 1e-8·max|θ|) (the convention of {@link Lanczos}). The iteration stops when all m pairs
 * are converged, when the budget of applications is spent, or when no residual adds a new direction; the flags
 * then say honestly which pairs met the tolerance.
 *
 * <p>Deterministic: the same operator, start vectors, options and seed give the same result bit for bit.
 */
public final class WarmEigenSolver {
    /** Path element of the completion vectors' random stream ("WARM"). */
    static final long STREAM = 0x5741524DL;

    private final SymmetricOperator h;
    private final int n;
    private final List<double[]> v = new ArrayList<>();
    private final List<double[]> hv = new ArrayList<>();
    /** Lower triangle of T = VᵀHV, symmetrised: row j holds T[j][0..j]. */
    private final List<double[]> t = new ArrayList<>();
    private int applications;

    private WarmEigenSolver(SymmetricOperator h) {
        this.h = h;
        this.n = h.dimension();
    }

    /**
     * @param h         the operator
     * @param m         pairs wanted, 1 ≤ m ≤ n
     * @param tolerance relative residual target
     * @param budget    the most operator applications (≥ m)
     * @param start     start vectors (any number, each of length n; dependent ones are dropped)
     * @param seed      seed of the completion vectors
     */
    public static EigenResult solve(SymmetricOperator h, int m, double tolerance, int budget, double[][] start, long seed) {
        int n = h.dimension();
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("pairs must lie in [1, " + n + "], got " + m);
        }
        if (budget < m) {
            throw new IllegalArgumentException("budget must be at least the " + m + " pairs, got " + budget);
        }
        WarmEigenSolver s = new WarmEigenSolver(h);
        for (double[] x : start) {
            if (x.length != n) {
                throw new IllegalArgumentException("start vector of length " + x.length + ", expected " + n);
            }
            if (s.v.size() < m) {
                s.add(x.clone());
            }
        }
        RandomStream rng = RandomStream.of(seed, STREAM);
        while (s.v.size() < m) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextGaussian();
            }
            s.add(x);
        }
        return s.iterate(m, tolerance, budget);
    }

    /** Orthogonalises x against V (twice), normalises it and appends it with Hx; false if x lies in span V. */
    private boolean add(double[] x) {
        double before = Math.sqrt(Vectors.dot(x, x));
        if (!(before > 0) || !Double.isFinite(before)) {
            return false;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (double[] b : v) {
                double c = Vectors.dot(b, x);
                for (int i = 0; i < n; i++) {
                    x[i] -= c * b[i];
                }
            }
        }
        double after = Math.sqrt(Vectors.dot(x, x));
        if (!(after > 1e-10 * before)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            x[i] /= after;
        }
        double[] y = new double[n];
        h.apply(x, y);
        applications++;
        v.add(x);
        hv.add(y);
        t.add(row(v.size() - 1));
        return true;
    }

    /** T[j][0..j] = ½(v_iᵀ(Hv_j) + v_jᵀ(Hv_i)). */
    private double[] row(int j) {
        double[] r = new double[j + 1];
        for (int i = 0; i <= j; i++) {
            r[i] = 0.5 * (Vectors.dot(v.get(i), hv.get(j)) + Vectors.dot(v.get(j), hv.get(i)));
        }
        return r;
    }

    private EigenResult iterate(int m, double tol, int budget) {
        int maxBasis = Math.min(n, LanczosOptions.krylovFor(m));
        int keep = Math.max(m, Math.min(maxBasis - 1, m + (maxBasis - m) / 2));
        while (true) {
            Ritz r = rayleighRitz(m);
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (!(r.residuals[i] <= tol * r.scale)) {
                    open.add(i);
                }
            }
            if (open.isEmpty() || applications >= budget) {
                return r.result(m, tol, applications);
            }
            if (v.size() + open.size() > maxBasis) {
                compress(Math.min(keep, v.size()));
                r = rayleighRitz(m);
            }
            boolean grew = false;
            for (int i : open) {
                if (applications >= budget || v.size() >= maxBasis) {
                    break;
                }
                grew |= add(r.residualVector(i));
            }
            if (!grew) {
                return r.result(m, tol, applications);
            }
        }
    }

    /** V ← V S<sub>[:, :p]</sub>, HV ← HV S<sub>[:, :p]</sub> for the p leading Ritz vectors. */
    private void compress(int p) {
        double[][] s = eigenvectorsOfT();
        List<double[]> nv = new ArrayList<>();
        List<double[]> nhv = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            nv.add(combine(v, s, c));
            nhv.add(combine(hv, s, c));
        }
        v.clear();
        hv.clear();
        t.clear();
        v.addAll(nv);
        hv.addAll(nhv);
        for (int j = 0; j < p; j++) {
            t.add(row(j));
        }
    }

    /** Columns of S, T = VᵀHV = SΘSᵀ, ordered by descending θ (T symmetrised). */
    private double[][] eigenvectorsOfT() {
        int b = v.size();
        double[][] full = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j <= i; j++) {
                full[i][j] = t.get(i)[j];
                full[j][i] = full[i][j];
            }
        }
        EigenDecompositionSymmetric ed = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(full, false));
        double[] values = ed.getEigenvalues();
        Integer[] order = IntStream.range(0, b).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
        double[][] s = new double[b][b];
        for (int c = 0; c < b; c++) {
            double[] col = ed.getEigenvector(order[c]).toArray();
            for (int row = 0; row < b; row++) {
                s[row][c] = col[row];
            }
        }
        return s;
    }

    private double[] combine(List<double[]> basis, double[][] s, int col) {
        double[] out = new double[n];
        for (int j = 0; j < basis.size(); j++) {
            double c = s[j][col];
            double[] b = basis.get(j);
            for (int i = 0; i < n; i++) {
                out[i] += c * b[i];
            }
        }
        return out;
    }

    private Ritz rayleighRitz(int m) {
        double[][] s = eigenvectorsOfT();
        int wanted = Math.min(m, v.size());
        double[][] x = new double[wanted][];
        double[][] hx = new double[wanted][];
        double[] lam = new double[wanted];
        double[] res = new double[wanted];
        double maxAbs = 0;
        for (int c = 0; c < wanted; c++) {
            x[c] = combine(v, s, c);
            hx[c] = combine(hv, s, c);
            double norm = Math.sqrt(Vectors.dot(x[c], x[c]));
            for (int i = 0; i < n; i++) {
                x[c][i] /= norm;
                hx[c][i] /= norm;
            }
            lam[c] = Vectors.dot(x[c], hx[c]);
            double rr = 0;
            for (int i = 0; i < n; i++) {
                double d = hx[c][i] - lam[c] * x[c][i];
                rr += d * d;
            }
            res[c] = Math.sqrt(rr);
            maxAbs = Math.max(maxAbs, Math.abs(lam[c]));
        }
        return new Ritz(x, hx, lam, res, Math.max(Math.abs(lam[0]), 1e-8 * maxAbs));
    }

    /** Ritz pairs (descending), their products and true residuals. */
    private record Ritz(double[][] x, double[][] hx, double[] lambda, double[] residuals, double scale) {
        double[] residualVector(int i) {
            double[] r = hx[i].clone();
            for (int l = 0; l < r.length; l++) {
                r[l] -= lambda[i] * x[i][l];
            }
            return r;
        }

        EigenResult result(int m, double tol, int applications) {
            Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> lambda[i]).reversed());
            double[] values = new double[m];
            double[][] vectors = new double[m][];
            double[] resid = new double[m];
            boolean[] conv = new boolean[m];
            for (int i = 0; i < m; i++) {
                values[i] = lambda[order[i]];
                vectors[i] = x[order[i]];
                resid[i] = residuals[order[i]];
                conv[i] = resid[i] <= tol * scale;
            }
            return new EigenResult(Which.LARGEST, values, vectors, resid, conv, applications, tol, scale);
        }
    }
}
