package org.alignscope.quadratic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The eigen-coordinate shortcut against the dense rotated-basis simulation, and thread independence. */
class SimulatorAgreementTest {

    private static QuadraticRun run(Spectrum s, NoiseModel noise, Projection p, long steps, int stride) {
        return new QuadraticRun(s, noise, Initialisation.gaussian(1), StepSchedule.constant(0.003), p, steps, 7, stride);
    }

    private static void assertAgree(Trajectory eigen, Trajectory dense) {
        assertEquals(eigen.lastStep(), dense.lastStep());
        for (int t = 0; t <= eigen.lastStep(); t++) {
            assertEquals(eigen.theta()[t], dense.theta()[t], 1e-10, "theta at step " + t);
            assertEquals(1, dense.loss()[t] / eigen.loss()[t], 1e-10, "loss at step " + t);
        }
        for (int i = 0; i < eigen.loggedSteps().length; i++) {
            assertEquals(1, dense.loggedStates()[i].dom().tau() / eigen.loggedStates()[i].dom().tau(), 1e-9);
            assertEquals(1, dense.loggedStates()[i].bulk().u() / eigen.loggedStates()[i].bulk().u(), 1e-9);
        }
    }

    @Test
    void eigenAndDenseSimulatorsAgreeForSgdDsgdAndBsgd() {
        Spectrum s = Spectrum.authors(60, 6, 10);
        double[] q = DenseSimulator.randomRotation(60, 3);
        for (Projection p : new Projection[] {Projection.SGD, Projection.DSGD, Projection.BSGD, new Projection(0.3, 1.2)}) {
            QuadraticRun r = run(s, new IsotropicNoise(0.5), p, 400, 50);
            assertAgree(EigenSimulator.run(r, 1), DenseSimulator.run(r, q));
        }
    }

    @Test
    void eigenAndDenseAgreeWithFullCovarianceNoise() {
        int d = 30;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = 0.2 * Math.pow(0.6, Math.abs(i - j)) + (i == j ? 0.05 : 0);
            }
        }
        QuadraticRun r = run(Spectrum.authors(d, 5, 20), new FullCovarianceNoise(c), Projection.SGD, 300, 30);
        assertAgree(EigenSimulator.run(r, 1), DenseSimulator.run(r, DenseSimulator.randomRotation(d, 11)));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        // three blocks of IsotropicNoise.BLOCK coordinates (the last one partial)
        int d = 2 * IsotropicNoise.BLOCK + 1000;
        QuadraticRun r = run(Spectrum.authors(d, d / 10, 50), new IsotropicNoise(0.5), Projection.SGD, 40, 7);
        Trajectory one = EigenSimulator.run(r, 1);
        Trajectory three = EigenSimulator.run(r, 3);
        assertArrayEquals(one.theta(), three.theta());
        assertArrayEquals(one.loss(), three.loss());
        assertEquals(one.loggedStates()[3], three.loggedStates()[3]);
    }

    @Test
    void runsSimulatedTogetherEqualRunsSimulatedAlone() {
        // same seed and noise: grouped, they share one noise draw per block and step
        QuadraticRun a = run(Spectrum.authors(5000, 500, 5), new IsotropicNoise(0.5), Projection.SGD, 300, 20);
        QuadraticRun b = run(Spectrum.authors(5000, 500, 500), new IsotropicNoise(0.5), Projection.BSGD, 300, 20);
        QuadraticRun diverging = new QuadraticRun(Spectrum.authors(5000, 500, 50), new IsotropicNoise(0.5),
                Initialisation.gaussian(1), StepSchedule.constant(0.04), Projection.SGD, 300, 7, 20);
        java.util.List<Trajectory> together = EigenSimulator.runAll(java.util.List.of(a, diverging, b), 2);
        assertArrayEquals(EigenSimulator.run(a, 1).theta(), together.get(0).theta());
        assertArrayEquals(EigenSimulator.run(b, 1).loss(), together.get(2).loss());
        assertEquals(EigenSimulator.run(b, 1).loggedStates()[5], together.get(2).loggedStates()[5]);
        assertTrue(together.get(1).diverged());
        assertArrayEquals(EigenSimulator.run(diverging, 1).theta(), together.get(1).theta());
    }

    @Test
    void sameSeedSameStartAndNoiseAcrossSpectra() {
        // common random numbers: the start point does not depend on m
        QuadraticRun a = run(Spectrum.authors(50, 5, 5), new IsotropicNoise(0.5), Projection.SGD, 1, 1);
        QuadraticRun b = run(Spectrum.authors(50, 5, 500), new IsotropicNoise(0.5), Projection.SGD, 1, 1);
        assertArrayEquals(a.init().coordinates(50, a.seed()), b.init().coordinates(50, b.seed()));
    }

    @Test
    void divergenceIsDetectedAndTheTrajectoryEndsThere() {
        // eta * lambda_1 = 0.03 * 100 = 3 > 2: the top direction grows by |1 - 3| = 2 per step
        QuadraticRun r = new QuadraticRun(Spectrum.authors(50, 5, 10), new IsotropicNoise(0.5),
                Initialisation.gaussian(1), StepSchedule.constant(0.03), Projection.SGD, 5000, 1, 10);
        Trajectory tr = EigenSimulator.run(r, 2);
        assertTrue(tr.diverged());
        int step = tr.divergedStep().getAsInt();
        assertEquals(step, tr.lastStep());
        assertTrue(step > 100 && step < 1000, "diverged at " + step);
        assertTrue(!(tr.loss()[step] <= Trajectory.DIVERGENCE_LOSS));
        assertTrue(tr.loss()[step - 1] <= Trajectory.DIVERGENCE_LOSS);
        assertTrue(tr.steadyAlignment(10).isEmpty());
    }

    @Test
    void dsgdLeavesTheBulkCoordinatesUntouched() {
        Spectrum s = Spectrum.authors(40, 4, 10);
        QuadraticRun r = run(s, new IsotropicNoise(0.5), Projection.DSGD, 200, 200);
        Trajectory tr = EigenSimulator.run(r, 1);
        double[] c0 = r.init().coordinates(40, r.seed());
        double sB0 = 0;
        for (int i = 4; i < 40; i++) {
            sB0 += s.eigenvalue(i) * s.eigenvalue(i) * c0[i] * c0[i];
        }
        assertEquals(sB0, tr.loggedStates()[1].bulk().s(), 1e-12 * sB0);
    }
}
