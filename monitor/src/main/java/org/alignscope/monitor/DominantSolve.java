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
 * solved eigenvalues (capped at n); with a dynamic k ({@link MonitorOptions#dynamicK()}) those of the previous
 * evaluation, grown until the count of eigenvalues above c/η is known and k<sub>used</sub> + kSpread + 1 are solved,
 * then cut to these ({@link DynamicDimension}). The first solve is cold Lanczos or, from start vectors,
 * {@link WarmEigenSolver}.
 *
 * <p><b>Tightening.</b> Where the Davis–Kahan bound at k exceeds {@link MonitorOptions#maxSubspaceSin()}, the
 * tolerance is divided by 10 and the pairs solved again by {@link WarmEigenSolver} from the current vectors (an auto
 * or dynamic k is chosen again on the new eigenvalues, a dynamic one growing the solve where it must), at most
 * {@link #MAX_TIGHTENINGS} times, while the Ritz gap λ̃<sub>k</sub> − λ̃<sub>k+1</sub> is positive (no tolerance
 * separates equal Ritz values) and while the evaluation's HVP budget ({@link MonitorOptions#lanczosMaxApplications()})
 * leaves two products per pair. Where the bound still exceeds the limit the findings say
 * {@code unreliable-estimate: eigengap ...}.
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
     * Solves for the pairs of {@code o} on {@code h}, from {@code start} (null, or vectors of another length: cold),
     * at an evaluation whose step the theory uses is {@code etaEffective} (read only by a dynamic k).
     */
    static Solution solve(SymmetricOperator h, MonitorOptions o, double[][] start, double etaEffective) {
        int n = h.dimension();
        o.checkDimension(n);
        boolean warm = start != null && start.length > 0 && start[0].length == n;
        double threshold = o.dynamicK() ? o.dynamicC() / etaEffective : Double.NaN;
        int pairs = o.dynamicK() ? DynamicDimension.firstPairs(warm ? start.length : 0, o.kMin(), o.kSpread(), n)
                : Math.min(n, (o.autoK() ? DominantDimension.PAIRS : o.k() + 1) + o.kSpread());
        double tolerance = o.lanczosTolerance();
        LanczosOptions lo = new LanczosOptions(pairs, tolerance, Math.max(o.lanczosMaxApplications(), 2 * pairs),
                LanczosOptions.krylovFor(pairs), o.seed());
        int budget = lo.maxApplications();
        EigenResult er = warm ? WarmEigenSolver.solve(h, pairs, tolerance, budget, start, o.seed())
                : Lanczos.solve(h, lo, Which.LARGEST, null);
        int spent = er.operatorApplications();
        DynamicDimension.Growth grown = DynamicDimension.grow(h, er, threshold, o, tolerance, budget - spent);
        er = grown.result();
        spent += grown.applications();
        int k = dimension(o, er, threshold, n);
        EigenGap gap = EigenGap.of(er.eigenvalues(), er.residuals(), k);
        for (int t = 0; t < MAX_TIGHTENINGS && !gap.holds(o.maxSubspaceSin()) && gap.gap() > 0
                && budget - spent >= 2 * er.count(); t++) {
            tolerance /= 10;
            er = WarmEigenSolver.solve(h, er.count(), tolerance, budget - spent, er.eigenvectors(), o.seed());
            spent += er.operatorApplications();
            grown = DynamicDimension.grow(h, er, threshold, o, tolerance, budget - spent);
            er = grown.result();
            spent += grown.applications();
            k = dimension(o, er, threshold, n);
            gap = EigenGap.of(er.eigenvalues(), er.residuals(), k);
        }
        DynamicDimension.Count count = null;
        if (o.dynamicK()) {
            count = DynamicDimension.count(er.eigenvalues(), threshold, n);
            er = DynamicDimension.top(er, Math.min(n, k + o.kSpread() + 1));
        }
        boolean[] converged = new boolean[er.count()];
        for (int i = 0; i < converged.length; i++) {
            converged[i] = er.residuals()[i] <= o.lanczosTolerance() * er.scale();
        }
        return new Solution(er.eigenvectors(), new MonitorResult.EigenSummary(er.eigenvalues().clone(),
                er.residuals().clone(), converged, spent, k, o.autoK() || o.dynamicK(), tolerance, count));
    }

    private static int dimension(MonitorOptions o, EigenResult er, double threshold, int n) {
        if (o.dynamicK()) {
            return DynamicDimension.used(DynamicDimension.count(er.eigenvalues(), threshold, n), o.kMin(),
                    o.kSpread(), er.count(), n);
        }
        return o.autoK() ? DominantDimension.largestRatio(er.eigenvalues()) : o.k();
    }
}
