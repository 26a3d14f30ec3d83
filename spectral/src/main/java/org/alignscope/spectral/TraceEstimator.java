package org.alignscope.spectral;

import org.alignscope.linalg.SampleMean;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.random.RandomStream;

/**
 * Matrix-free trace estimators with Rademacher probes (entries ±1 with probability ½ each).
 *
 * <ul>
 *   <li><b>Hutchinson</b> (Commun. Stat. Simul. Comput. 18, 1989): tr(H) ≈ (1/m) Σ zᵢᵀHzᵢ; m applications.</li>
 *   <li><b>Hutch++</b> (Meyer, Musco, Musco, Woodruff, SOSA 2021): with s = ⌊m/3⌋, Q = orth(H S) for a
 *       Rademacher n × s matrix S, tr(H) ≈ tr(QᵀHQ) + (1/s) Σ gᵢᵀ(I−QQᵀ)H(I−QQᵀ)gᵢ; 3s applications. The
 *       sketch captures the dominant eigen-directions exactly, so it wins when a few outliers dominate the trace
 *       — the typical shape of a network Hessian.</li>
 * </ul>
 * The probes come from {@code RandomStream.of(seed, STREAM)}.
 */
public final class TraceEstimator {

    /** The random-stream path element of the probes ("TRAC"). */
    public static final long STREAM = 0x54524143L;

    private TraceEstimator() {
    }

    /** Hutchinson's estimator with {@code probes} Rademacher probes (≥ 2, for the standard error). */
    public static TraceEstimate hutchinson(SymmetricOperator op, int probes, long seed) {
        if (probes < 2) {
            throw new IllegalArgumentException("need at least 2 probes for a standard error, got " + probes);
        }
        int n = op.dimension();
        RandomStream rng = RandomStream.of(seed, STREAM);
        double[] z = new double[n];
        double[] hz = new double[n];
        double[] samples = new double[probes];
        for (int i = 0; i < probes; i++) {
            rademacher(rng, z);
            op.apply(z, hz);
            samples[i] = Vectors.dot(z, hz);
        }
        return summarise("hutchinson", 0, samples, probes);
    }

    /** Hutch++ with a total budget of {@code applications} (≥ 6; rounded down to a multiple of 3). */
    public static TraceEstimate hutchPlusPlus(SymmetricOperator op, int applications, long seed) {
        if (applications < 6) {
            throw new IllegalArgumentException("Hutch++ needs at least 6 applications, got " + applications);
        }
        int n = op.dimension();
        int s = applications / 3;
        RandomStream rng = RandomStream.of(seed, STREAM);
        // Sketch: Q = orth(H S).
        double[][] q = new double[s][];
        int rank = 0;
        double[] z = new double[n];
        for (int i = 0; i < s; i++) {
            rademacher(rng, z);
            double[] y = new double[n];
            op.apply(z, y);
            double before = Vectors.norm(y);
            Vec.orthogonalise(q, rank, y);
            double after = Vectors.norm(y);
            if (after > 1e-10 * before && after > 0) {
                Vectors.scale(1.0 / after, y);
                q[rank++] = y;
            }
        }
        int used = s;
        // Exact part: tr(QᵀHQ).
        double exact = 0;
        double[] hq = new double[n];
        for (int i = 0; i < rank; i++) {
            op.apply(q[i], hq);
            used++;
            exact += Vectors.dot(q[i], hq);
        }
        // Stochastic part on the deflated operator (I−QQᵀ)H(I−QQᵀ).
        double[] samples = new double[s];
        double[] hg = new double[n];
        for (int i = 0; i < s; i++) {
            rademacher(rng, z);
            Vec.orthogonalise(q, rank, z);
            op.apply(z, hg);
            used++;
            samples[i] = Vectors.dot(z, hg);
        }
        return summarise("hutch++", exact, samples, used);
    }

    private static TraceEstimate summarise(String method, double exact, double[] samples, int applications) {
        SampleMean m = SampleMean.of(samples);
        return new TraceEstimate(method, exact + m.mean(), m.standardError(), applications, samples.length);
    }

    /** Fills {@code z} with ±1 entries, 64 per random draw. */
    static void rademacher(RandomStream rng, double[] z) {
        long bits = 0;
        for (int i = 0; i < z.length; i++) {
            if ((i & 63) == 0) {
                bits = rng.nextLong();
            }
            z[i] = (bits & 1L) == 0 ? 1.0 : -1.0;
            bits >>>= 1;
        }
    }
}
