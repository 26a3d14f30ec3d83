package org.alignscope.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.Lanczos;
import org.alignscope.spectral.LanczosOptions;
import org.alignscope.spectral.Which;
import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.BlockMoments;
import org.alignscope.theory.ConstantStepTheory;
import org.alignscope.theory.CriticalAlignment;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.Landscape;
import org.alignscope.theory.MeanOffset;
import org.alignscope.theory.ProjectedLoss;

/**
 * Evaluates the paper's step-size theory at the current point of any {@link CurvatureSource}, through the
 * basis-free forms of {@code monitor-theory.md}: the reference gradient g, HVPs of the reference Hessian H, its
 * top eigenpairs and r noise draws of the training loop's next batch gradient ĝ.
 *
 * <p><b>Noise model.</b> The source's {@link BatchNoise} says how ĝ is drawn: ξ = ĝ − g = m + ζ with the mean offset
 * m = E ĝ − g exact (non-zero for an epoch sampler mid-epoch: the next batch comes from the samples the epoch has not
 * used) and ζ centred. Every noise moment is non-centred, E ξᵀQξ = mᵀQm + f·E ζᵀQζ, estimated from the draws
 * ζ<sub>j</sub> with the known factor f; the terms linear in m ({@code MeanOffset}) enter the expectations exactly
 * ({@code SamplerMoments}, {@code ProjectedLoss}, {@code CriticalStep}). When the next batch is determined (the last
 * of an epoch) nothing is drawn and every standard error is 0. With m = 0 and f = 1 this is the i.i.d. model.
 *
 * <p><b>Eigenpairs.</b> The first evaluation (or one after {@link #resetWarmStart}) solves cold by thick-restart
 * Lanczos; later ones (or one after {@link #warmStart}) start from the previous eigenvectors with a Rayleigh–Ritz
 * step on their span and expand only by the residuals of unconverged pairs
 * ({@link org.alignscope.spectral.WarmEigenSolver}): when the point moved little, the k + kSpread + 1 start vectors
 * already certify the pairs and the solve costs that many HVPs. Both certify every pair by its residual ‖Hv − λv‖
 * against the same tolerance. With {@code k = AUTO_K} the solve is for 31 + kSpread pairs and k is the largest
 * eigenvalue ratio's ({@link DominantDimension}); with a dynamic k, k is the count of eigenvalues above c/η for the
 * step η the theory uses, the solve grown until it is known ({@link DynamicDimension}); where the residuals are too large for the eigengap at k
 * ({@link EigenGap}) the tolerance is tightened within the HVP budget ({@link DominantSolve}).
 *
 * <p><b>Cost per evaluation.</b> One reference gradient; the eigen-solve (its HVPs are reported); one HVP for
 * Hg and one for Hg<sub>B</sub> per k in the sensitivity range (2·kSpread + 2 in all); r noise samples and r HVPs;
 * with m ≠ 0 one HVP for Hm and the pool's mean gradient (at most one pass over the reference set); the
 * {@link EdgeGauges}: r mini-batch gradients and at most r·(1 + {@value EdgeGauges#LMAX_HVPS}) mini-batch HVPs.
 * No n × n matrix is formed; memory is O((k + kSpread)·n + r·(k + kSpread)).
 *
 * <p><b>Formulas.</b> The canonical form of each quantity is listed in {@link BlockEstimate}; the derived
 * quantities come from the theory module ({@link CriticalStep}, {@link ProjectedLoss}, {@link CriticalAlignment})
 * applied to the estimated block moments, so that the general path and the quadratic laboratory share one
 * implementation of every formula. Standard errors: the noise terms are sample means over r samples (standard
 * error √(var/r), ddof 1); every derived quantity gets its standard error by the delta method with the sample
 * covariance of (e<sub>D</sub>, e<sub>B</sub>, n<sub>D</sub>, n<sub>B</sub>, ξᵀHξ) and a central-difference gradient.
 *
 * <p><b>Degenerate cases</b> are values, never NaN by accident: an unbounded step is +∞ ({@code inf}); a quantity
 * that does not exist (θ<sup>crit</sup> when n<sub>B</sub> ≤ 0, s<sup>D</sup> = 0 or s<sup>B</sup> = 0; the
 * predicted loss change where the theory does not apply) is NaN, written as an empty field.
 *
 * <p>Not thread-safe (it keeps the previous eigenvectors for the warm start).
 */
public final class AlignmentMonitor {
    /** Index of each noise statistic in a sample row (per k). */
    private static final int E_D = 0;
    private static final int E_B = 1;
    private static final int N_D = 2;
    private static final int N_B = 3;
    private static final int PER_K = 4;

    private final MonitorOptions o;
    private double[][] warm;

    public AlignmentMonitor(MonitorOptions options) {
        this.o = options;
    }

    public MonitorOptions options() {
        return o;
    }

    /**
     * Warm-starts the next eigen-solve from these vectors (e.g. a training run's tracked dominant basis) instead
     * of the previous evaluation's; null starts it cold. The convergence test, the residuals and every canonical
     * form are unchanged: only the start of the solve depends on this, so the eigenpairs agree to the tolerance.
     */
    public void warmStart(double[][] vectors) {
        warm = vectors;
    }

    /** The eigenvectors of the last evaluation (k + kSpread + 1 of them, descending), or the warm-start vectors set. */
    public double[][] eigenvectors() {
        return warm;
    }

    /** Forgets the previous eigenvectors (the next solve starts cold). */
    public void resetWarmStart() {
        warm = null;
    }

    /**
     * Evaluates every quantity at the source's current point for the optimizer step size η of step {@code step}.
     */
    public MonitorResult evaluate(CurvatureSource source, long step, double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
        }
        CountingSource src = new CountingSource(source);
        final int n = src.dimension();
        o.checkDimension(n);
        final OptimizerProfile opt = o.optimizer();
        final double etaEff = opt.effectiveStep(eta);

        double[] g = new double[n];
        double loss = src.gradient(g);
        SymmetricOperator h = src.hessian();

        // Eigenpairs and k.
        DominantSolve.Solution solution = DominantSolve.solve(h, o, warm, etaEff);
        double[][] v = solution.vectors();
        warm = v;
        MonitorResult.EigenSummary eigen = solution.summary();
        double[] lam = eigen.values();
        final int pairs = lam.length;
        final int k = eigen.k();
        final int kLo = Math.max(1, k - o.kSpread());
        final int kHi = Math.min(n - 1, k + o.kSpread());
        final int nk = kHi - kLo + 1;

        // The law of the next batch gradient: ξ = ĝ − g = m + ζ, m exact (null when 0), ζ drawn.
        BatchNoise noise = src.batchNoise(g);
        double[] m = noise.meanOffset();
        double scale = noise.covarianceScale();
        double[] hm = null;
        double[] b = new double[pairs];
        if (m != null) {
            hm = new double[n];
            h.apply(m, hm);
            for (int i = 0; i < pairs; i++) {
                b[i] = Vectors.dot(v[i], m);
            }
        }

        // Noise-free terms, per k' in [kLo, kHi], and the terms linear in m.
        double[] a = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            a[i] = Vectors.dot(v[i], g);
        }
        double gg = Vectors.dot(g, g);
        double[] hg = new double[n];
        h.apply(g, hg);
        double gHg = Vectors.dot(g, hg);
        MeanOffset fullOffset = m == null ? MeanOffset.ZERO
                : new MeanOffset(Vectors.dot(g, m), Vectors.dot(hg, m), Vectors.dot(hg, hm));
        double[][] noiseFree = new double[nk][];
        MeanOffset[][] offsets = new MeanOffset[nk][];
        double[] gB = g.clone();
        project(v, 0, kLo, gB);
        double[] mB = m == null ? null : m.clone();
        double[] hmB = m == null ? null : hm.clone();
        if (m != null) {
            project(v, 0, kLo, mB);
            project(v, 0, kLo, hmB);
        }
        double[] hgB = new double[n];
        for (int kk = kLo; kk <= kHi; kk++) {
            if (kk > kLo) {
                projectOne(v[kk - 1], gB);
                if (m != null) {
                    projectOne(v[kk - 1], mB);
                    projectOne(v[kk - 1], hmB);
                }
            }
            double sD = 0;
            double tauD = 0;
            double uD = 0;
            double gmD = 0;
            double gHmD = 0;
            double hgHmD = 0;
            for (int i = 0; i < kk; i++) {
                double a2 = a[i] * a[i];
                sD += a2;
                tauD += lam[i] * a2;
                uD += lam[i] * lam[i] * a2;
                double ab = a[i] * b[i];
                gmD += ab;
                gHmD += lam[i] * ab;
                hgHmD += lam[i] * lam[i] * ab;
            }
            double sB = Vectors.dot(gB, gB);
            h.apply(gB, hgB);
            double tauB = Vectors.dot(gB, hgB);
            double gmB = m == null ? 0 : Vectors.dot(gB, mB);
            double gHmB = m == null ? 0 : Vectors.dot(hgB, mB);
            project(v, 0, kk, hgB);
            double uB = Vectors.dot(hgB, hgB);
            double hgHmB = m == null ? 0 : Vectors.dot(hgB, hmB);
            noiseFree[kk - kLo] = new double[] {sD, sB, tauD, tauB, uD, uB};
            offsets[kk - kLo] = m == null ? new MeanOffset[] {MeanOffset.ZERO, MeanOffset.ZERO}
                    : new MeanOffset[] {new MeanOffset(gmD, gHmD, hgHmD), new MeanOffset(gmB, gHmB, hgHmB)};
        }

        // Noise samples: row j holds the quadratic forms of m + √f ζ_j in expectation, mᵀQm + f ζ_jᵀQζ_j.
        int r = o.samples();
        int width = PER_K * nk + 1;
        NoiseRow quadraticForms = new NoiseRow(v, lam, kLo, kHi, n);
        double[] offsetRow = new double[width];
        if (m != null) {
            quadraticForms.fill(m, hm, offsetRow);
        }
        int drawn = scale == 0 ? 0 : r;
        double[][] rows = new double[drawn][width];
        double[] zeta = new double[n];
        double[] hzeta = new double[n];
        double[] sampleRow = new double[width];
        for (int j = 0; j < drawn; j++) {
            noise.sample(zeta);
            h.apply(zeta, hzeta);
            if (m == null && scale == 1) {
                quadraticForms.fill(zeta, hzeta, rows[j]);
                continue;
            }
            quadraticForms.fill(zeta, hzeta, sampleRow);
            for (int i = 0; i < width; i++) {
                rows[j][i] = offsetRow[i] + scale * sampleRow[i];
            }
        }
        double[] mean = new double[width];
        if (scale == 0) {
            System.arraycopy(offsetRow, 0, mean, 0, width);
        } else {
            for (double[] row : rows) {
                for (int i = 0; i < width; i++) {
                    mean[i] += row[i];
                }
            }
            for (int i = 0; i < width; i++) {
                mean[i] /= r;
            }
        }

        List<BlockEstimate> blocks = new ArrayList<>();
        BlockEstimate main = null;
        for (int kk = kLo; kk <= kHi; kk++) {
            int base = PER_K * (kk - kLo);
            int[] idx = {base + E_D, base + E_B, base + N_D, base + N_B, width - 1};
            double[] mu = new double[5];
            for (int i = 0; i < 5; i++) {
                mu[i] = mean[idx[i]];
            }
            double[][] cov = scale == 0 ? new double[idx.length][idx.length] : covariance(rows, mean, idx);
            BlockEstimate be = block(kk, noiseFree[kk - kLo], offsets[kk - kLo], mu, cov, r, etaEff, gg, gHg,
                    fullOffset);
            blocks.add(be);
            if (kk == k) {
                main = be;
            }
        }

        // Sharpness and the stability edge.
        double sharpness = lam[0];
        if (opt.preconditioned()) {
            sharpness = preconditionedSharpness(h, opt.preconditionerDiagonal());
        }
        double product = eta * sharpness;

        EdgeGauges gauges = EdgeGauges.measure(src, r, o.seed(), step);

        MonitorResult.KnownNoise known = null;
        if (source instanceof QuadraticSource qs) {
            known = knownNoise(qs, k, main, etaEff);
        }
        EvaluationCost cost = src.cost();
        MonitorResult partial = new MonitorResult(step, eta, etaEff, opt, loss, main, List.copyOf(blocks), eigen,
                sharpness, product, opt.stabilityThreshold(), gauges, cost, known, List.of(), null);
        MonitorResult result = new MonitorResult(step, eta, etaEff, opt, loss, main, List.copyOf(blocks), eigen,
                sharpness, product, opt.stabilityThreshold(), gauges, cost, known, Findings.derive(partial, o), null);
        return result.withVerdict(VerdictTracker.Call.single(result));
    }

    /** The block estimate for one k from its noise-free terms and the noise means and covariance. */
    private static BlockEstimate block(int k, double[] nf, MeanOffset[] offsets, double[] mu, double[][] cov, int r,
                                       double eta, double gg, double gHg, MeanOffset fullOffset) {
        double[] center = derived(nf, offsets, mu, eta, gg, gHg, fullOffset);
        double[] se = deltaMethod(x -> derived(nf, offsets, x, eta, gg, gHg, fullOffset), mu, cov, r, center);
        Estimate[] noise = new Estimate[4];
        for (int i = 0; i < 4; i++) {
            noise[i] = new Estimate(mu[i], Math.sqrt(cov[i][i] / r), r);
        }
        AlignmentState st = state(nf, offsets, mu);
        CriticalStep cs = CriticalStep.of(st);
        return new BlockEstimate(k, nf[0], nf[1], nf[2], nf[3], nf[4], nf[5], noise[0], noise[1], noise[2], noise[3],
                est(center, se, P, r), cs.q(), cs.signCase(), etaStar(est(center, se, P, r), cs.q(), center, se, r),
                est(center, se, THETA_NEXT, r), est(center, se, ETA_LOSS_D, r), est(center, se, ETA_LOSS_B, r),
                est(center, se, THETA_CRIT, r), est(center, se, ONE_MINUS_THETA_CRIT, r), est(center, se, DLOSS_D, r),
                est(center, se, DLOSS_B, r), est(center, se, DLOSS_PRED, r), st);
    }

    private static final int P = 0;
    private static final int ETA_STAR = 1;
    private static final int THETA_NEXT = 2;
    private static final int ETA_LOSS_D = 3;
    private static final int ETA_LOSS_B = 4;
    private static final int THETA_CRIT = 5;
    private static final int ONE_MINUS_THETA_CRIT = 6;
    private static final int DLOSS_D = 7;
    private static final int DLOSS_B = 8;
    private static final int DLOSS_PRED = 9;
    private static final int OUTPUTS = 10;

    private static Estimate est(double[] center, double[] se, int i, int r) {
        return new Estimate(center[i], se[i], r);
    }

    /**
     * η* = −q/p with the image of p's 95 % interval as its interval ({@link CriticalStep#etaStarRange}): q is
     * noise-free, so η* is a monotone map of the one estimated p, and the delta method's symmetric interval, too
     * narrow where p's interval nears 0, is not needed.
     */
    private static Estimate etaStar(Estimate p, double q, double[] center, double[] se, int r) {
        Estimate symmetric = est(center, se, ETA_STAR, r);
        if (!p.hasInterval()) {
            return symmetric;
        }
        ConfidenceInterval pi = p.interval();
        double[] range = CriticalStep.etaStarRange(pi.lower(), pi.upper(), q);
        return new Estimate(symmetric.value(), symmetric.stdError(), r, new ConfidenceInterval(range[0], range[1]));
    }

    private static AlignmentState state(double[] nf, MeanOffset[] offsets, double[] mu) {
        BlockMoments dom = new BlockMoments(nf[0], nf[2], nf[4], Math.max(0, mu[0]), mu[2], offsets[0]);
        BlockMoments bulk = new BlockMoments(nf[1], nf[3], nf[5], Math.max(0, mu[1]), mu[3], offsets[1]);
        return new AlignmentState(dom, bulk);
    }

    /** Every derived quantity as a function of the noise means (e_D, e_B, n_D, n_B, ξᵀHξ). */
    private static double[] derived(double[] nf, MeanOffset[] offsets, double[] mu, double eta, double gg, double gHg,
                                    MeanOffset fullOffset) {
        AlignmentState st = state(nf, offsets, mu);
        CriticalStep cs = CriticalStep.of(st);
        CriticalAlignment ca = CriticalAlignment.of(st);
        double[] out = new double[OUTPUTS];
        out[P] = cs.p();
        out[ETA_STAR] = cs.etaStar();
        out[ETA_LOSS_D] = ProjectedLoss.etaLoss(st.dom());
        out[ETA_LOSS_B] = ProjectedLoss.etaLoss(st.bulk());
        OptionalDouble tc = ca.thetaCrit();
        out[THETA_CRIT] = tc.isPresent() ? tc.getAsDouble() : Double.NaN;
        OptionalDouble omc = ca.oneMinusThetaCrit();
        out[ONE_MINUS_THETA_CRIT] = omc.isPresent() ? omc.getAsDouble() : Double.NaN;
        if (Double.isFinite(eta)) {
            out[THETA_NEXT] = cs.predictedTheta(eta);
            out[DLOSS_D] = ProjectedLoss.expectedChange(st.dom(), eta);
            out[DLOSS_B] = ProjectedLoss.expectedChange(st.bulk(), eta);
            out[DLOSS_PRED] = ProjectedLoss.expectedChange(gg, gHg, mu[4], fullOffset, eta);
        } else {
            out[THETA_NEXT] = Double.NaN;
            out[DLOSS_D] = Double.NaN;
            out[DLOSS_B] = Double.NaN;
            out[DLOSS_PRED] = Double.NaN;
        }
        return out;
    }

    /** Delta-method standard errors: √(∇fᵀ C ∇f / r), ∇f by central differences; NaN where f is not finite. */
    static double[] deltaMethod(java.util.function.Function<double[], double[]> f, double[] mu, double[][] cov, int r,
                                double[] center) {
        int m = mu.length;
        int outs = center.length;
        double[][] grad = new double[m][outs];
        boolean[] bad = new boolean[outs];
        for (int i = 0; i < m; i++) {
            double hStep = 1e-6 * Math.max(Math.abs(mu[i]), Math.sqrt(cov[i][i]));
            if (!(hStep > 0)) {
                continue;
            }
            double[] up = mu.clone();
            double[] dn = mu.clone();
            up[i] += hStep;
            dn[i] -= hStep;
            double[] fu = f.apply(up);
            double[] fd = f.apply(dn);
            for (int q = 0; q < outs; q++) {
                if (!Double.isFinite(fu[q]) || !Double.isFinite(fd[q])) {
                    bad[q] = true;
                } else {
                    grad[i][q] = (fu[q] - fd[q]) / (2 * hStep);
                }
            }
        }
        double[] se = new double[outs];
        for (int q = 0; q < outs; q++) {
            if (bad[q] || !Double.isFinite(center[q])) {
                se[q] = Double.NaN;
                continue;
            }
            double var = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    var += grad[i][q] * cov[i][j] * grad[j][q];
                }
            }
            se[q] = Math.sqrt(Math.max(0, var) / r);
        }
        return se;
    }

    /** The sample covariance (ddof 1) of the selected columns. */
    private static double[][] covariance(double[][] rows, double[] mean, int[] idx) {
        int m = idx.length;
        double[][] cov = new double[m][m];
        for (double[] row : rows) {
            for (int i = 0; i < m; i++) {
                double di = row[idx[i]] - mean[idx[i]];
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += di * (row[idx[j]] - mean[idx[j]]);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i][j] /= rows.length - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    private MonitorResult.KnownNoise knownNoise(QuadraticSource qs, int k, BlockEstimate main, double etaEff) {
        Landscape land;
        try {
            land = qs.landscape(k);
        } catch (IllegalArgumentException e) {
            return null;
        }
        double s = main.sD() + main.sB();
        String regime = land.regime(Math.min(1, Math.max(0, main.theta())), s).code();
        double thetaInf = Double.NaN;
        long tStar = -1;
        if (Double.isFinite(etaEff)) {
            ConstantStepTheory cst = ConstantStepTheory.of(land, etaEff);
            try {
                thetaInf = cst.thetaInf();
            } catch (IllegalStateException e) {
                thetaInf = Double.NaN;
            }
            double[] c = qs.coordinates();
            for (int i = 0; i < c.length; i++) {
                c[i] *= c[i];
            }
            OptionalLong t = cst.tStar(c);
            tStar = t.isPresent() ? t.getAsLong() : -1;
        }
        return new MonitorResult.KnownNoise(regime, land.gGap(), land.thetaStar(s), thetaInf, tStar);
    }

    /** λ<sub>1</sub>(D<sup>−1/2</sup>HD<sup>−1/2</sup>) = λ<sub>1</sub>(P⁻¹H) for the diagonal preconditioner D; NaN without one. */
    private double preconditionedSharpness(SymmetricOperator h, double[] diag) {
        if (diag == null) {
            return Double.NaN;
        }
        int n = h.dimension();
        if (diag.length != n) {
            throw new IllegalArgumentException("preconditioner has length " + diag.length + ", expected " + n);
        }
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(diag[i] > 0)) {
                throw new IllegalArgumentException("preconditioner[" + i + "] must be > 0, got " + diag[i]);
            }
            scale[i] = 1 / Math.sqrt(diag[i]);
        }
        double[] tmp = new double[n];
        SymmetricOperator pre = new SymmetricOperator() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] out) {
                for (int i = 0; i < n; i++) {
                    tmp[i] = scale[i] * x[i];
                }
                h.apply(tmp, out);
                for (int i = 0; i < n; i++) {
                    out[i] *= scale[i];
                }
            }
        };
        EigenResult r = Lanczos.solve(pre, LanczosOptions.of(1).withSeed(o.seed()), Which.LARGEST, null);
        return r.eigenvalues()[0];
    }

    /**
     * The quadratic forms of one noise vector x (with Hx) per k in [kLo, kHi]: e<sub>D</sub> = ‖P<sub>D</sub>Hx‖²
     * (= Σλ²c² on the eigenvectors), e<sub>B</sub> = ‖P<sub>B</sub>Hx‖², n<sub>D</sub> = x<sub>D</sub>ᵀHx,
     * n<sub>B</sub> = x<sub>B</sub>ᵀHx, and xᵀHx last.
     */
    private static final class NoiseRow {
        private final double[][] v;
        private final double[] lam;
        private final int kLo;
        private final int kHi;
        private final double[] xB;
        private final double[] hxB;
        private final double[] c;

        NoiseRow(double[][] v, double[] lam, int kLo, int kHi, int n) {
            this.v = v;
            this.lam = lam;
            this.kLo = kLo;
            this.kHi = kHi;
            this.xB = new double[n];
            this.hxB = new double[n];
            this.c = new double[kHi];
        }

        void fill(double[] x, double[] hx, double[] row) {
            int n = x.length;
            for (int i = 0; i < kHi; i++) {
                c[i] = Vectors.dot(v[i], x);
            }
            System.arraycopy(x, 0, xB, 0, n);
            System.arraycopy(hx, 0, hxB, 0, n);
            project(v, 0, kLo, xB);
            project(v, 0, kLo, hxB);
            for (int kk = kLo; kk <= kHi; kk++) {
                if (kk > kLo) {
                    projectOne(v[kk - 1], xB);
                    projectOne(v[kk - 1], hxB);
                }
                double eD = 0;
                double nD = 0;
                for (int i = 0; i < kk; i++) {
                    double c2 = c[i] * c[i];
                    eD += lam[i] * lam[i] * c2;
                    nD += lam[i] * c2;
                }
                int base = PER_K * (kk - kLo);
                row[base + E_D] = eD;
                row[base + E_B] = Vectors.dot(hxB, hxB);
                row[base + N_D] = nD;
                row[base + N_B] = Vectors.dot(xB, hx);
            }
            row[row.length - 1] = Vectors.dot(x, hx);
        }
    }

    /** x ← (I − V<sub>[from,to)</sub>V<sub>[from,to)</sub>ᵀ)x, twice (classical Gram–Schmidt, reorthogonalised). */
    static void project(double[][] v, int from, int to, double[] x) {
        for (int pass = 0; pass < 2; pass++) {
            double[] c = new double[to - from];
            for (int i = from; i < to; i++) {
                c[i - from] = Vectors.dot(v[i], x);
            }
            for (int i = from; i < to; i++) {
                Vectors.axpy(-c[i - from], v[i], x);
            }
        }
    }

    /** x ← (I − uuᵀ)x, twice. */
    private static void projectOne(double[] u, double[] x) {
        for (int pass = 0; pass < 2; pass++) {
            Vectors.axpy(-Vectors.dot(u, x), u, x);
        }
    }
}
