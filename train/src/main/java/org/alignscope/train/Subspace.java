package org.alignscope.train;

/**
 * The dominant subspace: an orthonormal basis u_1 … u_k of R^P (the top-k eigenvectors of the reference-set
 * Hessian). P_D v = Σ u_i (u_iᵀ v), P_B = I − P_D.
 */
public final class Subspace {
    private final double[][] basis;

    public Subspace(double[][] basis) {
        if (basis.length == 0) {
            throw new IllegalArgumentException("empty basis");
        }
        this.basis = basis;
    }

    public int k() {
        return basis.length;
    }

    public int dimension() {
        return basis[0].length;
    }

    /** The basis vectors (live). */
    public double[][] basis() {
        return basis;
    }

    /** The coefficients c_i = u_iᵀ v. */
    public double[] coefficients(double[] v) {
        double[] c = new double[basis.length];
        for (int i = 0; i < basis.length; i++) {
            double[] u = basis[i];
            double s = 0;
            for (int j = 0; j < u.length; j++) {
                s += u[j] * v[j];
            }
            c[i] = s;
        }
        return c;
    }

    /**
     * The squared alignment θ(v) = ‖P_D v‖² / ‖v‖² (the paper's θ; χ = √θ is Song et al.'s), NaN when v = 0.
     * Computed as Σ c_i² / ‖v‖², which is exact for an orthonormal basis; clamped to [0, 1].
     */
    public double theta(double[] v) {
        double nn = 0;
        for (double x : v) {
            nn += x * x;
        }
        if (!(nn > 0)) {
            return Double.NaN;
        }
        double s = 0;
        for (double c : coefficients(v)) {
            s += c * c;
        }
        return Math.min(1, Math.max(0, s / nn));
    }

    /** In place: v ← a·P_D v + b·P_B v = b·v + (a − b)·P_D v. */
    public void mix(double[] v, double a, double b) {
        double[] c = coefficients(v);
        if (b != 1) {
            for (int j = 0; j < v.length; j++) {
                v[j] *= b;
            }
        }
        double w = a - b;
        if (w != 0) {
            for (int i = 0; i < basis.length; i++) {
                double ci = w * c[i];
                double[] u = basis[i];
                for (int j = 0; j < v.length; j++) {
                    v[j] += ci * u[j];
                }
            }
        }
    }
}
