package org.alignscope.theory;

import java.util.Arrays;
import org.alignscope.linalg.random.RandomStream;

/** Random test instances: spectra, noise and eigen-coordinates. */
final class Instances {
    private Instances() {
    }

    /** d uniforms on [lo, hi), sorted descending. */
    static double[] uniformDescending(RandomStream r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        Arrays.sort(v);
        for (int i = 0; i < n / 2; i++) {
            double t = v[i];
            v[i] = v[n - 1 - i];
            v[n - 1 - i] = t;
        }
        return v;
    }

    /** Concatenation of a dominant and a bulk block. */
    static double[] concat(double[] dom, double[] bulk) {
        double[] v = Arrays.copyOf(dom, dom.length + bulk.length);
        System.arraycopy(bulk, 0, v, dom.length, bulk.length);
        return v;
    }

    /** d standard normal coordinates. */
    static double[] gaussian(RandomStream r, int d) {
        double[] c = new double[d];
        r.fillGaussian(c, 0, d);
        return c;
    }

    static double[] constant(int d, double value) {
        double[] v = new double[d];
        Arrays.fill(v, value);
        return v;
    }

    /**
     * The instance of the digest's §5 item 2: d = 40, k = 8, λ<sub>D</sub> ~ U(20, 30), λ<sub>B</sub> ~
     * U(0.5, 1.5), κ² = 0.3; the spectrum from the given stream.
     */
    static double[] digestSpectrum(RandomStream r) {
        return concat(uniformDescending(r, 8, 20, 30), uniformDescending(r, 32, 0.5, 1.5));
    }

    /**
     * A random landscape: d in [3, 60], k in [1, d−1], a dominant block in [λ<sub>k</sub>, λ<sub>k</sub>·spread],
     * a bulk block in [λ<sub>k+1</sub>/spread, λ<sub>k+1</sub>] with m = λ<sub>k</sub>/λ<sub>k+1</sub> log-uniform in
     * [1.2, 300], and diagonal noise κ² log-uniform in [0.05, 2].
     */
    static Landscape randomLandscape(RandomStream r) {
        int d = 3 + r.nextInt(58);
        int k = 1 + r.nextInt(d - 1);
        double m = Math.exp(Math.log(1.2) + (Math.log(300) - Math.log(1.2)) * r.nextDouble());
        double lambdaK = 1 + 9 * r.nextDouble();
        double lambdaK1 = lambdaK / m;
        double[] dom = uniformDescending(r, k, lambdaK, lambdaK * (1 + 3 * r.nextDouble()));
        dom[k - 1] = lambdaK;
        double[] bulk = uniformDescending(r, d - k, lambdaK1 / (1 + 5 * r.nextDouble()), lambdaK1);
        bulk[0] = lambdaK1;
        double[] ks = new double[d];
        for (int i = 0; i < d; i++) {
            ks[i] = 0.05 * Math.exp(Math.log(40) * r.nextDouble());
        }
        return Landscape.withDiagonalNoise(concat(dom, bulk), k, ks);
    }

    /** Half the time uniform on (0, 1), half the time 1 − 10^(−U(0, 6)) (close to 1, where p ≤ 0 happens). */
    static double randomTheta(RandomStream r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return u < 0.5 ? Math.max(v, 1e-9) : 1 - Math.pow(10, -6 * v);
    }

    /**
     * Random coordinates with a prescribed alignment θ ∈ (0, 1) and overall scale: Gaussian coordinates whose
     * dominant part is rescaled so that s<sup>D</sup>/s = theta, then all multiplied by scale.
     */
    static double[] coordinatesWithTheta(RandomStream r, Landscape land, double theta, double scale) {
        int d = land.d();
        int k = land.k();
        double[] c = gaussian(r, d);
        AlignmentState st = land.state(c);
        double factor = Math.sqrt(theta * st.bulk().s() / ((1 - theta) * st.dom().s()));
        for (int i = 0; i < d; i++) {
            c[i] *= scale * (i < k ? factor : 1);
        }
        return c;
    }
}
