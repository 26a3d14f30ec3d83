package org.alignscope.linalg;

import dev.ludovic.netlib.blas.BLAS;
import java.lang.reflect.Method;

/**
 * Which BLAS {@link Blas} uses, named by the system property {@value #PROPERTY}: {@code auto} (the default) keeps
 * netlib's own choice, OpenBLAS through JNI when the machine has it, else a pure-Java one; {@code java} forces
 * netlib's {@code F2jBLAS}.
 *
 * <p>F2jBLAS is the f2j translation of the reference Fortran BLAS: scalar loops in the reference order, no FMA, no
 * vector API, so its results are the same bits on every CPU and every JDK. Neither OpenBLAS (its kernels, and so
 * its rounding, depend on the CPU) nor netlib's other pure-Java choices promise that ({@code JavaBLAS.getInstance()}
 * returns VectorBLAS when {@code jdk.incubator.vector} is loaded, else Java11BLAS with {@code Math.fma}). The
 * behaviour-preservation hashes are made with it.
 */
public enum BlasChoice {
    AUTO {
        @Override
        BLAS load() {
            return BLAS.getInstance();
        }
    },
    JAVA {
        /**
         * netlib 3.x keeps F2jBLAS package-private and offers no public factory for it, so its public
         * {@code getInstance()} is reached by reflection; the jar's version is pinned in the parent POM.
         */
        @Override
        BLAS load() {
            try {
                Method factory = Class.forName("dev.ludovic.netlib.blas.F2jBLAS").getMethod("getInstance");
                factory.setAccessible(true);
                return (BLAS) factory.invoke(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("netlib's F2jBLAS cannot be loaded from dev.ludovic.netlib:blas: " + e, e);
            }
        }
    };

    /** The system property that selects the BLAS, e.g. {@code -Dalignscope.blas=java}. */
    public static final String PROPERTY = "alignscope.blas";

    /** The choice the system property names; an unknown value is refused in one line naming the property. */
    public static BlasChoice fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, "auto"));
    }

    static BlasChoice parse(String value) {
        return switch (value.strip()) {
            case "auto" -> AUTO;
            case "java" -> JAVA;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + ": must be auto or java (got '" + value + "')");
        };
    }

    /** The BLAS this choice names. */
    abstract BLAS load();
}
