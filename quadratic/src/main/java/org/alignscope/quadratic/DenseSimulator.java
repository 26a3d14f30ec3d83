package org.alignscope.quadratic;

import java.util.ArrayList;
import java.util.List;
import org.alignscope.linalg.Blas;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.Alignment;
import org.alignscope.theory.AlignmentState;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The same model simulated in a rotated basis, as the authors' code does: A = Q Λ Qᵀ with a random orthogonal Q,
 * x_{t+1} = x_t − η_t (w_D P^D + w_B P^B)(A x_t + ξ_t), ξ_t = Q ζ_t, θ_t = ‖P^D A x_t‖²/‖A x_t‖², O(d²) per
 * step. The eigen-coordinate noise ζ_t comes from the same per-block streams as {@link EigenSimulator}, so both
 * simulators follow the same path up to rounding: that is the test of the eigen-coordinate shortcut.
 */
public final class DenseSimulator {
    /** Stream path component of the rotation's Gaussian matrix. */
    static final long ROTATION_STREAM = 3;

    private DenseSimulator() {
    }

    /** Q from the QR decomposition of a d×d standard Gaussian matrix drawn from stream (seed, ROTATION), column-major. */
    public static double[] randomRotation(int d, long seed) {
        RandomStream rng = RandomStream.of(seed, ROTATION_STREAM);
        double[][] g = new double[d][d];
        for (double[] row : g) {
            rng.fillGaussian(row, 0, d);
        }
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g, false)).getQ();
        double[] out = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                out[j * d + i] = q.getEntry(i, j);
            }
        }
        return out;
    }

    /** Runs in the basis {@code q} (column-major orthogonal d×d; column i is the eigenvector u_i). */
    public static Trajectory run(QuadraticRun run, double[] q) {
        Spectrum spectrum = run.spectrum();
        int d = spectrum.dimension();
        int k = spectrum.k();
        double[] lambda = spectrum.lambda();
        double[] a = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int l = 0; l < d; l++) {
                double ql = q[l * d + j] * lambda[l];
                if (ql == 0) {
                    continue;
                }
                for (int i = 0; i < d; i++) {
                    a[j * d + i] += q[l * d + i] * ql;
                }
            }
        }
        double[] x = new double[d];
        Blas.multiply(q, d, d, run.init().coordinates(d, run.seed()), x);
        NoiseModel noise = run.noise();
        int size = noise.blockSize(d);
        List<RandomStream> streams = new ArrayList<>();
        for (int b = 0, from = 0; from < d; b++, from += size) {
            streams.add(RandomStream.of(run.seed(), EigenSimulator.NOISE_STREAM, b));
        }
        double wD = run.projection().dominant();
        double wB = run.projection().bulk();
        int steps = (int) run.steps();
        double[] loss = new double[steps + 1];
        double[] theta = new double[steps + 1];
        double[] g = new double[d];
        double[] zeta = new double[d];
        double[] buf = new double[size];
        double[] r = new double[d];
        double[] y = new double[k];
        double[] c = new double[d];
        double[] noiseTerms = EigenSimulator.noiseTerms(run.landscape());
        List<Long> loggedSteps = new ArrayList<>();
        List<AlignmentState> states = new ArrayList<>();
        int last = steps;
        for (int t = 0; t <= steps; t++) {
            if (t > 0) {
                double eta = run.schedule().eta(t - 1L);
                for (int b = 0, from = 0; from < d; b++, from += size) {
                    int to = Math.min(d, from + size);
                    noise.sample(streams.get(b), from, to, buf);
                    System.arraycopy(buf, 0, zeta, from, to - from);
                }
                Blas.multiply(q, d, d, zeta, r);
                for (int i = 0; i < d; i++) {
                    r[i] += g[i];
                }
                Blas.multiplyTransposed(q, d, k, r, y);
                Blas.get().dgemv("N", d, k, eta * (wD - wB), q, d, y, 1, 0.0, c, 1);
                for (int i = 0; i < d; i++) {
                    x[i] -= eta * wB * r[i] + c[i];
                }
            }
            Blas.multiply(a, d, d, x, g);
            Blas.multiplyTransposed(q, d, k, g, y);
            double sD = 0;
            for (int i = 0; i < k; i++) {
                sD += y[i] * y[i];
            }
            double s = 0;
            double xg = 0;
            for (int i = 0; i < d; i++) {
                s += g[i] * g[i];
                xg += x[i] * g[i];
            }
            loss[t] = 0.5 * xg;
            theta[t] = Alignment.theta(sD, s);
            if (run.logs(t)) {
                Blas.multiplyTransposed(q, d, d, x, c);
                loggedSteps.add((long) t);
                states.add(moments(lambda, c, k, noiseTerms));
            }
            if (Trajectory.diverges(loss[t])) {
                last = t;
                break;
            }
        }
        return Trajectory.of(run, loss, theta, last, loggedSteps, states);
    }

    private static AlignmentState moments(double[] lambda, double[] c, int k, double[] noiseTerms) {
        double[] m = new double[EigenSimulator.MOMENTS];
        EigenSimulator.storeMoments(lambda, c, k, m, 0);
        return EigenSimulator.state(m, 0, noiseTerms);
    }
}
