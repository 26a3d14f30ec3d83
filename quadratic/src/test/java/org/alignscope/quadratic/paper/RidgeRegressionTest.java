package org.alignscope.quadratic.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {

    @Test
    void zeroPenaltyRecoversAnExactLinearModel() {
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {i, i * i * 0.5};
            y[i] = 3 - 2 * i + 0.25 * x[i][1];
        }
        RidgeRegression r = RidgeRegression.fit(x, y, 0);
        assertEquals(-2, r.rawSlope(0), 1e-9);
        assertEquals(0.25, r.rawSlope(1), 1e-9);
        assertEquals(3, r.predict(new double[] {0, 0}), 1e-9);
    }

    @Test
    void oneFeatureRidgeMatchesItsClosedForm() {
        // standardised z has sum z^2 = n, so w = sum(z (y - ybar)) / (n + alpha)
        double[] t = {0, 1, 2, 3, 4, 5};
        double[] y = {1.0, 0.7, 0.2, 0.25, 0.1, 0.05};
        double[][] x = new double[t.length][];
        double mean = 2.5;
        double sd = Math.sqrt(17.5 / 6);
        double yBar = 0;
        for (double v : y) {
            yBar += v / y.length;
        }
        double num = 0;
        for (int i = 0; i < t.length; i++) {
            x[i] = new double[] {t[i]};
            num += (t[i] - mean) / sd * (y[i] - yBar);
        }
        RidgeRegression r = RidgeRegression.fit(x, y, 1.0);
        assertEquals(num / (6 + 1.0) / sd, r.rawSlope(0), 1e-12);
        assertEquals(yBar, r.intercept(), 1e-12);
    }

    @Test
    void phaseOneFitFollowsTheAuthorsCutRuleAndPrefersTheTrueModel() {
        // theta falls as a cubic in t from 0.9, then plateaus: a polynomial decay, which the cubic fits exactly
        double[] theta = new double[1000];
        for (int t = 0; t < theta.length; t++) {
            double u = Math.min(t, 400) / 400.0;
            theta[t] = 0.05 + 0.85 * (1 - u) * (1 - u) * (1 - u);
        }
        Optional<PhaseOneFit> fit = PhaseOneFit.of(theta);
        assertTrue(fit.isPresent());
        PhaseOneFit f = fit.get();
        // threshold = min + 0.1 (theta_1 - min); the first step below it is the cut
        double threshold = 0.05 + 0.1 * (theta[1] - 0.05);
        int expected = 0;
        while (theta[expected] >= threshold) {
            expected++;
        }
        assertEquals(expected, f.cutStep());
        assertTrue(f.polynomialBetter(), "poly " + f.polyR2() + " exp " + f.expR2());
        assertTrue(f.expRate() < 0);
        // an exactly exponential decay is fitted better by the exponential model
        double[] expo = new double[200];
        for (int t = 0; t < expo.length; t++) {
            expo[t] = 0.9 * Math.exp(-0.01 * t) + 1e-3;
        }
        PhaseOneFit g = PhaseOneFit.of(expo).orElseThrow();
        assertTrue(g.expR2() > 0.999, "exp R2 " + g.expR2());
    }
}
