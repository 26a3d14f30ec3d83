package org.alignscope.monitor;

import java.util.Arrays;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.WarmEigenSolver;

/**
 * The dominant dimension tied to the step size ({@code monitor.dynamic_k: c}): at an evaluation with the step η the
 * theory uses, k<sub>dyn</sub> is the number of reference-Hessian eigenvalues above c/η, counted up to
 * {@link #LARGEST}, and the dominant/bulk split uses k<sub>used</sub> = clamp(k<sub>dyn</sub>, k<sub>min</sub>,
 * {@link #LARGEST}) (at most n − 1). This tracks the directions an edge-of-stability analysis follows (with c = 2,
 * every eigenvalue above the SGD stability edge 2/η) instead of one fixed k or the widest eigengap
 * ({@link DominantDimension}). The count is taken on the solved Ritz values, each certified by its residual.
 *
 * <p><b>Growth.</b> The count is known once a solved eigenvalue lies at or below c/η, or {@link #LARGEST} lie above
 * it; the split needs k<sub>used</sub> + kSpread + 1 pairs. {@link DominantSolve} solves first for the pairs of the
 * previous evaluation (its eigenvectors are the warm start; cold: k<sub>min</sub> + kSpread + 1), and
 * {@link #grow} then, while the count is open, doubles the pairs — warm-started from the solved vectors
 * ({@link WarmEigenSolver}) — up to {@link #LARGEST} + kSpread + 1 (at most n), and lastly solves the pairs the
 * split needs. A growth step needs two products per pair left in the evaluation's HVP budget; where the budget ends
 * the growth with every solved eigenvalue above c/η, the count is a lower bound ({@link Count#exact()} false) and
 * k<sub>used</sub> is what the solved pairs carry.
 */
public final class DynamicDimension {
    /** The largest count and the largest k<sub>used</sub>. */
    public static final int LARGEST = 50;

    private DynamicDimension() {
    }

    /**
     * The count of one evaluation.
     *
     * @param threshold c/η
     * @param count     k<sub>dyn</sub>: the solved eigenvalues above the threshold, at most {@link #LARGEST}
     *                  (and n − 1)
     * @param exact     false where every solved eigenvalue lay above the threshold and the HVP budget ended the
     *                  growth before the cap: the count is then a lower bound
     */
    public record Count(double threshold, int count, boolean exact) {
    }

    /** A grown solve and the HVPs its growth spent (0 where none was needed). */
    record Growth(EigenResult result, int applications) {
    }

    /** The largest count for n parameters: {@link #LARGEST}, or n − 1 below it (λ<sub>k+1</sub> bounds the block). */
    static int cap(int n) {
        return Math.min(LARGEST, n - 1);
    }

    /** The most pairs a dynamic solve holds: {@link #cap} + kSpread + 1, at most n. */
    static int maxPairs(int kSpread, int n) {
        return Math.min(n, cap(n) + kSpread + 1);
    }

    /**
     * The pairs of the first solve: as many as the warm start holds ({@code startPairs}; 0 cold), within
     * [kMin + kSpread + 1, {@link #maxPairs}].
     */
    static int firstPairs(int startPairs, int kMin, int kSpread, int n) {
        return Math.min(maxPairs(kSpread, n), Math.max(startPairs, kMin + kSpread + 1));
    }

    /** The count on eigenvalues solved in descending order. */
    static Count count(double[] descending, double threshold, int n) {
        int cap = cap(n);
        int count = 0;
        while (count < Math.min(cap, descending.length) && descending[count] > threshold) {
            count++;
        }
        return new Count(threshold, count, count < descending.length || count == cap);
    }

    /**
     * k<sub>used</sub> = clamp(count, kMin, {@link #cap}), lowered (not below kMin) to what {@code solved} pairs carry
     * with kSpread + 1 beside it where the budget ended the growth early.
     */
    static int used(Count c, int kMin, int kSpread, int solved, int n) {
        int k = Math.max(kMin, Math.min(c.count(), cap(n)));
        return solved >= Math.min(n, k + kSpread + 1) ? k : Math.max(kMin, solved - kSpread - 1);
    }

    /**
     * The pairs the next growth step solves: twice the solved ones while the count is open (within
     * {@link #maxPairs}), else those the split needs, k<sub>used</sub> + kSpread + 1; at most {@code solved} where
     * no growth is needed.
     */
    static int pairsNeeded(double[] descending, double threshold, int kMin, int kSpread, int n) {
        Count c = count(descending, threshold, n);
        int split = Math.min(n, Math.max(kMin, c.count()) + kSpread + 1);
        return c.exact() ? split : Math.min(maxPairs(kSpread, n), Math.max(split, 2 * descending.length));
    }

    /**
     * Grows {@code er} until the count is known and the split's pairs are solved (see the class comment), each step
     * warm-started from the vectors solved so far; {@code er} unchanged without a dynamic k.
     *
     * @param budget the HVPs left to the evaluation
     */
    static Growth grow(SymmetricOperator h, EigenResult er, double threshold, MonitorOptions o, double tolerance,
                       int budget) {
        if (!o.dynamicK()) {
            return new Growth(er, 0);
        }
        int n = h.dimension();
        int spent = 0;
        int next;
        while ((next = pairsNeeded(er.eigenvalues(), threshold, o.kMin(), o.kSpread(), n)) > er.count()
                && budget - spent >= 2 * next) {
            er = WarmEigenSolver.solve(h, next, tolerance, budget - spent, er.eigenvectors(), o.seed());
            spent += er.operatorApplications();
        }
        return new Growth(er, spent);
    }

    /** The top {@code pairs} of {@code er} (a solve may hold more than the split uses). */
    static EigenResult top(EigenResult er, int pairs) {
        if (pairs >= er.count()) {
            return er;
        }
        return new EigenResult(er.which(), Arrays.copyOf(er.eigenvalues(), pairs),
                Arrays.copyOf(er.eigenvectors(), pairs), Arrays.copyOf(er.residuals(), pairs),
                Arrays.copyOf(er.converged(), pairs), er.operatorApplications(), er.tolerance(), er.scale());
    }
}
