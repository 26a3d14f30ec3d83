package org.alignscope.quadlab;

import java.util.Arrays;
import org.alignscope.monitor.QuadraticSource;
import org.alignscope.quadratic.DenseSimulator;
import org.alignscope.quadratic.Initialisation;
import org.alignscope.quadratic.Spectrum;

/**
 * The cross-check's model as a monitor {@link QuadraticSource}: the authors' spectrum {@link Spectrum#authors}(d, k,
 * m), isotropic noise Σ = σ²I, a random rotation ({@link DenseSimulator#randomRotation}) and a state x ~ N(0, I),
 * all from {@code seed}.
 */
public final class AuthorsQuadratic {
    private AuthorsQuadratic() {
    }

    /** The source for these parameters; {@code describe()} names them all. */
    public static QuadraticSource source(int d, int k, double m, double sigma, long seed) {
        Spectrum spectrum = Spectrum.authors(d, k, m);
        double[] kappaSq = new double[d];
        Arrays.fill(kappaSq, sigma * sigma);
        double[] c = Initialisation.gaussian(1.0).coordinates(d, seed);
        return QuadraticSource.of(spectrum.lambda(), kappaSq, DenseSimulator.randomRotation(d, seed), c, seed,
                "quadratic authors d=" + d + " k=" + k + " m=" + m + " sigma=" + sigma + " seed=" + seed);
    }
}
