package org.alignscope.quadlab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.alignscope.quadratic.EigenSimulator;
import org.alignscope.quadratic.Initialisation;
import org.alignscope.quadratic.IsotropicNoise;
import org.alignscope.quadratic.Projection;
import org.alignscope.quadratic.QuadraticRun;
import org.alignscope.quadratic.Spectrum;
import org.alignscope.quadratic.StepSchedule;
import org.alignscope.theory.Alignment;

/**
 * Times the eigen-coordinate simulator in nanoseconds per coordinate-step (one Gaussian draw and one update of
 * one c_i), on 1 and 2 threads, against a baseline measured in the same process: the same update and
 * bookkeeping loop driven by {@link Random#nextGaussian()} (the JDK's polar method) on one thread.
 */
public final class QuadBenchmark {
    /** Medians in ns per coordinate-step. */
    public record Report(double baselineNs, double oneThreadNs, double twoThreadNs) {
    }

    /** Keeps the baseline's result alive. */
    static volatile double sink;

    private QuadBenchmark() {
    }

    public static Report measure(int d, int runs, int steps, int repeats) {
        List<QuadraticRun> batch = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            batch.add(new QuadraticRun(Spectrum.authors(d, Math.max(1, d / 10), 50), new IsotropicNoise(0.5),
                    Initialisation.gaussian(1), StepSchedule.constant(0.003), Projection.SGD, steps, r, steps));
        }
        double work = (double) runs * steps * d;
        // warm-up: compile the hot loops
        EigenSimulator.runAll(batch, 2);
        sink = baseline(d, steps, 1);
        double[] base = new double[repeats];
        double[] one = new double[repeats];
        double[] two = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            sink = baseline(d, steps, runs);
            base[i] = (System.nanoTime() - t0) / work;
            t0 = System.nanoTime();
            EigenSimulator.runAll(batch, 1);
            one[i] = (System.nanoTime() - t0) / work;
            t0 = System.nanoTime();
            EigenSimulator.runAll(batch, 2);
            two[i] = (System.nanoTime() - t0) / work;
        }
        return new Report(median(base), median(one), median(two));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The simulator's inner loop with JDK Gaussians; returns a checksum so the work is not optimised away. */
    static double baseline(int d, int steps, int runs) {
        double sum = 0;
        Spectrum spectrum = Spectrum.authors(d, Math.max(1, d / 10), 50);
        double[] lam = spectrum.lambda();
        int k = spectrum.k();
        for (int r = 0; r < runs; r++) {
            Random rng = new Random(r);
            double[] c = new double[d];
            for (int i = 0; i < d; i++) {
                c[i] = rng.nextGaussian();
            }
            double[] xi = new double[d];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < d; i++) {
                    xi[i] = 0.5 * rng.nextGaussian();
                }
                double sD = 0;
                double sB = 0;
                double loss = 0;
                for (int i = 0; i < d; i++) {
                    double ci = c[i] - 0.003 * (lam[i] * c[i] + xi[i]);
                    c[i] = ci;
                    double q = lam[i] * ci * ci;
                    loss += q;
                    if (i < k) {
                        sD += lam[i] * q;
                    } else {
                        sB += lam[i] * q;
                    }
                }
                sum += Alignment.theta(sD, sD + sB) + loss;
            }
        }
        return sum;
    }
}
