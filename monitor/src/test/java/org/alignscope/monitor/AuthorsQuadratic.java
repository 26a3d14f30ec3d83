package org.alignscope.monitor;

import java.util.Arrays;
import org.alignscope.quadratic.DenseSimulator;
import org.alignscope.quadratic.Initialisation;
import org.alignscope.quadratic.Spectrum;

/**
 * The tests' quadratic: the authors' spectrum {@link Spectrum#authors}(d, k, m), isotropic noise Σ = σ²I, a random
 * rotation and a state x ~ N(0, I), all from {@code seed} (the quadratic module is a test-only dependency of the
 * monitor; the command's cross-check builds the same model in the quadratic laboratory's {@code AuthorsQuadratic}).
 */
final class AuthorsQuadratic {
    private AuthorsQuadratic() {
    }

    static QuadraticSource source(int d, int k, double m, double sigma, long seed) {
        double[] kappaSq = new double[d];
        Arrays.fill(kappaSq, sigma * sigma);
        return QuadraticSource.of(Spectrum.authors(d, k, m).lambda(), kappaSq, DenseSimulator.randomRotation(d, seed),
                Initialisation.gaussian(1.0).coordinates(d, seed), seed);
    }
}
