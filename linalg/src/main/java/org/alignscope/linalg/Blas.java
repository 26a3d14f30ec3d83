package org.alignscope.linalg;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The BLAS in use: {@code dev.ludovic.netlib} picks OpenBLAS through JNI when the machine has it (Debian
 * {@code libopenblas0}), else a pure-Java implementation; the code does not change. Matrices are column-major.
 * The system property {@code alignscope.blas=java} forces the scalar pure-Java F2jBLAS instead
 * ({@link BlasChoice}); it is read once, when this class loads.
 */
public final class Blas {
    private static final BLAS INSTANCE = BlasChoice.fromSystemProperty().load();

    private Blas() {
    }

    public static BLAS get() {
        return INSTANCE;
    }

    /**
     * The implementation's class name, e.g. JNIBLAS (OpenBLAS), VectorBLAS / Java11BLAS (pure Java) or F2jBLAS
     * ({@code alignscope.blas=java}); for the native one followed by the effective {@code OPENBLAS_CORETYPE}
     * (the kernel family OpenBLAS was told to use; "unset" means OpenBLAS's own CPU detection, which falls back to
     * slow generic kernels on CPUs newer than the library), e.g. {@code JNIBLAS OPENBLAS_CORETYPE=SkylakeX}. The
     * {@code ./alignscope} launcher sets it.
     */
    public static String backend() {
        String name = INSTANCE.getClass().getSimpleName();
        return name.startsWith("JNI") ? name + " " + coreTypeSetting() : name;
    }

    /** {@code OPENBLAS_CORETYPE=<value>} from the environment, or {@code OPENBLAS_CORETYPE=unset}. */
    public static String coreTypeSetting() {
        String v = System.getenv("OPENBLAS_CORETYPE");
        return "OPENBLAS_CORETYPE=" + (v == null || v.isBlank() ? "unset" : v.strip());
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
