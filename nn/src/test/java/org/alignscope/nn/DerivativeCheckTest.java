package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alignscope.linalg.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients against central finite differences of the loss, HVPs against central finite differences of the
 * gradient (with the O(ε²) convergence visible), and symmetry uᵀHv = vᵀHu, for every layer type and both
 * losses, in float64.
 */
class DerivativeCheckTest {
    static List<String> cases() {
        return Fixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferencesOfTheLoss(String c) {
        Network m = Fixtures.net(c, Precision.F64);
        Batch b = Fixtures.batch(m, 5, 1);
        double[] base = m.parameters().clone();
        double[] g = new double[m.parameterCount()];
        double l0 = m.gradient(b, g);
        assertEquals(m.loss(b), l0, 1e-15 * Math.abs(l0), "gradient() returns the loss");
        double eps = 1e-5;
        double worst = 0;
        double scale = 0;
        double[] e = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            e[i] = 1;
            Fixtures.shift(m, base, e, eps);
            double lp = m.loss(b);
            Fixtures.shift(m, base, e, -eps);
            double lm = m.loss(b);
            e[i] = 0;
            worst = Math.max(worst, Math.abs((lp - lm) / (2 * eps) - g[i]));
            scale = Math.max(scale, Math.abs(g[i]));
        }
        Fixtures.shift(m, base, e, 0);
        assertTrue(scale > 1e-3, "gradient is not trivially small");
        assertTrue(worst <= 1e-8 * Math.max(1, scale), c + ": max |FD − g| = " + worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hvpMatchesCentralDifferencesOfTheGradientAtOrderEpsSquared(String c) {
        Network m = Fixtures.net(c, Precision.F64);
        Batch b = Fixtures.batch(m, 5, 2);
        int p = m.parameterCount();
        double[] base = m.parameters().clone();
        double[] v = Fixtures.unit(p, 5);
        double[] hv = new double[p];
        m.hvp(b, v, hv);
        double[] gp = new double[p];
        double[] gm = new double[p];
        double[] fd = new double[p];
        double[] errs = new double[3];
        double[] epss = {1e-2, 1e-3, 1e-4};
        for (int k = 0; k < epss.length; k++) {
            double eps = epss[k];
            Fixtures.shift(m, base, v, eps);
            m.gradient(b, gp);
            Fixtures.shift(m, base, v, -eps);
            m.gradient(b, gm);
            for (int i = 0; i < p; i++) {
                fd[i] = (gp[i] - gm[i]) / (2 * eps);
            }
            errs[k] = Fixtures.relErr(fd, hv);
        }
        Fixtures.shift(m, base, v, 0);
        double r1 = errs[1] / errs[2];
        assertTrue(errs[2] < 1e-6, c + ": relative error at eps=1e-4 is " + errs[2]);
        // halving the test's ambition for the coarse step: 1e-2 may cross a ReLU/max kink; 1e-3 → 1e-4 must not
        assertTrue(r1 > 70 && r1 < 140, c + ": error ratio for eps 1e-3 → 1e-4 is " + r1 + " (errors "
                + errs[0] + ", " + errs[1] + ", " + errs[2] + "), expected ≈ 100 for O(eps²)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianIsSymmetric(String c) {
        Network m = Fixtures.net(c, Precision.F64);
        Batch b = Fixtures.batch(m, 5, 3);
        int p = m.parameterCount();
        double[] u = Fixtures.gaussian(p, 8);
        double[] v = Fixtures.gaussian(p, 9);
        double[] hu = new double[p];
        double[] hv = new double[p];
        m.hvp(b, u, hu);
        m.hvp(b, v, hv);
        double a = Vectors.dot(u, hv);
        double bb = Vectors.dot(v, hu);
        double scale = Vectors.norm(u) * Vectors.norm(hv);
        assertTrue(Math.abs(a) > 1e-6 * scale, "uᵀHv is not trivially zero");
        assertEquals(a, bb, 1e-13 * scale, c + ": uᵀHv vs vᵀHu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cachedOperatorsAgreeWithHvpAndAreSnapshots(String c) {
        Network m = Fixtures.net(c, Precision.F64);
        Batch b = Fixtures.batch(m, 4, 4);
        int p = m.parameterCount();
        double[] v = Fixtures.gaussian(p, 10);
        double[] hv = new double[p];
        double[] hv2 = new double[p];
        m.hvp(b, v, hv);
        var h = m.hessian(b);
        var gn = m.gaussNewton(b);
        h.apply(v, hv2);
        assertTrue(Fixtures.relErr(hv2, hv) < 1e-14, "operator = hvp");
        double[] gv = new double[p];
        gn.apply(v, gv);
        m.parameters()[0] += 0.5; // the operators keep the point they were built at
        double[] again = new double[p];
        h.apply(v, again);
        assertEquals(0, Fixtures.relErr(again, hv), 1e-14);
        gn.apply(v, again);
        assertEquals(0, Fixtures.relErr(again, gv), 1e-14);
        m.hvp(b, v, again);
        assertTrue(Fixtures.relErr(again, hv) > 1e-8, "the live model did move");
    }
}
