package org.alignscope.spectral;

import java.util.Arrays;
import org.alignscope.linalg.Vectors;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Principal (canonical) angles between two subspaces of R^n.
 *
 * <p>Both bases are given as arrays of vectors ({@code U[i]} is the i-th basis vector); they are first
 * orthonormalised (Gram–Schmidt applied twice), so any basis of each subspace gives the same angles. With
 * orthonormal bases the cosines of the angles are the singular values of UᵀV, clipped to [0, 1]. Because arccos
 * loses accuracy near 0, angles whose cosine exceeds 1/√2 are taken from the arcsine of the singular values of
 * V − U(UᵀV) instead (Björck and Golub, Math. Comp. 27, 1973; Knyazev and Argentati, SISC 23(6), 2002).
 */
public final class PrincipalAngles {
    private PrincipalAngles() {
    }

    /**
     * The min(dim U, dim V) principal angles in radians, ascending, each in [0, π/2].
     *
     * @throws IllegalArgumentException if a basis is empty, its vectors differ in length, or it is rank deficient
     */
    public static double[] between(double[][] u, double[][] v) {
        if (u.length == 0 || v.length == 0) {
            throw new IllegalArgumentException("both subspaces need at least one basis vector");
        }
        if (u[0].length != v[0].length) {
            throw new IllegalArgumentException("vectors of length " + u[0].length + " and " + v[0].length);
        }
        double[][] qu = Vec.orthonormalRows(u);
        double[][] qv = Vec.orthonormalRows(v);
        if (qu.length < qv.length) { // make U the larger one so that V − UUᵀV has the small sines first
            double[][] t = qu;
            qu = qv;
            qv = t;
        }
        int p = qu.length;
        int q = qv.length;
        double[][] m = new double[p][q];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                m[i][j] = Vectors.dot(qu[i], qv[j]);
            }
        }
        double[] cos = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
        // cos is descending, length min(p, q) = q
        double[][] residual = new double[q][]; // V_j − U (UᵀV)_j
        for (int j = 0; j < q; j++) {
            double[] r = qv[j].clone();
            for (int i = 0; i < p; i++) {
                Vectors.axpy(-m[i][j], qu[i], r);
            }
            residual[j] = r;
        }
        // Its singular values are those of the q × q triangular factor of a thin QR (no n × n work).
        double[] sin = new SingularValueDecomposition(new Array2DRowRealMatrix(triangularFactor(residual), false))
                .getSingularValues();
        Arrays.sort(sin); // ascending: the i-th smallest sine pairs with the i-th largest cosine
        double[] angles = new double[q];
        for (int i = 0; i < q; i++) {
            double c = Math.min(1.0, Math.max(0.0, cos[i]));
            double s = Math.min(1.0, Math.max(0.0, sin[i]));
            angles[i] = c * c >= 0.5 ? Math.asin(s) : Math.acos(c);
        }
        Arrays.sort(angles);
        return angles;
    }

    /**
     * R of a thin QR of the columns {@code cols} by Gram–Schmidt applied twice; a column that is dependent on the
     * previous ones (to rounding) gets its remaining norm as diagonal entry and contributes no direction.
     */
    static double[][] triangularFactor(double[][] cols) {
        int q = cols.length;
        double[][] r = new double[q][q];
        double[][] basis = new double[q][];
        int count = 0;
        int[] slot = new int[q];
        for (int j = 0; j < q; j++) {
            double[] w = cols[j].clone();
            double[] h = Vec.orthogonalise(basis, count, w);
            for (int b = 0; b < count; b++) {
                r[slot[b]][j] = h[b];
            }
            double nw = Vectors.norm(w);
            r[j][j] = nw;
            if (nw > 0) {
                Vectors.scale(1.0 / nw, w);
                slot[count] = j;
                basis[count++] = w;
            }
        }
        return r;
    }

    /** The largest principal angle (the subspace distance in the gap metric is its sine). */
    public static double largest(double[][] u, double[][] v) {
        double[] a = between(u, v);
        return a[a.length - 1];
    }
}
