package org.alignscope.spectral;

import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.random.RandomStream;

/** The solvers' orthogonalisation kernels on dense vectors ({@link Vectors} for the elementary operations). */
final class Vec {
    private Vec() {
    }

    /**
     * Classical Gram–Schmidt applied twice ("CGS2", twice is enough: Giraud, Langou, Rozložník 2005) of
     * {@code w} against the orthonormal vectors {@code basis[0..count)}. Returns the accumulated coefficients
     * {@code h[i] = basis[i]ᵀ w} (the projection that was removed).
     */
    static double[] orthogonalise(double[][] basis, int count, double[] w) {
        double[] h = new double[count];
        for (int pass = 0; pass < 2; pass++) {
            double[] c = new double[count];
            for (int i = 0; i < count; i++) {
                c[i] = Vectors.dot(basis[i], w);
            }
            for (int i = 0; i < count; i++) {
                Vectors.axpy(-c[i], basis[i], w);
                h[i] += c[i];
            }
        }
        return h;
    }

    /** A unit vector of independent standard normal entries, orthogonalised against {@code basis[0..count)}. */
    static double[] randomUnit(RandomStream rng, int n, double[][] basis, int count) {
        for (int attempt = 0; attempt < 10; attempt++) {
            double[] v = new double[n];
            rng.fillGaussian(v, 0, n);
            double before = Vectors.norm(v);
            orthogonalise(basis, count, v);
            double after = Vectors.norm(v);
            if (after > 1e-8 * before) {
                Vectors.scale(1.0 / after, v);
                return v;
            }
        }
        return null; // the basis spans the whole space (up to rounding)
    }

    /** {@code out = Σ_j coef[j] basis[j]} over j in [0, count). */
    static double[] combine(double[][] basis, int count, double[] coef, int n) {
        double[] out = new double[n];
        for (int j = 0; j < count; j++) {
            if (coef[j] != 0) {
                Vectors.axpy(coef[j], basis[j], out);
            }
        }
        return out;
    }

    /** Orthonormalises the rows (vectors) of {@code vs} in place-free fashion; returns a new array of unit vectors. */
    static double[][] orthonormalRows(double[][] vs) {
        if (vs.length == 0) {
            return new double[0][];
        }
        int n = vs[0].length;
        double[][] q = new double[vs.length][];
        int count = 0;
        for (double[] v : vs) {
            if (v.length != n) {
                throw new IllegalArgumentException("vectors of different lengths: " + v.length + " and " + n);
            }
            double[] w = v.clone();
            double before = Vectors.norm(w);
            orthogonalise(q, count, w);
            double after = Vectors.norm(w);
            if (before == 0 || after <= 1e-10 * before) {
                throw new IllegalArgumentException("the vectors are linearly dependent (vector " + count + ")");
            }
            Vectors.scale(1.0 / after, w);
            q[count++] = w;
        }
        return q;
    }
}
