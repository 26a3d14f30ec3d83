package org.alignscope.linalg;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The BLAS in use: {@code dev.ludovic.netlib} picks OpenBLAS through JNI when the machine has it (Debian
 * {@code libopenblas0}), else a pure-Java implementation; the code does not change. Matrices are column-major.
 */
public final class Blas {
    private static final BLAS INSTANCE = BLAS.getInstance();

    private Blas() {
    }

    public static BLAS get() {
        return INSTANCE;
    }

    /** The implementation's class name, e.g. JNIBLAS (OpenBLAS) or VectorBLAS / Java11BLAS (pure Java). */
    public static String backend() {
        return INSTANCE.getClass().getSimpleName();
    }

    /** y = A x for a column-major rows × cols matrix A. */
    public static void multiply(double[] a, int rows, int cols, double[] x, double[] y) {
        INSTANCE.dgemv("N", rows, cols, 1.0, a, rows, x, 1, 0.0, y, 1);
    }

    /** y = Aᵀ x for a column-major rows × cols matrix A. */
    public static void multiplyTransposed(double[] a, int rows, int cols, double[] x, double[] y) {
        INSTANCE.dgemv("T", rows, cols, 1.0, a, rows, x, 1, 0.0, y, 1);
    }
}
