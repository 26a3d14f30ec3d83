package org.alignscope.monitor;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.Lanczos;
import org.alignscope.spectral.LanczosOptions;
import org.alignscope.spectral.WarmEigenSolver;
import org.alignscope.spectral.Which;

/**
 * The eigen-solve of one evaluation: the top eigenpairs of the reference Hessian, the dominant dimension k and the
 * eigengap rule ({@link EigenGap}) checked on them.
 *
 * <p><b>Pairs.</b> k + kSpread + 1 for a fixed k; {@link DominantDimension#PAIRS} + kSpread for
 * {@link MonitorOptions#AUTO_K}, whose k is the largest-ratio choice ({@link DominantDimension#largestRatio}) on the
 * solved eigenvalues (capped at n). The first solve is cold Lanczos or, from start vectors, {@link WarmEigenSolver}.
 *
 * <p><b>Tightening.</b> Where the Davis–Kahan bound at k exceeds {@link MonitorOptions#maxSubspaceSin()}, the
 * tolerance is divided by 10 and the pairs solved again by {@link WarmEigenSolver} from the current vectors (an auto
 * k is chosen again on the new eigenvalues), at most {@link #MAX_TIGHTENINGS} times, while the Ritz gap
 * λ̃<sub>k</sub> − λ̃<sub>k+1</sub> is positive (no tolerance separates equal Ritz values) and while the
 * evaluation's HVP budget ({@link MonitorOptions#lanczosMaxApplications()}) leaves two products per pair. Where
 * the bound still exceeds the limit the findings say {@code unreliable-estimate: eigengap ...}.
 */
final class DominantSolve {
    /** The most tightenings of the tolerance (each by 10) in one evaluation. */
    static final int MAX_TIGHTENINGS = 4;

    private DominantSolve() {
    }

    /**
     * The eigenpairs and their summary.
     *
     * @param vectors the eigenvectors, descending (the next evaluation's warm start)
     * @param summary values, residuals, k and the rule's state
     */
    record Solution(double[][] vectors, MonitorResult.EigenSummary summary) {
    }

    /**
     * Solves for the pairs of {@code o} on {@code h}, from {@code start} (null, or vectors of another length: cold).
     */
    static Solution solve(SymmetricOperator h, MonitorOptions o, double[][] start) {
        int n = h.dimension();
        o.checkDimension(n);
        int pairs = Math.min(n, (o.autoK() ? DominantDimension.PAIRS : o.k() + 1) + o.kSpread());
        double tolerance = o.lanczosTolerance();
        LanczosOptions lo = new LanczosOptions(pairs, tolerance, Math.max(o.lanczosMaxApplications(), 2 * pairs),
                LanczosOptions.krylovFor(pairs), o.seed());
        int budget = lo.maxApplications();
        boolean warm = start != null && start.length > 0 && start[0].length == n;
        EigenResult er = warm ? WarmEigenSolver.solve(h, pairs, tolerance, budget, start, o.seed())
                : Lanczos.solve(h, lo, Which.LARGEST, null);
        int spent = er.operatorApplications();
        int k = dimension(o, er);
        EigenGap gap = EigenGap.of(er.eigenvalues(), er.residuals(), k);
        for (int t = 0; t < MAX_TIGHTENINGS && !gap.holds(o.maxSubspaceSin()) && gap.gap() > 0
                && budget - spent >= 2 * pairs; t++) {
            tolerance /= 10;
            er = WarmEigenSolver.solve(h, pairs, tolerance, budget - spent, er.eigenvectors(), o.seed());
            spent += er.operatorApplications();
            k = dimension(o, er);
            gap = EigenGap.of(er.eigenvalues(), er.residuals(), k);
        }
        boolean[] converged = new boolean[pairs];
        for (int i = 0; i < pairs; i++) {
            converged[i] = er.residuals()[i] <= o.lanczosTolerance() * er.scale();
        }
        return new Solution(er.eigenvectors(), new MonitorResult.EigenSummary(er.eigenvalues().clone(),
                er.residuals().clone(), converged, spent, k, o.autoK(), tolerance));
    }

    private static int dimension(MonitorOptions o, EigenResult er) {
        return o.autoK() ? DominantDimension.largestRatio(er.eigenvalues()) : o.k();
    }
}
