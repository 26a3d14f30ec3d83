package org.alignscope.train;

import org.alignscope.linalg.Vectors;
import org.alignscope.theory.Alignment;

/**
 * The dominant subspace: an orthonormal basis u_1 … u_k of R^P (the top-k eigenvectors of the reference-set
 * Hessian). P_D v = Σ u_i (u_iᵀ v), P_B = I − P_D.
 *
 * <p>The loops are plain Java on purpose: BLAS {@code dgemv} (OpenBLAS) gave results that differ in the last bits
 * from call to call on the same inputs (its kernels sum in an order that depends on the arrays' memory
 * alignment), which broke the bit-identical resume; a fixed summation order keeps runs reproducible.
 */
public final class Subspace {
    private final double[][] basis;
    private final double[] flat;
    private final int p;

    public Subspace(double[][] basis) {
        if (basis.length == 0) {
            throw new IllegalArgumentException("empty basis");
        }
        this.basis = basis;
        this.p = basis[0].length;
        this.flat = new double[basis.length * p];
        for (int i = 0; i < basis.length; i++) {
            System.arraycopy(basis[i], 0, flat, i * p, p);
        }
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
        for (int i = 0; i < c.length; i++) {
            c[i] = Vectors.dot(flat, i * p, v);
        }
        return c;
    }

    /**
     * The squared alignment θ(v) = ‖P_D v‖² / ‖v‖² ({@link Alignment#theta}), NaN when v = 0 (no direction to
     * measure). Computed as Σ c_i² / ‖v‖², which is exact for an orthonormal basis; clamped to [0, 1] because the
     * basis is orthonormal only to rounding.
     */
    public double theta(double[] v) {
        double nn = Vectors.squaredNorm(v);
        if (!(nn > 0)) {
            return Double.NaN;
        }
        double s = Vectors.squaredNorm(coefficients(v));
        return Math.min(1, Math.max(0, Alignment.theta(s, nn)));
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
            for (int i = 0; i < c.length; i++) {
                c[i] *= w;
            }
            for (int i = 0; i < c.length; i++) {
                int o = i * p;
                double ci = c[i];
                for (int j = 0; j < p; j++) {
                    v[j] += ci * flat[o + j];
                }
            }
        }
    }
}
