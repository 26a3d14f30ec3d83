package org.alignscope.linalg;

/**
 * The dense-vector operations every module uses, as plain left-to-right loops: a sum runs from index 0 upwards
 * in one accumulator, so results are the same bits on every machine and for every caller (a BLAS {@code ddot}
 * may block or vectorise the sum and round differently, which would change outputs that are compared byte for
 * byte). No allocation.
 */
public final class Vectors {
    private Vectors() {
    }

    /** aᵀb over the length of {@code a}. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** a[offset, offset + b.length)ᵀ b: the dot product of b with a vector stored inside a larger array. */
    public static double dot(double[] a, int offset, double[] b) {
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            s += a[offset + j] * b[j];
        }
        return s;
    }

    /** ‖a‖² = aᵀa. */
    public static double squaredNorm(double[] a) {
        return dot(a, a);
    }

    /** The Euclidean norm ‖a‖ = √(aᵀa). */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y ← y + alpha x. */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** x ← alpha x. */
    public static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }
}
