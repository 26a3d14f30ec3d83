package org.alignscope.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("reliability")
class SampleShareTest {
    @Test
    void shareAndDeltaMethodErrorOfKnownSamples() {
        // a = 1, 2, 3; b = 3, 2, 1: means 2 and 2, s_aa = s_bb = 1, s_ab = −1,
        // se² = (4 + 8 + 4)/(4⁴ · 3) = 1/48
        SampleShare s = SampleShare.of(new double[] {1, 2, 3}, new double[] {3, 2, 1});
        assertEquals(0.5, s.share(), 0);
        assertEquals(Math.sqrt(1.0 / 48), s.standardError(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> SampleShare.of(new double[] {1}, new double[] {1}));
    }

    @Test
    void theStandardErrorIsTheSpreadOfTheShareOverRepeatedExperiments() {
        // correlated positive pairs: a = e1 + 0.5 e2, b = 2 e2 + e3 with e ~ |N(0, 1)|
        RandomStream rng = RandomStream.of(7, 1);
        int n = 200;
        int repeats = 2000;
        double[] shares = new double[repeats];
        double meanSe = 0;
        for (int r = 0; r < repeats; r++) {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int j = 0; j < n; j++) {
                double e2 = Math.abs(rng.nextGaussian());
                a[j] = Math.abs(rng.nextGaussian()) + 0.5 * e2;
                b[j] = 2 * e2 + Math.abs(rng.nextGaussian());
            }
            SampleShare s = SampleShare.of(a, b);
            shares[r] = s.share();
            meanSe += s.standardError() / repeats;
        }
        double spread = SampleMean.of(shares).standardError() * Math.sqrt(repeats);
        assertEquals(spread, meanSe, 0.05 * spread, "the delta method matches the Monte Carlo spread");
    }
}
