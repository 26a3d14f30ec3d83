package org.alignscope.nn;

import java.util.ArrayList;
import java.util.List;
import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.random.RandomStream;

/** Tiny networks and batches shared by the tests. Everything is seeded. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * Tiny specs that together cover every layer type: dense, tanh, ReLU, GELU, flatten (implicit and
     * explicit), conv2d with stride and padding, max pooling (also overlapping), average pooling.
     */
    static final List<String> SPECS = List.of(
            "mlp:5-4-3:tanh",
            "mlp:5-4-4-3:relu",
            "mlp:5-4-3:gelu",
            "mlp:5-4-3:linear",
            "cnn:2x6x6:c3k3s1p1-tanh-max2-d3",
            "cnn:2x6x6:c3k3s2p1-gelu-avg2-d3",
            "cnn:1x7x7:c2k3-relu-max3s2-c3k2p1-tanh-avg2-flat-d4-tanh-d3");

    /** Every spec with both losses, as "spec|loss". */
    static List<String> cases() {
        List<String> out = new ArrayList<>();
        for (String s : SPECS) {
            for (Loss l : Loss.values()) {
                out.add(s + "|" + l.label());
            }
        }
        return out;
    }

    static Network net(String specAndLoss, Precision precision) {
        String[] parts = specAndLoss.split("\\|");
        return Network.create(parts[0], Loss.parse(parts[1]), precision, RandomStream.of(11, parts[0].hashCode()), 1.0);
    }

    /** n samples with standard normal inputs and labels cycling through the classes. */
    static Batch batch(Model m, int n, long seed) {
        RandomStream r = RandomStream.of(seed, 7);
        double[] x = new double[n * m.inputSize()];
        r.fillGaussian(x, 0, x.length);
        int[] y = new int[n];
        for (int s = 0; s < n; s++) {
            y[s] = (int) ((s * 7 + seed) % m.outputSize());
        }
        return new Batch(x, y, n);
    }

    static double[] gaussian(int dim, long seed) {
        double[] v = new double[dim];
        RandomStream.of(seed, 3).fillGaussian(v, 0, dim);
        return v;
    }

    static double[] unit(int dim, long seed) {
        double[] v = gaussian(dim, seed);
        double nv = Vectors.norm(v);
        for (int i = 0; i < dim; i++) {
            v[i] /= nv;
        }
        return v;
    }

    /** ‖a − b‖ / ‖b‖. */
    static double relErr(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s) / Vectors.norm(b);
    }

    /** θ + t v, written into the model (returns the old θ). */
    static double[] shift(Model m, double[] base, double[] v, double t) {
        double[] p = m.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] = base[i] + t * v[i];
        }
        return p;
    }

    /** The dense matrix of an operator, column by column. */
    static double[][] dense(org.alignscope.linalg.SymmetricOperator op) {
        int d = op.dimension();
        double[][] m = new double[d][d];
        double[] e = new double[d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            op.apply(e, col);
            e[j] = 0;
            for (int i = 0; i < d; i++) {
                m[i][j] = col[i];
            }
        }
        return m;
    }
}
