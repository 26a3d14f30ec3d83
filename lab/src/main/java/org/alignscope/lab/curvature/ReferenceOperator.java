package org.alignscope.lab.curvature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;
import org.alignscope.nn.OperatorKind;

/**
 * The Hessian (or Gauss–Newton matrix) of the <b>mean</b> loss over a whole reference set, evaluated in chunks.
 *
 * <p>The model's loss on a chunk c of n<sub>c</sub> samples is the mean over that chunk, L<sub>c</sub>, so the mean
 * over all n samples is L = Σ<sub>c</sub> (n<sub>c</sub>/n) L<sub>c</sub> and, exactly,
 * ∇²L = Σ<sub>c</sub> (n<sub>c</sub>/n) ∇²L<sub>c</sub> — also when the last chunk is shorter. Every product is
 * therefore the weighted sum of the chunk products, accumulated in double in chunk order (deterministic).
 *
 * <p>Two modes:
 * <ul>
 *   <li><b>whole set</b> (chunk size 0 or ≥ n): one operator of {@link Model#hessian}/{@link Model#gaussNewton},
 *       linearised once (one forward pass), each product one R-forward and one R-backward pass. Memory grows
 *       with n (the activations of every layer for all samples are kept).</li>
 *   <li><b>chunked</b> (0 &lt; chunk &lt; n): nothing is kept between products; each product re-runs, chunk by
 *       chunk, the forward pass and the R-passes ({@link Model#hvp}), as PyHessian does with a data loader.
 *       Memory is bounded by the chunk size; each product costs about one extra forward pass per chunk.</li>
 * </ul>
 * The parameters must not change while the operator is used. Not thread-safe.
 */
public final class ReferenceOperator implements SymmetricOperator {
    private final Model model;
    private final OperatorKind kind;
    private final List<Batch> chunks;
    private final double[] weights;
    private final SymmetricOperator whole;
    private final int n;
    private final double[] tmp;
    private long products;

    private ReferenceOperator(Model model, OperatorKind kind, List<Batch> chunks, int n, boolean cache) {
        this.model = model;
        this.kind = kind;
        this.chunks = chunks;
        this.n = n;
        this.weights = new double[chunks.size()];
        for (int c = 0; c < chunks.size(); c++) {
            weights[c] = (double) chunks.get(c).n() / n;
        }
        this.tmp = new double[model.parameterCount()];
        if (cache) {
            Batch b = chunks.get(0);
            this.whole = kind.of(model, b);
        } else {
            this.whole = null;
        }
    }

    /**
     * The operator of {@code model} at its current parameters on the samples {@code x} (row-major n × features)
     * with {@code labels}, in chunks of {@code chunk} samples (0, or ≥ n: the whole set at once).
     */
    public static ReferenceOperator of(Model model, OperatorKind kind, double[] x, int[] labels, int chunk) {
        int n = labels.length;
        if (n < 1) {
            throw new IllegalArgumentException("the reference set is empty");
        }
        if (chunk < 0) {
            throw new IllegalArgumentException("chunk must be >= 1 (or 0 for the whole set), got " + chunk);
        }
        int p = x.length / n;
        if ((long) p * n != x.length) {
            throw new IllegalArgumentException(x.length + " feature values do not make " + n + " samples");
        }
        if (chunk == 0 || chunk >= n) {
            return new ReferenceOperator(model, kind, List.of(new Batch(x, labels, n)), n, true);
        }
        List<Batch> chunks = new ArrayList<>();
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            chunks.add(new Batch(Arrays.copyOfRange(x, from * p, to * p), Arrays.copyOfRange(labels, from, to),
                    to - from));
        }
        return new ReferenceOperator(model, kind, chunks, n, false);
    }

    /** The number of samples n. */
    public int samples() {
        return n;
    }

    /** The number of chunks each product visits (1 in whole-set mode). */
    public int chunkCount() {
        return chunks.size();
    }

    /** Whether the forward pass is done once (whole-set mode) rather than per product and chunk. */
    public boolean cached() {
        return whole != null;
    }

    public OperatorKind kind() {
        return kind;
    }

    /** Products computed so far (each over the whole reference set). */
    public long products() {
        return products;
    }

    @Override
    public int dimension() {
        return model.parameterCount();
    }

    @Override
    public void apply(double[] v, double[] out) {
        products++;
        if (whole != null) {
            whole.apply(v, out);
            return;
        }
        Arrays.fill(out, 0);
        for (int c = 0; c < chunks.size(); c++) {
            Batch b = chunks.get(c);
            if (kind == OperatorKind.HESSIAN) {
                model.hvp(b, v, tmp);
            } else {
                model.gaussNewton(b).apply(v, tmp);
            }
            double w = weights[c];
            for (int i = 0; i < out.length; i++) {
                out[i] += w * tmp[i];
            }
        }
    }

    /** The mean loss over the reference set, chunk by chunk, and its gradient in {@code gradient} (length P). */
    public double lossAndGradient(double[] gradient) {
        Arrays.fill(gradient, 0);
        double loss = 0;
        for (int c = 0; c < chunks.size(); c++) {
            double l = model.gradient(chunks.get(c), tmp);
            double w = weights[c];
            loss += w * l;
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += w * tmp[i];
            }
        }
        return loss;
    }
}
