package org.alignscope.train;

import java.util.ArrayList;
import java.util.List;
import org.alignscope.data.Dataset;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;
import org.alignscope.nn.OperatorKind;

/**
 * A fixed set of samples split into chunks, so that full-set quantities are evaluated with the memory of one
 * chunk: the mean loss L = Σ_c (n_c / n) L_c, its gradient, the Hessian ∇²L = Σ_c (n_c / n) ∇²L_c as an
 * operator, and the accuracy. Chunks are summed in a fixed order, so results are reproducible bit for bit.
 */
public final class ReferenceSet {
    private final List<Batch> chunks = new ArrayList<>();
    private final int n;

    public ReferenceSet(Dataset d, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be >= 1");
        }
        this.n = d.size();
        int p = d.featureCount();
        for (int s = 0; s < n; s += chunkSize) {
            int m = Math.min(chunkSize, n - s);
            double[] x = new double[m * p];
            System.arraycopy(d.features(), s * p, x, 0, m * p);
            int[] y = new int[m];
            System.arraycopy(d.labels(), s, y, 0, m);
            chunks.add(new Batch(x, y, m));
        }
    }

    public int size() {
        return n;
    }

    /** The mean loss. */
    public double loss(Model model) {
        double s = 0;
        for (Batch b : chunks) {
            s += model.loss(b) * b.n();
        }
        return s / n;
    }

    /** Writes the mean gradient into {@code out} and returns the mean loss. */
    public double gradient(Model model, double[] out) {
        double[] tmp = new double[out.length];
        java.util.Arrays.fill(out, 0);
        double s = 0;
        for (Batch b : chunks) {
            double w = b.n() / (double) n;
            s += model.gradient(b, tmp) * b.n();
            for (int i = 0; i < out.length; i++) {
                out[i] += w * tmp[i];
            }
        }
        return s / n;
    }

    /** The reference-set Hessian at the model's current parameters: {@code curvature(model, HESSIAN)}. */
    public SymmetricOperator hessian(Model model) {
        return curvature(model, OperatorKind.HESSIAN);
    }

    /**
     * The reference-set Hessian or Gauss–Newton matrix at the model's current parameters, as an operator,
     * Σ_c (n_c / n) M_c. Each chunk's operator is created when needed and linearised once (one forward pass per
     * chunk); the returned operator keeps them, so its memory is that of all chunks' activations.
     */
    public SymmetricOperator curvature(Model model, OperatorKind kind) {
        List<SymmetricOperator> ops = new ArrayList<>();
        double[] w = new double[chunks.size()];
        for (int c = 0; c < chunks.size(); c++) {
            ops.add(kind.of(model, chunks.get(c)));
            w[c] = chunks.get(c).n() / (double) n;
        }
        int dim = model.parameterCount();
        return new SymmetricOperator() {
            private final double[] tmp = new double[dim];

            @Override
            public int dimension() {
                return dim;
            }

            @Override
            public void apply(double[] v, double[] out) {
                java.util.Arrays.fill(out, 0);
                for (int c = 0; c < ops.size(); c++) {
                    ops.get(c).apply(v, tmp);
                    double wc = w[c];
                    for (int i = 0; i < dim; i++) {
                        out[i] += wc * tmp[i];
                    }
                }
            }
        };
    }

    /** The fraction of samples whose largest output is at the label (first maximum on ties). */
    public double accuracy(Model model) {
        long correct = 0;
        int k = model.outputSize();
        for (Batch b : chunks) {
            double[] z = model.outputs(b);
            for (int s = 0; s < b.n(); s++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (z[s * k + j] > z[s * k + best]) {
                        best = j;
                    }
                }
                if (best == b.labels()[s]) {
                    correct++;
                }
            }
        }
        return correct / (double) n;
    }
}
