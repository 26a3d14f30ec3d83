package org.alignscope.linalg.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

class RandomStreamTest {

    @Test
    void xoshiroMatchesReferenceOutputForKnownState() {
        // Reference: the C code of xoshiro256++ 1.0 (and the JDK's jdk.random implementation) from state (1,2,3,4).
        RandomStream r = RandomStream.fromState(1, 2, 3, 4);
        assertEquals(41943041L, r.nextLong());
        assertEquals(58720359L, r.nextLong());
    }

    @Test
    void sameSeedAndPathGiveSameSequenceAndOtherPathsDiffer() {
        double[] a = new double[1000];
        double[] b = new double[1000];
        double[] c = new double[1000];
        RandomStream.of(42, 1, 7).fillGaussian(a, 0, a.length);
        RandomStream.of(42, 1, 7).fillGaussian(b, 0, b.length);
        RandomStream.of(42, 1, 8).fillGaussian(c, 0, c.length);
        assertArrayEquals(a, b);
        assertNotEquals(a[0], c[0]);
        double corr = 0;
        for (int i = 0; i < a.length; i++) {
            corr += a[i] * c[i];
        }
        // correlation of independent streams: |mean of products| < 5 standard errors (1/sqrt(n))
        assertTrue(Math.abs(corr / a.length) < 5 / Math.sqrt(a.length), "streams look correlated: " + corr);
    }

    @Test
    void permutationsAreUniformOverAllOrderings() {
        // n = 4: each of the 24 orderings has probability 1/24; chi-square with 23 degrees of freedom over 240,000
        // draws (the 0.999 quantile is 49.7), and every draw must be a permutation.
        RandomStream r = RandomStream.of(11, 5);
        int draws = 240_000;
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (int d = 0; d < draws; d++) {
            int[] p = r.permutation(4);
            int[] sorted = p.clone();
            java.util.Arrays.sort(sorted);
            assertArrayEquals(new int[] {0, 1, 2, 3}, sorted);
            counts.merge(java.util.Arrays.toString(p), 1, Integer::sum);
        }
        assertEquals(24, counts.size());
        double expected = draws / 24.0;
        double chi2 = counts.values().stream().mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
        assertTrue(chi2 < 49.7, "chi2 = " + chi2);
    }

    @Test
    void zigguratLayersHaveEqualArea() {
        for (int i = 1; i < Ziggurat.LAYERS; i++) {
            assertTrue(Ziggurat.X[i + 1] < Ziggurat.X[i], "abscissae must decrease at " + i);
            double area = Ziggurat.X[i] * (Ziggurat.F[i + 1] - Ziggurat.F[i]);
            assertEquals(Ziggurat.V, area, 1e-9 * Ziggurat.V + 1e-12, "layer " + i);
        }
        // base layer: rectangle [0,r]x[0,f(r)] plus the tail integral of exp(-x^2/2) beyond r
        double tail = Math.sqrt(Math.PI / 2) * Erf.erfc(Ziggurat.R / Math.sqrt(2));
        assertEquals(Ziggurat.V, Ziggurat.R * Ziggurat.F[1] + tail, 1e-9);
    }

    @Test
    void gaussianMomentsAgreeWithinStandardErrors() {
        int n = 2_000_000;
        RandomStream r = RandomStream.of(2026);
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian();
            s1 += z;
            s2 += z * z;
            s4 += z * z * z * z;
        }
        double mean = s1 / n;
        double var = s2 / n;
        double fourth = s4 / n;
        // standard errors: mean 1/sqrt(n); E z^2 sd sqrt(2/n); E z^4 sd sqrt((105-9)/n)
        assertEquals(0, mean, 5 / Math.sqrt(n));
        assertEquals(1, var, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, fourth, 5 * Math.sqrt(96.0 / n));
    }

    @Test
    void gaussianHistogramPassesChiSquareIncludingTails() {
        // 64 bins with equal normal probability, plus the tails beyond the ziggurat's r checked separately.
        int n = 4_000_000;
        int bins = 64;
        double[] edges = new double[bins - 1];
        for (int j = 1; j < bins; j++) {
            edges[j - 1] = Math.sqrt(2) * Erf.erfInv(2.0 * j / bins - 1);
        }
        long[] counts = new long[bins];
        long beyondR = 0;
        RandomStream r = RandomStream.of(7, 3);
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian();
            int lo = 0;
            int hi = edges.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (z < edges[mid]) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            counts[lo]++;
            if (Math.abs(z) > Ziggurat.R) {
                beyondR++;
            }
        }
        double expected = (double) n / bins;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // 63 degrees of freedom: P(chi2 > 120) < 1e-5
        assertTrue(chi2 < 120, "chi-square " + chi2);
        double pTail = Erf.erfc(Ziggurat.R / Math.sqrt(2));
        double sd = Math.sqrt(n * pTail * (1 - pTail));
        assertEquals(n * pTail, beyondR, 5 * sd, "draws beyond r");
    }

    @Test
    void nextIntIsUniformAndInRange() {
        RandomStream r = RandomStream.of(1);
        int bound = 10;
        int n = 1_000_000;
        long[] counts = new long[bound];
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(bound)]++;
        }
        double e = (double) n / bound;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - e) * (c - e) / e;
        }
        assertTrue(chi2 < 40, "chi-square " + chi2); // 9 df: P(chi2 > 40) < 1e-5
    }

    @Test
    void bulkFillEqualsScaledSingleDrawsIncludingSlowPaths() {
        // 100,000 draws pass through the slow path (tail and wedges) about 700 times
        int n = 100_000;
        double[] bulk = new double[n + 3];
        RandomStream.of(5, 9).fillGaussian(bulk, 3, n + 3, 0.5);
        RandomStream single = RandomStream.of(5, 9);
        for (int i = 0; i < n; i++) {
            assertEquals(0.5 * single.nextGaussian(), bulk[i + 3], 0.0, "draw " + i);
        }
        assertEquals(0.0, bulk[0]);
    }
}
