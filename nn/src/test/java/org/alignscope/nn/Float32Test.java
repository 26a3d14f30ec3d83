package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** float32 models against float64 models holding the same (float-representable) parameters and inputs. */
class Float32Test {
    static List<String> cases() {
        return Fixtures.cases();
    }

    private static void roundToFloat(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) a[i];
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32AgreesWithFloat64AtFloatTolerance(String c) {
        Network m64 = Fixtures.net(c, Precision.F64);
        Network m32 = Fixtures.net(c, Precision.F32);
        roundToFloat(m64.parameters());
        System.arraycopy(m64.parameters(), 0, m32.parameters(), 0, m64.parameterCount());
        Batch b = Fixtures.batch(m64, 6, 21);
        roundToFloat(b.x());
        int p = m64.parameterCount();
        double[] v = Fixtures.gaussian(p, 22);
        roundToFloat(v);

        double[] g64 = new double[p];
        double[] g32 = new double[p];
        double l64 = m64.gradient(b, g64);
        double l32 = m32.gradient(b, g32);
        assertEquals(l64, l32, 1e-5 * Math.abs(l64), c + " loss");
        assertEquals(l32, m32.loss(b), 0.0, "f32 loss() = gradient()'s loss");
        double eg = Fixtures.relErr(g32, g64);
        assertTrue(eg < 1e-4, c + " gradient rel err " + eg);
        assertTrue(eg > 0, "the f32 path really ran in float");

        double[] h64 = new double[p];
        double[] h32 = new double[p];
        m64.hvp(b, v, h64);
        m32.hvp(b, v, h32);
        double eh = Fixtures.relErr(h32, h64);
        assertTrue(eh < 1e-4, c + " hvp rel err " + eh);

        double[] o32 = new double[p];
        m32.hessian(b).apply(v, o32);
        assertTrue(Fixtures.relErr(o32, h32) < 1e-6, "f32 operator = f32 hvp");
        double[] gn64 = new double[p];
        m64.gaussNewton(b).apply(v, gn64);
        m32.gaussNewton(b).apply(v, o32);
        assertTrue(Fixtures.relErr(o32, gn64) < 1e-4, c + " GGN rel err");
    }
}
