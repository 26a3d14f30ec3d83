package org.alignscope.spectral;

import org.alignscope.linalg.SymmetricOperator;

/**
 * Follows the dominant (or most negative) k-dimensional eigenspace of an operator that changes slowly, e.g. the
 * loss Hessian along training. The first call runs a cold {@link Lanczos} solve; each later call starts the
 * Krylov space from the previous eigenvectors (see {@link Lanczos#solve}), which needs fewer operator
 * applications when the operator moved little, and reports the principal angles between the previous and the
 * new subspace. Not thread-safe.
 */
public final class SubspaceTracker {

    /**
     * One tracking step.
     *
     * @param index           0 for the first call, then 1, 2, …
     * @param result          the eigenpairs of this step's operator
     * @param principalAngles angles (radians, ascending) between the previous and this step's eigenvectors;
     *                        empty on the first step
     * @param warmStarted     whether the solve was seeded by the previous basis
     */
    public record Step(int index, EigenResult result, double[] principalAngles, boolean warmStarted) {
        /** Operator applications used by this step (certification included). */
        public int operatorApplications() {
            return result.operatorApplications();
        }

        /** The largest principal angle, or 0 on the first step. */
        public double largestAngle() {
            return principalAngles.length == 0 ? 0 : principalAngles[principalAngles.length - 1];
        }
    }

    private final LanczosOptions options;
    private final Which which;
    private double[][] basis;
    private int steps;

    /** Tracks the k largest eigenpairs. */
    public SubspaceTracker(LanczosOptions options) {
        this(options, Which.LARGEST);
    }

    public SubspaceTracker(LanczosOptions options, Which which) {
        this.options = options;
        this.which = which;
    }

    /** Solves for the current operator, warm-started from the last basis when there is one. */
    public Step update(SymmetricOperator op) {
        if (basis != null && basis[0].length != op.dimension()) {
            throw new IllegalArgumentException("operator dimension changed from " + basis[0].length + " to "
                    + op.dimension());
        }
        boolean warm = basis != null;
        EigenResult r = Lanczos.solve(op, options, which, basis);
        double[] angles = warm ? PrincipalAngles.between(basis, r.eigenvectors()) : new double[0];
        basis = r.eigenvectors();
        return new Step(steps++, r, angles, warm);
    }

    /** The last basis (eigenvectors, most extreme first), or {@code null} before the first update. */
    public double[][] basis() {
        return basis == null ? null : basis.clone();
    }

    /** Forgets the basis: the next update starts cold. */
    public void reset() {
        basis = null;
    }

    /** The number of updates so far. */
    public int steps() {
        return steps;
    }
}
