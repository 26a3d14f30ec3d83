package org.alignscope.quadratic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alignscope.theory.ConstantStepTheory;
import org.junit.jupiter.api.Test;

class ExpectedDynamicsTest {

    @Test
    void recursionMatchesTheClosedFormOfLemma26() {
        QuadraticRun r = new QuadraticRun(Spectrum.authors(200, 20, 20), new IsotropicNoise(0.5),
                Initialisation.gaussian(1), StepSchedule.constant(0.003), Projection.SGD, 3000, 5, 100);
        ExpectedDynamics e = ExpectedDynamics.of(r);
        ConstantStepTheory theory = new ConstantStepTheory(r.landscape(), 0.003);
        double[] c0Sq = r.init().coordinates(200, 5);
        for (int i = 0; i < c0Sq.length; i++) {
            c0Sq[i] *= c0Sq[i];
        }
        for (long t : new long[] {0, 1, 10, 100, 1000, 3000}) {
            assertEquals(theory.limitTheta(c0Sq, t), e.limitTheta()[(int) t], 1e-12, "t = " + t);
        }
        assertEquals(theory.thetaInf(), ExpectedDynamics.of(r.withSteps(200_000)).limitTheta()[200_000], 1e-9);
    }

    @Test
    void expectedLossMatchesMonteCarloWithinFiveStandardErrors() {
        // E L(x_t) is exact for any d: average the simulated loss over independent noise streams (seeds) from a
        // fixed start, here given explicitly so that every seed shares it.
        int d = 12;
        Spectrum s = Spectrum.authors(d, 3, 5);
        double[] c0 = new double[d];
        for (int i = 0; i < d; i++) {
            c0[i] = 1 - 0.1 * i;
        }
        int t = 40;
        int n = 4000;
        double sum = 0;
        double sumSq = 0;
        ExpectedDynamics exact = null;
        for (int seed = 0; seed < n; seed++) {
            QuadraticRun r = new QuadraticRun(s, new IsotropicNoise(0.7), Initialisation.given(c0),
                    StepSchedule.constant(0.01), Projection.BSGD, t, seed, t);
            double l = EigenSimulator.run(r, 1).loss()[t];
            sum += l;
            sumSq += l * l;
            if (exact == null) {
                exact = ExpectedDynamics.of(r);
            }
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        assertEquals(exact.expectedLoss()[t], mean, 5 * se);
    }
}
