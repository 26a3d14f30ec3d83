package org.alignscope.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The BLAS in use: {@code dev.ludovic.netlib} picks OpenBLAS through JNI when the machine has it (Debian
 * {@code libopenblas0}), else a pure-Java implementation; the code does not change. Matrices are column-major.
 *
 * <p>The native library is looked for first ({@link NativeBlasLookup}); when it is missing, the pure-Java BLAS is
 * chosen without attempting the native load, whose failure netlib's loader would print on standard error, and
 * {@link #MISSING_NATIVE} is logged once as a warning on this class's logger (the command line prints it as one
 * line). The system property {@code alignscope.blas=java} ({@link BlasChoice}) selects the scalar F2jBLAS in any
 * case, silently: the same bits on every CPU and JDK. Both are read once, when this class loads.
 */
public final class Blas {
    /** The warning logged when no native BLAS is installed: what it costs and what to install. */
    public static final String MISSING_NATIVE = "no native BLAS (" + NativeBlasLookup.DEFAULT_NAME + ") found, using"
            + " the pure-Java BLAS; install OpenBLAS (Debian/Ubuntu: apt install libopenblas0) for HVPs several times"
            + " faster";
    /** netlib's switch for its native BLAS. */
    static final String ALLOW_NATIVE = "dev.ludovic.netlib.blas.allowNative";
    private static final Logger LOG = Logger.getLogger(Blas.class.getName());
    private static final BLAS INSTANCE = select(BlasChoice.fromSystemProperty(), NativeBlasLookup.system()::find, LOG);

    private Blas() {
    }

    public static BLAS get() {
        return INSTANCE;
    }

    /**
     * The BLAS for {@code choice}: F2jBLAS for {@link BlasChoice#JAVA}; netlib's pure-Java one when {@code lookup}
     * finds no native library (then {@link #MISSING_NATIVE} goes to {@code log}); netlib's own choice otherwise.
     */
    static BLAS select(BlasChoice choice, Supplier<Optional<Path>> lookup, Logger log) {
        if (choice == BlasChoice.JAVA) {
            return withoutNative(choice::load);
        }
        if (lookup.get().isEmpty()) {
            log.warning(MISSING_NATIVE);
            return withoutNative(JavaBLAS::getInstance);
        }
        return choice.load();
    }

    /**
     * A pure-Java BLAS. netlib builds its native instance as soon as any of its BLAS classes is first used, unless
     * {@code dev.ludovic.netlib.blas.allowNative} is false; it is set first, so that no load is attempted.
     */
    private static BLAS withoutNative(Supplier<BLAS> javaBlas) {
        System.setProperty(ALLOW_NATIVE, "false");
        return javaBlas.get();
    }

    /**
     * The implementation's class name, e.g. JNIBLAS (OpenBLAS), VectorBLAS / Java11BLAS (pure Java) or F2jBLAS
     * ({@code alignscope.blas=java}); for the native one followed by the effective {@code OPENBLAS_CORETYPE} (the kernel family OpenBLAS was told to use;
     * "unset" means OpenBLAS's own CPU detection, which falls back to slow generic kernels on CPUs newer than
     * the library), e.g. {@code JNIBLAS OPENBLAS_CORETYPE=SkylakeX}. The {@code ./alignscope} launcher sets it.
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
